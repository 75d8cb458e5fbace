// The roster as CSV, outward, in the format import reads back: a 번호 (#id)
// column first, so a file exported, edited and imported again updates the
// same records. Written as Excel writes CSV, formulas neutralised (../../core/csv.ts).
// Staff data only (the roster holds nothing about residents).
import { seoulDate, seoulInstant } from '../../core/calendar/index.ts';
import { toCsv } from '../../core/csv.ts';
import { choiceLabel, type Translator } from '../../core/i18n/index.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext } from '../context.ts';
import { exportHeader, MEMBER_COLUMNS, ORGANIZATION_COLUMNS } from './csv-headers.ts';

type Store = { db: Db; clock: { now(): Date } };

export async function exportOrganizations(ctx: Store, t: Translator): Promise<{ csv: string; count: number }> {
  const orgs = await ctx.db.organization.findMany({ orderBy: { id: 'asc' } });
  const rows = orgs.map((o) => [String(o.id), o.name, choiceLabel(t, 'orgKind', o.kind), o.dong ?? '', o.sigungu ?? '']);
  return { csv: await rosterCsv(t, ORGANIZATION_COLUMNS, rows), count: rows.length };
}

/** Every member (all statuses, the 상태 column tells), or those of one organisation. */
export async function exportMembers(ctx: Store, t: Translator, filter: { orgId?: number } = {}): Promise<{ csv: string; count: number }> {
  const members = await ctx.db.member.findMany({
    where: filter.orgId === undefined ? {} : { orgId: filter.orgId },
    include: { org: true, roles: true, identities: true, councilSeats: { include: { council: true } } },
    orderBy: { id: 'asc' },
  });
  const today = seoulInstant(seoulDate(ctx.clock.now()));
  const day = (d: Date | null) => (d ? seoulDate(d) : '');
  const roleOrder = ['admin', 'coordinator', 'head', 'staff'];
  const rows = members.map((m) => {
    // One seat per row: the running one (the latest begun), else the one that ended last.
    const seat = [...m.councilSeats].sort((a, b) => {
      const running = (s: typeof a) => !s.termTo || s.termTo >= today;
      return (
        Number(running(b)) - Number(running(a)) ||
        (b.termTo?.getTime() ?? Infinity) - (a.termTo?.getTime() ?? Infinity) ||
        (b.termFrom?.getTime() ?? 0) - (a.termFrom?.getTime() ?? 0)
      );
    })[0];
    const account = (platform: string) => m.identities.find((i) => i.platform === platform)?.userId ?? '';
    return [
      String(m.id),
      m.name,
      m.org?.name ?? '',
      m.position ?? '',
      m.roles
        .map((r) => r.role)
        .sort((a, b) => roleOrder.indexOf(a) - roleOrder.indexOf(b))
        .map((r) => choiceLabel(t, 'role', r))
        .join(', '),
      choiceLabel(t, 'memberStatus', m.status),
      m.phone ?? '',
      m.email ?? '',
      seat?.council.name ?? '',
      seat ? choiceLabel(t, 'seat', seat.seat) : '',
      seat ? day(seat.termFrom) : '',
      seat ? day(seat.termTo) : '',
      account('slack'),
      account('discord'),
    ];
  });
  return { csv: await rosterCsv(t, MEMBER_COLUMNS, rows), count: rows.length };
}

function rosterCsv(t: Translator, columns: readonly string[], rows: string[][]): Promise<string> {
  return toCsv([columns.map((c) => exportHeader(c, t.locale)), ...rows]);
}

/** Who took a copy of the roster (staff contact details), in the audit log. */
export async function recordExport(ctx: FeatureContext, what: 'organizations' | 'members', detail: { count: number; org?: number }): Promise<void> {
  await recordAudit(ctx.db, ctx.clock, ctx.actor, 'directory.export', what, detail);
}
