// A whole reshuffle list (인사발령 명단) from CSV: every cell passes the privacy
// guard of the matching `/transfer create` option, then every row is checked
// like the command, with its line number; one bad row, or the same person
// twice, and nothing is written. Then every row becomes a confirmed
// transfer (announcement, effective-date change and checklist planned).
import { parseDateInput } from '../../core/korean-input.ts';
import { seoulDate } from '../../core/calendar/index.ts';
import { UserError } from '../../core/errors.ts';
import { choiceLabel, matchChoice, translator, type Locale } from '../../core/i18n/index.ts';
import type { FeatureContext } from '../context.ts';
import type { TextProfile } from '../../core/privacy/rules.ts';
import { decodeCsv, guardRows, ImportError, readRows } from '../directory/import.ts';
import { checkTransfer, confirmTransfer, createTransfer, type TransferInput } from './service.ts';

/** Columns of a reshuffle list: the key, or any of these headers. */
export const TRANSFER_HEADERS: Record<string, readonly string[]> = {
  member: ['member', '이름', '성명', '대상자'],
  effective: ['effective', '발령일', '발령일자', '일자'],
  to: ['to', '전입기관', '새근무지', '발령기관', '발령부서'],
  position: ['position', '직위', '새직위', '직급'],
  leave: ['leave', '구분', '사유', '퇴직휴직'],
  successor: ['successor', '후임', '후임자'],
  acting: ['acting', '직무대리', '직무대리자'],
  note: ['note', '비고', '메모'],
};

/** The guard of each column: names and references as the options that suggest members and organisations, the rest free text. */
const COLUMN_PROFILES: Record<string, TextProfile> = {
  member: 'name',
  to: 'name',
  successor: 'name',
  acting: 'name',
  position: 'free',
  leave: 'free',
  effective: 'free',
  note: 'free',
};

/** A reshuffle list's header has an effective-date column. */
export const isTransferList = (csv: string): boolean => {
  const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return header.split(',').some((h) => TRANSFER_HEADERS.effective.includes(h.trim().toLowerCase().replace(/\s+/g, '')));
};

export interface TransferImportResult {
  dryRun: boolean;
  /** `3행: 김주무관 모라3동행정복지센터 → 덕포1동행정복지센터 (2027-01-01), 후임 이주무관`. */
  lines: string[];
  notes: string[];
  count: number;
}

export async function importTransfers(ctx: FeatureContext, input: string | Uint8Array, options: { dryRun?: boolean; locale?: Locale } = {}): Promise<TransferImportResult> {
  const t = translator(options.locale ?? ctx.locale);
  const decoded = decodeCsv(t, input);
  const { columns, rows } = readRows(t, decoded.text, TRANSFER_HEADERS);
  const notes = decoded.note ? [decoded.note] : [];
  const unknown = columns.filter((c) => c.startsWith('?') && c.length > 1).map((c) => c.slice(1));
  if (unknown.length) notes.push(t('import.ignoredColumns', { columns: unknown.join(', ') }));
  if (!columns.includes('member') || !columns.includes('effective')) throw new ImportError([t('transferImport.needColumns')], notes);
  // Before anything reads a cell: what the report or an error below shows back has passed the guard.
  const refused = guardRows(t, rows, COLUMN_PROFILES, (column) => (t.locale === 'ko' ? TRANSFER_HEADERS[column]?.[1] : undefined) ?? column, new Set(['note']));
  if (refused.length) throw new ImportError(refused, notes);

  const today = seoulDate(ctx.clock.now());
  const problems: string[] = [];
  const planned: { line: number; input: TransferInput; text: string }[] = [];
  const seen = new Map<number, number>();
  for (const row of rows) {
    const v = row.values;
    const problem = (message: string) => problems.push(t('import.row', { line: row.line, problem: message }));
    const effective = v.effective ? parseDateInput(v.effective, today) : undefined;
    if (!effective) {
      problem(t('transferImport.badDate', { value: v.effective ?? '' }));
      continue;
    }
    const leave = v.leave ? matchChoice('leaveReason', v.leave) : undefined;
    if (v.leave && !leave) {
      problem(t('transferImport.badLeave', { value: v.leave }));
      continue;
    }
    const input: TransferInput = {
      memberRef: v.member ?? '',
      effective,
      toRef: v.to || undefined,
      position: v.position || undefined,
      leave,
      successorRef: v.successor || undefined,
      actingRef: v.acting || undefined,
      note: v.note || undefined,
    };
    try {
      const checked = await checkTransfer(ctx, input);
      const earlier = seen.get(checked.member.id);
      if (earlier) {
        problem(t('transferImport.twice', { name: checked.member.name, other: earlier }));
        continue;
      }
      seen.set(checked.member.id, row.line);
      const to = checked.to?.name ?? (leave ? choiceLabel(t, 'leaveReason', leave) : '-');
      const successor = checked.successor?.member?.name ?? checked.successor?.newName ?? t('transfer.noSuccessor');
      planned.push({ line: row.line, input, text: t('transferImport.line', { line: row.line, name: checked.member.name, from: checked.member.org?.name ?? '-', to, effective, successor }) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problem(t(error.key, Object.fromEntries(Object.entries(error.params).map(([k, p]) => [k, typeof p === 'string' && p.startsWith('choice:') ? p.split(':')[2] : p]))));
    }
  }
  if (problems.length) throw new ImportError(problems, notes);
  if (!options.dryRun) {
    for (const row of planned) {
      const { transfer } = await createTransfer(ctx, row.input);
      await confirmTransfer(ctx, transfer.id);
    }
  }
  return { dryRun: Boolean(options.dryRun), lines: planned.map((p) => p.text), notes, count: planned.length };
}
