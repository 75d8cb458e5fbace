// The roster as CSV, inward: organisations or members (with a council seat,
// a status and chat accounts). Rows that match a record update it, the rest
// are added. Every row is checked first; if any row is bad, the report lists
// each with its line number and nothing from the file is written. A dry run
// reports the same plan and writes nothing.
//
// Which record a row is (the key):
//   1. a `번호` (id) column, as export writes it: the bot's #id. An id that
//      does not exist is an error (a new row leaves 번호 empty).
//   2. otherwise organisations by name, members by name and organisation
//      (spaces in names ignored; without a 소속 column by name alone). When
//      that finds nobody, a member of the same name with the row's e-mail is
//      the same person (moved to another organisation).
//   Two rows on one record, or a row that fits several namesakes, is an error.
// An updated row changes only the columns the file has; an empty cell clears
// a text column (직위, 전화, 이메일, 소속, 읍면동, 시군구) and keeps the others
// (종류, 역할, 상태, 협의체, 계정). Records the file does not mention stay as they are.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Actor, Role } from '../../core/command.ts';
import type { Clock } from '../../core/clock.ts';
import { choiceLabel, matchChoice, translator, type Locale, type Translator } from '../../core/i18n/index.ts';
import { ALWAYS_FORBIDDEN, detectIdentifier, hasLineBreak } from '../../core/privacy.ts';
import { UserError } from '../../core/errors.ts';
import { guardText, refusalText } from '../../core/privacy/guard.ts';
import type { TextProfile } from '../../core/privacy/rules.ts';
import { addDays, seoulDate, seoulInstant } from '../../core/calendar/index.ts';
import { restoreCell } from '../../core/csv.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import { CSV_HEADERS, exportHeader } from './csv-headers.ts';
import { defaultTermEnd, isPhoneNumber, isWorkEmail, nameProblem, parseRoles, squash, termsOverlap, type MemberStatus, type OrgKind, type Seat } from './rules.ts';

/** Accepted headers for each column: the key itself or any alias (ko, en). */
/** Which identifier rules guard each column (as the chat options of the same name). */
const COLUMN_PROFILES: Record<string, TextProfile> = {
  name: 'name',
  org: 'name',
  council: 'name',
  kind: 'free',
  dong: 'free',
  sigungu: 'free',
  position: 'free',
  roles: 'free',
  status: 'free',
  seat: 'free',
  phone: 'contact',
  email: 'contact',
};

const HEADERS: Record<string, string[]> = Object.fromEntries(Object.entries(CSV_HEADERS).map(([key, aliases]) => [key, [key, ...aliases]]));

const text = z.string().trim().max(200);
const isoDate = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'YYYY-MM-DD');
/** Columns checked for form before anything else (length, dates). */
const SHAPES: Record<string, z.ZodType<string>> = { term_from: isoDate, term_to: isoDate, name: z.string().trim().max(100) };

export type ImportKind = 'organizations' | 'members';

export interface ImportOptions {
  /** Language of the report (BOT_LOCALE). */
  locale?: Locale;
  /** Check and report what would change, write nothing. */
  dryRun?: boolean;
  /** Which file this is; by default: a 종류 column means organisations, otherwise members. */
  kind?: ImportKind;
}

export interface ImportResult {
  kind: ImportKind;
  dryRun: boolean;
  added: number;
  updated: number;
  unchanged: number;
  /** One line per added or changed row: `3행: 추가 …`, `4행: 변경 #5 …: 직위 주무관 → 팀장`. */
  changes: string[];
  /** Things worth knowing that stopped nothing: ignored columns, the encoding the file was read in. */
  notes: string[];
  /** `추가 1, 변경 2, 그대로 5`. */
  summary: string;
}

export class ImportError extends Error {
  constructor(
    readonly problems: string[],
    readonly notes: string[] = [],
  ) {
    super(problems.join('\n'));
    this.name = 'ImportError';
  }
}

interface Deps {
  db: Db;
  clock: Clock;
  actor: Actor;
}

export interface Row {
  line: number;
  values: Record<string, string>;
}

// ---------- reading the file ----------

/**
 * Bytes to text: UTF-8 (with or without a BOM) or, failing that, CP949/EUC-KR
 * (what Excel writes for "CSV (쉼표로 분리)" on Korean Windows). Anything else
 * — UTF-16, an .xlsx, text that still looks broken — is refused with the hint
 * to save as "CSV UTF-8".
 */
export function decodeCsv(t: Translator, input: string | Uint8Array): { text: string; note?: string } {
  if (typeof input === 'string') return { text: input };
  const bytes = input;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) throw new ImportError([t('import.notCsv')]);
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw new ImportError([t('import.encoding')]);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // not UTF-8: try the Korean Windows code page
  }
  let decoded: string;
  try {
    decoded = new TextDecoder('euc-kr', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError([t('import.encoding')]);
  }
  if (looksBroken(decoded)) throw new ImportError([t('import.encoding')]);
  return { text: decoded, note: t('import.readCp949') };
}

/** Decoded text that is mostly not Korean, ASCII or common punctuation was not CP949 to begin with. */
function looksBroken(decoded: string): boolean {
  let hangul = 0;
  let other = 0;
  for (const ch of decoded) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) continue;
    if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3130 && c <= 0x318f)) hangul++;
    else other++;
  }
  return other > hangul;
}

/**
 * The rows of a CSV text, with each header mapped to its key (`?<header>` when
 * unknown). Every import reads here, so each cell loses the apostrophe export
 * put before a formula character (restoreCell): a file exported and imported
 * back is unchanged.
 */
export function readRows(t: Translator, csv: string, headers: Record<string, readonly string[]> = HEADERS): { columns: string[]; rows: Row[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let rawColumns: string[] = [];
  try {
    records = parse(csv, {
      bom: true,
      columns: (header: string[]) => {
        rawColumns = header.map(restoreCell);
        return rawColumns.map((h, i) => `${canonicalHeader(h, headers)}\u0000${i}`);
      },
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    // The parser's message can quote the cell it choked on: keep its title ("Invalid Opening Quote") and the line.
    const { message, lines } = error as Error & { lines?: number };
    const problem = t('import.badCsv', { reason: message.split(':')[0] });
    throw new ImportError([lines ? t('import.row', { line: lines, problem }) : problem]);
  }
  // The report may list headers back (ignored columns): they pass the guard like any cell.
  for (const header of rawColumns) {
    const checked = guardText('free', t('import.header'), header);
    if (checked instanceof UserError) throw new ImportError([t('import.row', { line: 1, problem: refusalText(t, checked) })]);
  }
  const columns = rawColumns.map((h) => canonicalHeader(h, headers));
  const rows = records
    .map((r) => ({
      line: r.info.lines,
      values: Object.fromEntries(Object.entries(r.record).map(([k, v]) => [k.split('\u0000')[0], restoreCell(v)])),
    }))
    // Excel leaves rows of bare commas below the data.
    .filter((r) => Object.values(r.values).some((v) => v !== ''));
  return { columns, rows };
}

function canonicalHeader(header: string, headers: Record<string, readonly string[]>): string {
  const wanted = headerKey(header);
  if (!wanted) return '?';
  const match = Object.entries(headers).find(([, names]) => names.some((n) => headerKey(n) === wanted));
  return match ? match[0] : `?${header.trim()}`;
}

const headerKey = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, '');

/**
 * The privacy guard over every row of a file (member, organisation and
 * reshuffle imports alike): each column with its profile, as the chat option
 * of the same name, cleaning the value in place; then the whole row, ignored
 * columns included, for an identifier split over cells. A problem names the
 * line, the column (`label`) and the kind of identifier, never the value.
 */
export function guardRows(
  t: Translator,
  rows: Row[],
  profiles: Record<string, TextProfile>,
  label: (column: string) => string,
  multiline: ReadonlySet<string> = new Set(),
): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const refused = (problem: string) => problems.push(t('import.row', { line: row.line, problem }));
    const before = problems.length;
    for (const [column, value] of Object.entries(row.values)) {
      const profile = profiles[column];
      if (!profile || !value) continue;
      // As for the chat options: a name needs a letter, and a cell is one line unless the column takes notes.
      const checked =
        (column === 'name' && nameProblem(label(column), value)) ||
        (!multiline.has(column) && hasLineBreak(value) && new UserError('error.lineBreakInName', { option: label(column) })) ||
        guardText(profile, label(column), value);
      if (checked instanceof UserError) refused(refusalText(t, checked));
      else row.values[column] = checked;
    }
    if (problems.length > before) continue;
    const found = detectIdentifier(Object.values(row.values).join(' '), ALWAYS_FORBIDDEN);
    if (found) refused(t('error.residentIdentifier', { what: t(`pii.${found}`) }));
  }
  return problems;
}

export function detectKind(t: Translator, columns: string[]): ImportKind {
  if (columns.includes('kind')) return 'organizations';
  if (columns.includes('name') || columns.includes('id')) return 'members';
  throw new ImportError([t('import.noNameColumn')]);
}

// ---------- the whole import ----------

export async function importCsv(deps: Deps, input: string | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const locale = options.locale ?? 'ko';
  const t = translator(locale);
  const { text: csv, note } = decodeCsv(t, input);
  const notes = note ? [note] : [];
  const { columns, rows } = readRows(t, csv);
  const unknownColumns = columns.filter((c) => c.startsWith('?') && c.length > 1).map((c) => c.slice(1));
  if (unknownColumns.length) notes.push(t('import.ignoredColumns', { columns: unknownColumns.join(', ') }));
  const known = columns.filter((c) => !c.startsWith('?'));
  const twice = known.find((c, i) => known.indexOf(c) !== i);
  if (twice) throw new ImportError([t('import.duplicateColumn', { column: exportHeader(twice, locale) })], notes);
  const kind = options.kind ?? detectKind(t, columns);
  if (!known.includes('name') && !known.includes('id')) throw new ImportError([t('import.noNameColumn')], notes);

  const problems = guardRows(t, rows, COLUMN_PROFILES, (column) => exportHeader(column, locale));
  // Lengths and dates.
  for (const row of rows) {
    for (const [column, value] of Object.entries(row.values)) {
      if (column.startsWith('?')) continue;
      if (!(SHAPES[column] ?? text).safeParse(value).success) {
        problems.push(t('import.row', { line: row.line, problem: t('import.badValue', { column: exportHeader(column, locale) }) }));
      }
    }
  }
  if (problems.length) throw new ImportError(problems, notes);

  const cleanRows = rows.map((r) => ({ line: r.line, values: Object.fromEntries(Object.entries(r.values).filter(([k]) => !k.startsWith('?'))) }));
  const has = new Set(known);
  const plan =
    kind === 'organizations' ? await planOrganizations(deps, t, has, cleanRows) : await planMembers(deps, t, has, cleanRows);
  if (plan.problems.length) throw new ImportError(plan.problems, notes);

  if (!options.dryRun && (plan.added + plan.updated > 0)) {
    // A long file must not hit the default 5 s interactive-transaction limit; the writer lock is waited for (busy timeout).
    await deps.db.$transaction((tx) => plan.apply(tx as unknown as Db), { maxWait: 15_000, timeout: 120_000 });
  }
  return {
    kind,
    dryRun: Boolean(options.dryRun),
    added: plan.added,
    updated: plan.updated,
    unchanged: plan.unchanged,
    changes: plan.lines,
    notes,
    summary: t('import.summary', { added: plan.added, updated: plan.updated, unchanged: plan.unchanged }),
  };
}

interface Plan {
  problems: string[];
  lines: string[];
  added: number;
  updated: number;
  unchanged: number;
  apply: (tx: Db) => Promise<void>;
}

type Change = { column: string; before: string; after: string };

function describeChanges(t: Translator, changes: Change[]): string {
  const shown = (v: string) => v || t('import.empty');
  return changes.map((c) => `${exportHeader(c.column, t.locale)} ${shown(c.before)} → ${shown(c.after)}`).join(', ');
}

const idOf = (value: string | undefined): number | undefined | 'bad' => {
  if (value === undefined || value === '') return undefined;
  return /^#?\d+$/.test(value) ? Number(value.replace('#', '')) : 'bad';
};

/** Existing records matched by exact name first, then with spaces ignored. */
function byName<T extends { name: string }>(records: readonly T[], name: string): T[] {
  const exact = records.filter((r) => r.name === name);
  return exact.length ? exact : records.filter((r) => squash(r.name) === squash(name));
}

// ---------- organisations ----------

async function planOrganizations(deps: Deps, t: Translator, has: Set<string>, rows: Row[]): Promise<Plan> {
  const problems: string[] = [];
  const lines: string[] = [];
  const orgs = await deps.db.organization.findMany({ include: { _count: { select: { councilSeats: true } } } });
  const claimed = new Map<number, number>();
  const names = new Map<string, number>();
  const adds: { line: number; name: string; kind: OrgKind; dong: string | null; sigungu: string | null }[] = [];
  const updates: { id: number; data: Record<string, string | null>; changed: string[] }[] = [];
  let unchanged = 0;

  for (const row of rows) {
    const v = row.values;
    const rowProblems: string[] = [];
    const at = (problem: string) => rowProblems.push(problem);
    const id = idOf(v.id);
    let existing: (typeof orgs)[number] | undefined;
    if (id === 'bad') at(t('import.badId', { value: v.id ?? '' }));
    else if (id !== undefined) {
      existing = orgs.find((o) => o.id === id);
      if (!existing) at(t('import.idMissing', { id, what: t('import.kind.organizations') }));
    } else if (v.name) {
      const same = byName(orgs, v.name);
      if (same.length > 1) at(t('import.ambiguous', { name: v.name, matches: same.map((o) => `#${o.id} ${o.name}`).join(', ') }));
      existing = same.length === 1 ? same[0] : undefined;
    }
    if (existing) {
      const other = claimed.get(existing.id);
      if (other !== undefined) at(t('import.sameRecord', { ref: `#${existing.id} ${existing.name}`, other }));
      claimed.set(existing.id, row.line);
    }
    if (!v.name && id === undefined) at(t('import.nameRequired'));
    let kind: OrgKind | undefined;
    if (v.kind) {
      kind = matchChoice('orgKind', v.kind) as OrgKind | undefined;
      if (!kind) at(t('import.badKind', { value: v.kind }));
    } else if (!existing && id === undefined) at(t('import.kindRequired'));
    const name = v.name || existing?.name || '';
    if (name) {
      const taken = orgs.find((o) => squash(o.name) === squash(name) && o.id !== existing?.id);
      // A new row whose name is taken has matched it above; a rename onto another organisation's name is refused.
      if (taken && existing) at(t('import.orgExists', { name }));
      const earlier = names.get(squash(name));
      if (earlier !== undefined) at(t('import.duplicateRow', { value: name, other: earlier }));
      names.set(squash(name), row.line);
    }
    if (existing && kind && existing.kind === 'council' && kind !== 'council' && existing._count.councilSeats > 0) {
      at(t('import.kindHasSeats', { name: existing.name, seats: existing._count.councilSeats }));
    }
    if (rowProblems.length) {
      problems.push(...rowProblems.map((problem) => t('import.row', { line: row.line, problem })));
      continue;
    }
    if (!existing) {
      adds.push({ line: row.line, name, kind: kind as OrgKind, dong: v.dong || null, sigungu: v.sigungu || null });
      lines.push(t('import.planAdd', { line: row.line, name, where: choiceLabel(t, 'orgKind', kind as string) }));
      continue;
    }
    const changes: Change[] = [];
    const data: Record<string, string | null> = {};
    const compare = (column: string, field: 'name' | 'kind' | 'dong' | 'sigungu', after: string | null, label = (x: string) => x) => {
      const before = existing[field];
      if ((before ?? null) === after) return;
      data[field] = after;
      changes.push({ column, before: before ? label(before) : '', after: after ? label(after) : '' });
    };
    if (v.name && squash(v.name) !== squash(existing.name)) compare('name', 'name', v.name);
    if (kind) compare('kind', 'kind', kind, (k) => choiceLabel(t, 'orgKind', k));
    if (has.has('dong')) compare('dong', 'dong', v.dong || null);
    if (has.has('sigungu')) compare('sigungu', 'sigungu', v.sigungu || null);
    if (!changes.length) {
      unchanged++;
      continue;
    }
    updates.push({ id: existing.id, data, changed: Object.keys(data) });
    lines.push(t('import.planUpdate', { line: row.line, ref: `#${existing.id} ${existing.name}`, changes: describeChanges(t, changes) }));
  }

  return {
    problems,
    lines,
    added: adds.length,
    updated: updates.length,
    unchanged,
    apply: async (tx) => {
      for (const u of updates) {
        await tx.organization.update({ where: { id: u.id }, data: u.data });
        await recordAudit(tx, deps.clock, deps.actor, 'org.import', `org #${u.id}`, { changed: u.changed });
      }
      for (const org of adds) {
        const created = await tx.organization.create({ data: { name: org.name, kind: org.kind, dong: org.dong, sigungu: org.sigungu } });
        await recordAudit(tx, deps.clock, deps.actor, 'org.import', `org #${created.id}`, { name: org.name });
      }
    },
  };
}

// ---------- members ----------

type Account = { platform: 'slack' | 'discord'; userId: string };

async function planMembers(deps: Deps, t: Translator, has: Set<string>, rows: Row[]): Promise<Plan> {
  const problems: string[] = [];
  const lines: string[] = [];
  const today = seoulDate(deps.clock.now());
  const [orgs, members, identities] = await Promise.all([
    deps.db.organization.findMany(),
    deps.db.member.findMany({ include: { roles: true, org: true, councilSeats: true } }),
    deps.db.chatIdentity.findMany({ where: { platform: { in: ['slack', 'discord'] } } }),
  ]);
  const seats = members.flatMap((m) => m.councilSeats.map((s) => ({ ...s, memberName: m.name })));
  const claimed = new Map<number, number>();
  const newKeys = new Map<string, number>();
  const seenAccounts = new Map<string, number>();
  /** Chair seats this file gives, to catch two chairs in one term. */
  const plannedChairs: { councilId: number; seat: Seat; memberId: number | string; name: string; from: Date; to: Date }[] = [];

  type SeatPlan = { councilId: number; seat: Seat; from: Date; to: Date };
  type Write = {
    line: number;
    memberId?: number;
    name: string;
    data: { name?: string; orgId?: number | null; position?: string | null; phone?: string | null; email?: string | null };
    roles?: Role[];
    status?: MemberStatus;
    seat?: SeatPlan;
    accounts: Account[];
  };
  const writes: Write[] = [];
  let unchanged = 0;

  for (const row of rows) {
    const v = row.values;
    const rowProblems: string[] = [];
    const at = (problem: string) => rowProblems.push(problem);

    // Organisation of the row (also part of the key).
    let org: (typeof orgs)[number] | null | undefined;
    if (has.has('org')) {
      if (!v.org) org = null;
      else {
        const found = byName(orgs, v.org);
        if (found.length === 1) org = found[0];
        else at(t('import.orgMissing', { name: v.org }));
      }
    }

    // Which member this row is.
    const id = idOf(v.id);
    let existing: (typeof members)[number] | undefined;
    if (id === 'bad') at(t('import.badId', { value: v.id ?? '' }));
    else if (id !== undefined) {
      existing = members.find((m) => m.id === id);
      if (!existing) at(t('import.idMissing', { id, what: t('import.kind.members') }));
    } else if (v.name && !(has.has('org') && org === undefined)) {
      existing = matchMember(t, members, v.name, org ?? null, has.has('org'), v.email, at);
    }
    if (existing) {
      const other = claimed.get(existing.id);
      if (other !== undefined) at(t('import.sameRecord', { ref: `#${existing.id} ${existing.name}`, other }));
      claimed.set(existing.id, row.line);
    } else if (v.name && id === undefined) {
      const key = `${squash(v.name)}@${org?.id ?? ''}`;
      const earlier = newKeys.get(key);
      if (earlier !== undefined) at(t('import.duplicateRow', { value: v.name, other: earlier }));
      newKeys.set(key, row.line);
    }
    if (!v.name && id === undefined) at(t('import.nameRequired'));

    let roles: Role[] | undefined;
    if (v.roles) {
      try {
        roles = parseRoles(v.roles);
      } catch {
        at(t('member.badRoles', { value: v.roles }));
      }
    }
    let status: MemberStatus | undefined;
    if (v.status) {
      status = matchChoice('memberStatus', v.status) as MemberStatus | undefined;
      if (!status) at(t('import.badStatus', { value: v.status }));
    }
    if (v.phone && !isPhoneNumber(v.phone)) at(t('member.badPhone', { value: v.phone }));
    if (v.email && !isWorkEmail(v.email)) at(t('member.badEmail', { value: v.email }));

    const finalStatus = status ?? (existing?.status as MemberStatus | undefined) ?? 'active';
    let seat: SeatPlan | undefined;
    let seatChanges: Change[] = [];
    if (v.council || v.seat) {
      const council = v.council ? byName(orgs, v.council) : [];
      const seatValue = v.seat ? (matchChoice('seat', v.seat) as Seat | undefined) : undefined;
      if (council.length !== 1 || council[0].kind !== 'council') at(t('import.notCouncil', { name: v.council ?? '' }));
      if (v.seat && !seatValue) at(t('import.badSeat', { value: v.seat }));
      if (council.length === 1 && council[0].kind === 'council' && (seatValue || !v.seat)) {
        const before = existing?.councilSeats.find((s) => s.councilId === council[0].id);
        const from = v.term_from ? seoulInstant(v.term_from) : (before?.termFrom ?? seoulInstant(today));
        const to = v.term_to ? seoulInstant(v.term_to) : before ? (before.termTo ?? defaultTermEnd(from)) : defaultTermEnd(from);
        const kindOfSeat = seatValue ?? ((before?.seat as Seat | undefined) ?? 'member');
        if (to < from) at(t('council.badTerm', { from: v.term_from ?? '', to: v.term_to ?? '' }));
        seat = { councilId: council[0].id, seat: kindOfSeat, from, to };
        const day = (d: Date | null | undefined) => (d ? seoulDate(d) : '');
        const label = (s: string | undefined) => (s ? choiceLabel(t, 'seat', s) : '');
        seatChanges = before
          ? [
              { column: 'seat', before: label(before.seat), after: label(kindOfSeat) },
              { column: 'term_from', before: day(before.termFrom), after: day(from) },
              { column: 'term_to', before: day(before.termTo), after: day(to) },
            ].filter((c) => c.before !== c.after)
          : [{ column: 'council', before: '', after: `${council[0].name} ${label(kindOfSeat)} (${day(from)}~${day(to)})` }];
        if (!seatChanges.length) seat = undefined;
        if (seat && finalStatus !== 'active') at(t('import.seatInactive', { name: v.name || existing?.name || '' }));
        if (seat && seat.seat !== 'member') {
          const self = existing?.id ?? `line${row.line}`;
          const clash = [
            ...seats.filter((s) => s.councilId === seat?.councilId && s.seat === seat.seat && s.memberId !== existing?.id)
              .map((s) => ({ name: s.memberName, from: s.termFrom, to: s.termTo })),
            ...plannedChairs.filter((p) => p.councilId === seat?.councilId && p.seat === seat.seat && p.memberId !== self),
          ].find((h) => termsOverlap({ from: h.from, to: h.to }, { from: seat?.from, to: seat?.to }));
          if (clash) at(t('import.chairTaken', { council: council[0].name, seat: label(seat.seat), name: clash.name }));
          plannedChairs.push({ ...seat, memberId: self, name: v.name || existing?.name || '' });
        }
      }
    }

    const accounts: Account[] = [];
    for (const platform of ['slack', 'discord'] as const) {
      const userId = v[platform];
      if (!userId) continue;
      const key = `${platform}:${userId}`;
      const linked = identities.find((i) => i.platform === platform && i.userId === userId);
      if (linked && linked.memberId !== existing?.id) at(t('import.accountTaken', { account: key }));
      const earlier = seenAccounts.get(key);
      if (earlier !== undefined) at(t('import.duplicateRow', { value: key, other: earlier }));
      seenAccounts.set(key, row.line);
      if (!linked) accounts.push({ platform, userId });
    }

    if (rowProblems.length) {
      problems.push(...rowProblems.map((problem) => t('import.row', { line: row.line, problem })));
      continue;
    }

    if (!existing) {
      writes.push({
        line: row.line,
        name: v.name,
        data: { name: v.name, orgId: org?.id ?? null, position: v.position || null, phone: v.phone || null, email: v.email || null },
        roles: roles ?? ['staff'],
        status: status && status !== 'active' ? status : undefined,
        seat,
        accounts,
      });
      lines.push(t('import.planAdd', { line: row.line, name: v.name, where: org?.name ?? t('import.noOrg') }));
      continue;
    }

    const changes: Change[] = [];
    const data: Write['data'] = {};
    const textColumn = (column: 'position' | 'phone' | 'email') => {
      if (!has.has(column)) return;
      const after = v[column] || null;
      if ((existing[column] ?? null) === after) return;
      data[column] = after;
      changes.push({ column, before: existing[column] ?? '', after: after ?? '' });
    };
    if (v.name && squash(v.name) !== squash(existing.name)) {
      data.name = v.name;
      changes.push({ column: 'name', before: existing.name, after: v.name });
    }
    if (org !== undefined && (org?.id ?? null) !== existing.orgId) {
      data.orgId = org?.id ?? null;
      changes.push({ column: 'org', before: existing.org?.name ?? '', after: org?.name ?? '' });
    }
    textColumn('position');
    let newRoles: Role[] | undefined;
    const roleText = (rs: readonly string[]) => rs.map((r) => choiceLabel(t, 'role', r)).join(', ');
    const oldRoles = existing.roles.map((r) => r.role).sort();
    if (roles && [...roles].sort().join() !== oldRoles.join()) {
      newRoles = roles;
      changes.push({ column: 'roles', before: roleText(oldRoles), after: roleText(roles) });
    }
    let newStatus: MemberStatus | undefined;
    if (status && status !== existing.status) {
      newStatus = status;
      changes.push({ column: 'status', before: choiceLabel(t, 'memberStatus', existing.status), after: choiceLabel(t, 'memberStatus', status) });
    }
    textColumn('phone');
    textColumn('email');
    changes.push(...seatChanges);
    for (const account of accounts) changes.push({ column: account.platform, before: '', after: account.userId });
    if (!changes.length) {
      unchanged++;
      continue;
    }
    writes.push({ line: row.line, memberId: existing.id, name: existing.name, data, roles: newRoles, status: newStatus, seat, accounts });
    lines.push(t('import.planUpdate', { line: row.line, ref: `#${existing.id} ${existing.name}`, changes: describeChanges(t, changes) }));
  }

  const added = writes.filter((w) => w.memberId === undefined).length;
  return {
    problems,
    lines,
    added,
    updated: writes.length - added,
    unchanged,
    apply: async (tx) => {
      const now = deps.clock.now();
      for (const w of writes) {
        let memberId = w.memberId;
        if (memberId === undefined) {
          const created = await tx.member.create({
            data: {
              ...w.data,
              name: w.name,
              locale: t.locale,
              status: w.status ?? 'active',
              statusAt: w.status ? now : null,
              roles: { create: (w.roles ?? ['staff']).map((role) => ({ role })) },
            },
          });
          memberId = created.id;
        } else {
          await tx.member.update({ where: { id: memberId }, data: { ...w.data, ...(w.status ? { status: w.status, statusAt: now } : {}) } });
          if (w.roles) {
            await tx.memberRole.deleteMany({ where: { memberId } });
            await tx.memberRole.createMany({ data: w.roles.map((role) => ({ memberId: memberId as number, role })) });
          }
        }
        if (w.seat) {
          const s = w.seat;
          await tx.councilSeat.upsert({
            where: { councilId_memberId: { councilId: s.councilId, memberId } },
            create: { councilId: s.councilId, memberId, seat: s.seat, termFrom: s.from, termTo: s.to },
            update: { seat: s.seat, termFrom: s.from, termTo: s.to },
          });
        }
        for (const account of w.accounts) await tx.chatIdentity.create({ data: { ...account, memberId } });
        let seatsEnded = 0;
        if (w.memberId !== undefined && w.status && w.status !== 'active') seatsEnded = await endRunningSeats(tx, memberId, today);
        await recordAudit(tx, deps.clock, deps.actor, 'member.import', `member #${memberId}`, {
          ...(w.memberId === undefined ? { added: true } : { changed: Object.keys(w.data) }),
          ...(w.roles && { roles: w.roles }),
          ...(w.status && { status: w.status }),
          ...(seatsEnded && { seatsEnded }),
        });
      }
    },
  };
}

/**
 * The member a row without 번호 is: same name (spaces ignored) and, when the
 * file has a 소속 column, the same organisation; when that finds nobody, the
 * same name and e-mail (someone who moved). Several is an error.
 */
function matchMember<M extends { id: number; name: string; orgId: number | null; email: string | null; position: string | null; org: { name: string } | null }>(
  t: Translator,
  members: readonly M[],
  name: string,
  org: { id: number } | null,
  byOrg: boolean,
  email: string | undefined,
  at: (problem: string) => void,
): M | undefined {
  const sameName = byName(members, name);
  const sameEmail = (list: readonly M[]) => (email ? list.filter((m) => m.email?.toLowerCase() === email.toLowerCase()) : []);
  let found = byOrg ? sameName.filter((m) => m.orgId === (org?.id ?? null)) : sameName;
  if (found.length > 1 && sameEmail(found).length === 1) found = sameEmail(found);
  if (found.length === 0 && byOrg) found = sameEmail(sameName);
  if (found.length > 1) {
    at(t('import.ambiguous', { name, matches: found.map((m) => `#${m.id} ${m.name}(${[m.org?.name, m.position].filter(Boolean).join('·')})`).join(', ') }));
    return undefined;
  }
  return found[0];
}

type Tx = Db;

/** As /member retire: running council seats end today (the last day is yesterday); a term not yet begun is withdrawn. */
async function endRunningSeats(tx: Tx, memberId: number, today: string): Promise<number> {
  const running = await tx.councilSeat.findMany({ where: { memberId, OR: [{ termTo: null }, { termTo: { gte: seoulInstant(today) } }] } });
  const lastDay = seoulInstant(addDays(today, -1));
  for (const seat of running) {
    if (seat.termFrom && seat.termFrom > lastDay) await tx.councilSeat.delete({ where: { id: seat.id } });
    else await tx.councilSeat.update({ where: { id: seat.id }, data: { termTo: lastDay } });
  }
  return running.length;
}

/**
 * One line for an error from the database (locked, unreachable, engine
 * failures) instead of the engine's multi-line message and stack: for the
 * import and export scripts.
 */
export function describeDatabaseError(t: Translator, error: unknown): string {
  const message = error instanceof Error ? `${error.message}\n${error.cause instanceof Error ? error.cause.message : ''}` : String(error);
  if (/SQLITE_BUSY|database is locked|SocketTimeout|busy|timed out|timeout/i.test(message)) return t('import.dbBusy');
  // Prisma's message carries the call site and a code frame; the reason is its last plain line.
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/^(Invalid `|→|\d+\s|at\s)/.test(l) && !l.includes('invocation'));
  const reason = (lines.at(-1) ?? (error instanceof Error ? error.name : 'error')).slice(0, 200);
  return t('import.dbError', { reason });
}
