// Bulk onboarding from CSV: organisations or members (with optional council
// seats and chat accounts). Every row is checked first; if any row is bad, the
// report lists each with its line number and nothing from the file is written.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Actor, Role } from '../../core/command.ts';
import type { Clock } from '../../core/clock.ts';
import { matchChoice, translator, type Locale, type Translator } from '../../core/i18n/index.ts';
import { ALWAYS_FORBIDDEN, detectIdentifier } from '../../core/privacy.ts';
import { seoulDate, seoulInstant } from '../../core/calendar/index.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import { CSV_HEADERS } from './csv-headers.ts';
import { defaultTermEnd, isPhoneNumber, isWorkEmail, parseRoles, type OrgKind, type Seat } from './rules.ts';

/** Accepted headers for each column: the key itself or any alias (ko, en). */
const HEADERS: Record<string, string[]> = Object.fromEntries(Object.entries(CSV_HEADERS).map(([key, aliases]) => [key, [key, ...aliases]]));

const optionalText = z
  .string()
  .trim()
  .max(200)
  .transform((s) => s || undefined)
  .optional();
const isoDate = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'YYYY-MM-DD')
  .transform((s) => s || undefined)
  .optional();

const orgRow = z.object({
  name: z.string().trim().min(1),
  kind: z.string().trim().min(1),
  dong: optionalText,
  sigungu: optionalText,
});

const memberRow = z.object({
  name: z.string().trim().min(1).max(50),
  org: optionalText,
  position: optionalText,
  roles: optionalText,
  phone: optionalText,
  email: optionalText,
  council: optionalText,
  seat: optionalText,
  term_from: isoDate,
  term_to: isoDate,
  slack: optionalText,
  discord: optionalText,
});

export type ImportKind = 'organizations' | 'members';

export interface ImportResult {
  kind: ImportKind;
  written: number;
}

export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ImportError';
  }
}

interface Row {
  line: number;
  values: Record<string, string>;
}

function readRows(t: Translator, csv: string): { columns: string[]; rows: Row[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  let rawColumns: string[] = [];
  try {
    records = parse(csv, {
      bom: true,
      columns: (header: string[]) => {
        rawColumns = header;
        return header.map(canonicalHeader);
      },
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (error) {
    throw new ImportError([t('import.badCsv', { reason: (error as Error).message })]);
  }
  return {
    columns: rawColumns.map(canonicalHeader),
    rows: records.map((r) => ({ line: r.info.lines, values: r.record })),
  };
}

function canonicalHeader(header: string): string {
  const wanted = headerKey(header);
  const match = Object.entries(HEADERS).find(([, names]) => names.some((n) => headerKey(n) === wanted));
  return match ? match[0] : `?${header.trim()}`;
}

const headerKey = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, '');

export function detectKind(t: Translator, columns: string[]): ImportKind {
  if (columns.includes('kind')) return 'organizations';
  if (columns.includes('name')) return 'members';
  throw new ImportError([t('import.noNameColumn')]);
}

export async function importCsv(
  deps: { db: Db; clock: Clock; actor: Actor },
  csv: string,
  locale: Locale = 'ko',
): Promise<ImportResult> {
  const t = translator(locale);
  const { columns, rows } = readRows(t, csv);
  const unknownColumns = columns.filter((c) => c.startsWith('?')).map((c) => c.slice(1));
  if (unknownColumns.length) {
    throw new ImportError([
      t('import.unknownColumns', {
        columns: unknownColumns.join(', '),
        known: Object.values(HEADERS).map((n) => `${n[0]}(${n[1]})`).join(', '),
      }),
    ]);
  }
  const kind = detectKind(t, columns);
  const problems: string[] = [];

  // The privacy rule holds for files too: refuse the whole file.
  for (const row of rows) {
    const found = detectIdentifier(Object.values(row.values).join(' '), ALWAYS_FORBIDDEN);
    if (found) problems.push(t('import.row', { line: row.line, problem: t('error.residentIdentifier', { what: t(`pii.${found}`) }) }));
  }
  if (problems.length) throw new ImportError(problems);

  return kind === 'organizations'
    ? importOrganizations(deps, t, rows, problems)
    : importMembers(deps, t, rows, problems);
}

async function importOrganizations(deps: { db: Db; clock: Clock; actor: Actor }, t: Translator, rows: Row[], problems: string[]) {
  const seen = new Map<string, number>();
  const valid: { name: string; kind: OrgKind; dong?: string; sigungu?: string }[] = [];
  const existing = new Set(
    (await deps.db.organization.findMany({ where: { name: { in: rows.map((r) => r.values.name ?? '') } }, select: { name: true } })).map(
      (o) => o.name,
    ),
  );
  for (const row of rows) {
    const parsed = orgRow.safeParse(row.values);
    if (!parsed.success) {
      problems.push(t('import.row', { line: row.line, problem: describeZod(t, parsed.error) }));
      continue;
    }
    const kind = matchChoice('orgKind', parsed.data.kind) as OrgKind | undefined;
    const at = (problem: string) => problems.push(t('import.row', { line: row.line, problem }));
    if (!kind) at(t('import.badKind', { value: parsed.data.kind }));
    if (existing.has(parsed.data.name)) at(t('import.orgExists', { name: parsed.data.name }));
    if (seen.has(parsed.data.name)) at(t('import.duplicateRow', { value: parsed.data.name, other: seen.get(parsed.data.name) ?? '' }));
    seen.set(parsed.data.name, row.line);
    if (kind) valid.push({ ...parsed.data, kind });
  }
  if (problems.length) throw new ImportError(problems);
  await deps.db.$transaction(async (tx) => {
    for (const org of valid) {
      const created = await tx.organization.create({
        data: { name: org.name, kind: org.kind, dong: org.dong ?? null, sigungu: org.sigungu ?? null },
      });
      await recordAudit(tx, deps.clock, deps.actor, 'org.import', `org #${created.id}`, { name: org.name });
    }
  });
  return { kind: 'organizations' as const, written: valid.length };
}

async function importMembers(deps: { db: Db; clock: Clock; actor: Actor }, t: Translator, rows: Row[], problems: string[]) {
  const orgNames = new Set(rows.flatMap((r) => [r.values.org, r.values.council]).filter((n): n is string => Boolean(n)));
  const orgs = new Map(
    (await deps.db.organization.findMany({ where: { name: { in: [...orgNames] } } })).map((o) => [o.name, o]),
  );
  const accounts = rows.flatMap((r) => [
    r.values.slack && { platform: 'slack', userId: r.values.slack },
    r.values.discord && { platform: 'discord', userId: r.values.discord },
  ]).filter((a): a is { platform: string; userId: string } => Boolean(a));
  const takenAccounts = new Set(
    (
      await deps.db.chatIdentity.findMany({
        where: { OR: accounts.length ? accounts : [{ platform: '-', userId: '-' }] },
        select: { platform: true, userId: true },
      })
    ).map((a) => `${a.platform}:${a.userId}`),
  );
  const seenAccounts = new Map<string, number>();
  const existingMembers = new Set(
    (
      await deps.db.member.findMany({
        where: { name: { in: rows.map((r) => r.values.name ?? '') } },
        select: { name: true, orgId: true },
      })
    ).map((m) => `${m.name}@${m.orgId ?? ''}`),
  );

  type Valid = {
    name: string;
    orgId: number | null;
    position?: string;
    roles: Role[];
    phone?: string;
    email?: string;
    seat?: { councilId: number; seat: Seat; from: Date; to: Date };
    accounts: { platform: string; userId: string }[];
  };
  const valid: Valid[] = [];
  for (const row of rows) {
    const parsed = memberRow.safeParse(row.values);
    if (!parsed.success) {
      problems.push(t('import.row', { line: row.line, problem: describeZod(t, parsed.error) }));
      continue;
    }
    const r = parsed.data;
    const rowProblems: string[] = [];
    const org = r.org ? orgs.get(r.org) : undefined;
    if (r.org && !org) rowProblems.push(t('import.orgMissing', { name: r.org }));
    if (existingMembers.has(`${r.name}@${org?.id ?? ''}`)) rowProblems.push(t('import.memberExists', { name: r.name, org: r.org ?? '-' }));
    let roles: Role[] = ['staff'];
    try {
      if (r.roles) roles = parseRoles(r.roles);
    } catch {
      rowProblems.push(t('member.badRoles', { value: r.roles ?? '' }));
    }
    if (r.phone && !isPhoneNumber(r.phone)) rowProblems.push(t('member.badPhone', { value: r.phone }));
    if (r.email && !isWorkEmail(r.email)) rowProblems.push(t('member.badEmail', { value: r.email }));
    let seat: Valid['seat'];
    if (r.council || r.seat) {
      const council = r.council ? orgs.get(r.council) : undefined;
      const seatValue = r.seat ? (matchChoice('seat', r.seat) as Seat | undefined) : 'member';
      if (!council || council.kind !== 'council') rowProblems.push(t('import.notCouncil', { name: r.council ?? '' }));
      if (!seatValue) rowProblems.push(t('import.badSeat', { value: r.seat ?? '' }));
      if (council && seatValue) {
        const from = seoulInstant(r.term_from ?? seoulDate(deps.clock.now()));
        const to = r.term_to ? seoulInstant(r.term_to) : defaultTermEnd(from);
        if (to < from) rowProblems.push(t('council.badTerm', { from: r.term_from ?? '', to: r.term_to ?? '' }));
        seat = { councilId: council.id, seat: seatValue, from, to };
      }
    }
    const rowAccounts = [
      r.slack ? { platform: 'slack', userId: r.slack } : undefined,
      r.discord ? { platform: 'discord', userId: r.discord } : undefined,
    ].filter((a): a is { platform: string; userId: string } => Boolean(a));
    for (const account of rowAccounts) {
      const key = `${account.platform}:${account.userId}`;
      if (takenAccounts.has(key)) rowProblems.push(t('import.accountTaken', { account: key }));
      if (seenAccounts.has(key)) rowProblems.push(t('import.duplicateRow', { value: key, other: seenAccounts.get(key) ?? '' }));
      seenAccounts.set(key, row.line);
    }
    if (rowProblems.length) problems.push(...rowProblems.map((problem) => t('import.row', { line: row.line, problem })));
    else valid.push({ ...r, orgId: org?.id ?? null, roles, seat, accounts: rowAccounts });
  }
  if (problems.length) throw new ImportError(problems);

  await deps.db.$transaction(async (tx) => {
    for (const m of valid) {
      const member = await tx.member.create({
        data: {
          name: m.name,
          orgId: m.orgId,
          position: m.position ?? null,
          phone: m.phone ?? null,
          email: m.email ?? null,
          roles: { create: m.roles.map((role) => ({ role })) },
          identities: { create: m.accounts },
          councilSeats: m.seat
            ? { create: [{ councilId: m.seat.councilId, seat: m.seat.seat, termFrom: m.seat.from, termTo: m.seat.to }] }
            : undefined,
        },
      });
      await recordAudit(tx, deps.clock, deps.actor, 'member.import', `member #${member.id}`, { org: m.orgId });
    }
  });
  return { kind: 'members' as const, written: valid.length };
}

function describeZod(t: Translator, error: z.ZodError): string {
  return error.issues.map((issue) => t('import.badValue', { column: String(issue.path[0] ?? '') })).join(', ');
}
