// Weekly digests for heads of dong offices, welfare-centre directors and
// coordinators. What the week holds is read once, in a few queries for the
// whole directory (loadWeek); each person's digest is then composed from
// in-memory maps, so composing every digest does no work per person that
// grows with the whole database. Case codes and counts only, never resident data.
import { addDays, seoulDate, seoulInstant, type IsoDate } from '../../core/calendar/index.ts';
import { UserError } from '../../core/errors.ts';
import type { Translator } from '../../core/i18n/index.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext, LinkedContext } from '../context.ts';
import { findMember, findOrganization } from '../directory/service.ts';
import { closuresBetween } from '../holidays/service.ts';
import type { Occurrence, Series } from '../meetups/model.ts';
import { occurrencesOf } from '../meetups/service.ts';
import { digestCard, type Digest } from './cards.ts';
import type { Recipient } from './model.ts';
import { weekStart } from './rules.ts';

type OrgInfo = { id: number; name: string; kind: string; sigungu: string | null; digestTime: string | null };

/** Everything a week's digests draw on, for the whole directory at once. */
export interface WeekData {
  monday: IsoDate;
  /** Two weeks: this one and the next. */
  until: IsoDate;
  now: Date;
  orgs: Map<number, OrgInfo>;
  /** Organisation -> its partners (hub, MOU, council links). */
  partners: Map<number, Set<number>>;
  /** Welfare centre -> the dong offices it serves as hub. */
  hubOf: Map<number, number[]>;
  occurrencesByOrg: Map<number, { occurrence: Occurrence; orgIds: number[] }[]>;
  answered: Map<string, { yes: number; no: number; maybe: number; members: Set<number> }>;
  activeByOrg: Map<number, { id: number; name: string }[]>;
  polls: { id: number; question: string; deadline: Date; councilId: number | null; eligible: Set<number>; voted: number }[];
  /** Member -> the open polls they may vote in; council -> its open polls. */
  pollsOfVoter: Map<number, WeekData['polls']>;
  pollsOfCouncil: Map<number, WeekData['polls']>;
  chairsOf: Map<number, Set<number>>;
  transfersByOrg: Map<number, { id: number; name: string; effective: string; fromOrgId: number | null; toOrgId: number | null; successorId: number | null; leaveReason: string | null }[]>;
  owedByOrg: Map<number, { title: string; date: string; closesAt: Date }[]>;
  followUpsByLead: Map<number, { id: number; caseCode: string; nextCheck: string }[]>;
  newPartners: Map<number, { id: number; name: string }[]>;
  newMembers: Map<number, { id: number; name: string }[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
const add = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
};

export async function loadWeek(ctx: Pick<FeatureContext, 'db' | 'clock'>, monday: IsoDate): Promise<WeekData> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const until = addDays(monday, 13);
  const weekAgo = seoulInstant(addDays(monday, -7));
  const [orgs, links, series, members, polls, seats, transfers, agendas, followUps] = await Promise.all([
    db.organization.findMany({ select: { id: true, name: true, kind: true, sigungu: true, digestTime: true } }),
    db.partnership.findMany({ select: { kind: true, fromId: true, toId: true, createdAt: true } }),
    db.meetupSeries.findMany({
      where: { status: 'active', startDate: { lte: addDays(until, 10) }, OR: [{ until: null }, { until: { gte: addDays(monday, -10) } }] },
      include: { participants: { include: { org: true } }, changes: true, organiser: true },
    }),
    db.member.findMany({ where: { status: 'active' }, select: { id: true, name: true, orgId: true, createdAt: true } }),
    db.poll.findMany({ where: { status: 'open' }, select: { id: true, question: true, deadline: true, councilId: true, eligible: { select: { memberId: true } }, _count: { select: { participation: true } } } }),
    db.councilSeat.findMany({ where: { seat: { in: ['chair-public', 'chair-private'] }, OR: [{ termTo: null }, { termTo: { gte: seoulInstant(seoulDate(now)) } }] }, select: { councilId: true, memberId: true } }),
    db.transfer.findMany({
      where: { status: { in: ['planned', 'done'] }, effective: { gte: monday, lte: until } },
      select: { id: true, effective: true, fromOrgId: true, toOrgId: true, successorId: true, leaveReason: true, member: { select: { name: true } } },
    }),
    db.agenda.findMany({
      where: { status: { not: 'closed' }, closesAt: { gte: now, lte: seoulInstant(addDays(until, 1)) } },
      select: { closesAt: true, original: true, series: { select: { title: true, participants: { select: { orgId: true } } } }, items: { where: { status: { not: 'withdrawn' } }, select: { orgId: true, agencies: { select: { orgId: true } } } } },
    }),
    db.agendaItem.findMany({ where: { nextCheck: { not: null, lte: until }, followUpDoneAt: null, leadOrgId: { not: null } }, select: { id: true, caseCode: true, nextCheck: true, leadOrgId: true } }),
  ]);

  const orgMap = new Map(orgs.map((o) => [o.id, o]));
  const partners = new Map<number, Set<number>>();
  const hubOf = new Map<number, number[]>();
  const newPartners = new Map<number, { id: number; name: string }[]>();
  for (const link of links) {
    for (const [a, b] of [[link.fromId, link.toId], [link.toId, link.fromId]]) {
      add(partners, a, b);
      if (link.createdAt >= weekAgo) push(newPartners, a, { id: b, name: orgMap.get(b)?.name ?? `#${b}` });
    }
    if (link.kind === 'hub') push(hubOf, link.fromId, link.toId);
  }

  const closures = await closuresBetween(ctx, addDays(monday, -10), addDays(until, 10));
  const occurrencesByOrg = new Map<number, { occurrence: Occurrence; orgIds: number[] }[]>();
  let keys = 0;
  for (const s of series) {
    const orgIds = s.participants.map((p) => p.orgId);
    for (const occurrence of occurrencesOf(s as Series, addDays(monday, -10), addDays(until, 10), closures)) {
      if (occurrence.date < monday || occurrence.date > until) continue;
      keys++;
      for (const orgId of orgIds) push(occurrencesByOrg, orgId, { occurrence, orgIds });
    }
  }
  // By date range alone: a list of ten thousand series ids would cost more than it saves.
  const rsvps = keys
    ? await db.rsvp.findMany({ where: { original: { gte: addDays(monday, -10), lte: addDays(until, 10) } }, select: { seriesId: true, original: true, memberId: true, answer: true } })
    : [];
  const answered = new Map<string, { yes: number; no: number; maybe: number; members: Set<number> }>();
  for (const r of rsvps) {
    const key = `${r.seriesId}:${r.original}`;
    let entry = answered.get(key);
    if (!entry) {
      entry = { yes: 0, no: 0, maybe: 0, members: new Set() };
      answered.set(key, entry);
    }
    if (r.answer === 'yes' || r.answer === 'no' || r.answer === 'maybe') entry[r.answer]++;
    entry.members.add(r.memberId);
  }

  const activeByOrg = new Map<number, { id: number; name: string }[]>();
  const newMembers = new Map<number, { id: number; name: string }[]>();
  for (const m of members) {
    if (m.orgId === null) continue;
    push(activeByOrg, m.orgId, { id: m.id, name: m.name });
    if (m.createdAt >= weekAgo) push(newMembers, m.orgId, { id: m.id, name: m.name });
  }

  const openPolls = polls.map((p) => ({ id: p.id, question: p.question, deadline: p.deadline, councilId: p.councilId, eligible: new Set(p.eligible.map((e) => e.memberId)), voted: p._count.participation }));
  const pollsOfVoter = new Map<number, typeof openPolls>();
  const pollsOfCouncil = new Map<number, typeof openPolls>();
  for (const poll of openPolls) {
    for (const memberId of poll.eligible) push(pollsOfVoter, memberId, poll);
    if (poll.councilId !== null) push(pollsOfCouncil, poll.councilId, poll);
  }

  const chairsOf = new Map<number, Set<number>>();
  for (const seat of seats) {
    add(chairsOf, seat.memberId, seat.councilId);
  }

  const transfersByOrg = new Map<number, WeekData['transfersByOrg'] extends Map<number, infer V> ? V : never>();
  for (const tr of transfers) {
    const row = { id: tr.id, name: tr.member.name, effective: tr.effective, fromOrgId: tr.fromOrgId, toOrgId: tr.toOrgId, successorId: tr.successorId, leaveReason: tr.leaveReason };
    for (const orgId of new Set([tr.fromOrgId, tr.toOrgId])) if (orgId !== null) push(transfersByOrg, orgId, row);
  }

  const owedByOrg = new Map<number, { title: string; date: string; closesAt: Date }[]>();
  for (const agenda of agendas) {
    const brought = new Set(agenda.items.flatMap((i) => [i.orgId, ...i.agencies.map((a) => a.orgId)]));
    for (const p of agenda.series.participants) {
      if (!brought.has(p.orgId)) push(owedByOrg, p.orgId, { title: agenda.series.title, date: agenda.original, closesAt: agenda.closesAt });
    }
  }
  const followUpsByLead = new Map<number, { id: number; caseCode: string; nextCheck: string }[]>();
  // The query asked for both set; the check narrows the types.
  for (const { id, caseCode, leadOrgId, nextCheck } of followUps) if (leadOrgId !== null && nextCheck !== null) push(followUpsByLead, leadOrgId, { id, caseCode, nextCheck });

  return {
    monday,
    until,
    now,
    orgs: orgMap,
    partners,
    hubOf,
    occurrencesByOrg,
    answered,
    activeByOrg,
    polls: openPolls,
    pollsOfVoter,
    pollsOfCouncil,
    chairsOf,
    transfersByOrg,
    owedByOrg,
    followUpsByLead,
    newPartners,
    newMembers,
  };
}

/** Who gets a digest: active heads (동장, 관장, other heads) and coordinators. */
export async function recipients(ctx: Pick<FeatureContext, 'db'>, only?: number[]): Promise<Recipient[]> {
  const rows = await ctx.db.member.findMany({
    where: { status: 'active', roles: { some: { role: { in: ['head', 'coordinator'] } } }, ...(only ? { id: { in: only } } : {}) },
    select: { id: true, name: true, orgId: true, locale: true, digestTime: true, digestChat: true, digestEmail: true, email: true, roles: { select: { role: true } } },
    orderBy: { id: 'asc' },
  });
  return rows.map((r) => ({ ...r, roles: new Set(r.roles.map((x) => x.role)) }));
}

/** One person's digest from the week's data: the sections that have something, in the reader's language. */
export function compose(week: WeekData, person: Recipient): Digest {
  const org = person.orgId !== null ? week.orgs.get(person.orgId) : undefined;
  const coordinator = person.roles.has('coordinator') && !person.roles.has('head');
  if (coordinator) return composeDistrict(week, person, org);
  const home = org ? [org.id] : [];
  // A centre director sees the dong offices it serves as hub as its own.
  const own = new Set([...home, ...(org?.kind === 'welfare-centre' ? (week.hubOf.get(org.id) ?? []) : [])]);
  const scope = new Set(own);
  for (const id of own) for (const p of week.partners.get(id) ?? []) scope.add(p);

  const seen = new Set<string>();
  const meetings: Digest['meetings'] = [];
  for (const orgId of scope) {
    for (const { occurrence } of week.occurrencesByOrg.get(orgId) ?? []) {
      const key = `${occurrence.seriesId}:${occurrence.original}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const answers = week.answered.get(key);
      const missing = [...own].flatMap((id) => week.activeByOrg.get(id) ?? []).filter((m) => !answers?.members.has(m.id)).map((m) => m.name);
      meetings.push({ occurrence, yes: answers?.yes ?? 0, no: answers?.no ?? 0, maybe: answers?.maybe ?? 0, missing, nextWeek: occurrence.date > addDays(week.monday, 6) });
    }
  }
  meetings.sort((a, b) => a.occurrence.start.getTime() - b.occurrence.start.getTime());

  const chairs = week.chairsOf.get(person.id) ?? new Set<number>();
  const polls = [...new Set([...(week.pollsOfVoter.get(person.id) ?? []), ...[...chairs].flatMap((c) => week.pollsOfCouncil.get(c) ?? [])])]
    .map((p) => ({ id: p.id, question: p.question, deadline: p.deadline, voted: p.voted, eligible: p.eligible.size }))
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime());

  const transferSeen = new Set<number>();
  const transfers = [...scope]
    .flatMap((id) => week.transfersByOrg.get(id) ?? [])
    .filter((t) => !transferSeen.has(t.id) && transferSeen.add(t.id))
    .map((t) => ({ ...t, from: t.fromOrgId ? (week.orgs.get(t.fromOrgId)?.name ?? '-') : '-', to: t.toOrgId ? (week.orgs.get(t.toOrgId)?.name ?? '-') : null }))
    .sort((a, b) => a.effective.localeCompare(b.effective));

  const owed = [...own].flatMap((id) => (week.owedByOrg.get(id) ?? []).map((a) => ({ ...a, org: week.orgs.get(id)?.name ?? '-' })));
  const today = seoulDate(week.now);
  const followUps = [...own]
    .flatMap((id) => week.followUpsByLead.get(id) ?? [])
    .map((f) => ({ ...f, overdue: f.nextCheck < today }))
    .sort((a, b) => a.nextCheck.localeCompare(b.nextCheck));
  // New to the reader: a partner outside what the digest already covers
  // (a hub centre is not its own dong's news), and colleagues other than them.
  const partnersNew = new Map([...own].flatMap((id) => week.newPartners.get(id) ?? []).filter((p) => !own.has(p.id)).map((p) => [p.id, p.name]));
  const membersNew = [...own].flatMap((id) => week.newMembers.get(id) ?? []).filter((m) => m.id !== person.id);
  const newcomers = [
    ...[...partnersNew.values()].map((name) => ({ kind: 'partner' as const, name })),
    ...membersNew.map((m) => ({ kind: 'member' as const, name: m.name })),
  ];

  return { kind: 'head', person, place: org?.name ?? '-', monday: week.monday, meetings, polls, transfers, owed, followUps, newcomers, district: [] };
}

/** The district view for a coordinator: every organisation of their 시군구 (or all), in counts. */
function composeDistrict(week: WeekData, person: Recipient, org: OrgInfo | undefined): Digest {
  const sigungu = org?.sigungu ?? null;
  const orgs = [...week.orgs.values()].filter((o) => o.kind !== 'council' && (!sigungu || o.sigungu === sigungu));
  const today = seoulDate(week.now);
  const district = orgs
    .map((o) => ({ name: o.name, meetings: (week.occurrencesByOrg.get(o.id) ?? []).filter((x) => x.occurrence.date <= addDays(week.monday, 6)).length, owed: (week.owedByOrg.get(o.id) ?? []).length, overdue: (week.followUpsByLead.get(o.id) ?? []).filter((f) => f.nextCheck < today).length }))
    .filter((d) => d.meetings || d.owed || d.overdue);
  const ids = new Set(orgs.map((o) => o.id));
  const transferSeen = new Set<number>();
  const transfers = [...ids]
    .flatMap((id) => week.transfersByOrg.get(id) ?? [])
    .filter((t) => !transferSeen.has(t.id) && transferSeen.add(t.id) && !t.successorId)
    .map((t) => ({ ...t, from: t.fromOrgId ? (week.orgs.get(t.fromOrgId)?.name ?? '-') : '-', to: t.toOrgId ? (week.orgs.get(t.toOrgId)?.name ?? '-') : null }));
  const followUps = [...ids].flatMap((id) => (week.followUpsByLead.get(id) ?? []).filter((f) => f.nextCheck < today).map((f) => ({ ...f, overdue: true })));
  const owed = [...ids].flatMap((id) => (week.owedByOrg.get(id) ?? []).map((a) => ({ ...a, org: week.orgs.get(id)?.name ?? '-' })));
  return { kind: 'district', person, place: sigungu ?? org?.name ?? '-', monday: week.monday, meetings: [], polls: [], transfers, owed, followUps, newcomers: [], district };
}

/** Is there anything to say? An empty digest is not sent. */
export const isEmpty = (d: Digest) =>
  d.meetings.length + d.polls.length + d.transfers.length + d.owed.length + d.followUps.length + d.newcomers.length + d.district.length === 0;

/** Sends a week's digests to the given people (or everyone due), by DM and by e-mail, once per person per week (outbox keys). */
export async function sendDigests(ctx: FeatureContext, monday: IsoDate, people: Recipient[]): Promise<number> {
  if (people.length === 0) return 0;
  const week = await loadWeek(ctx, monday);
  let sent = 0;
  for (const person of people) {
    const digest = compose(week, person);
    if (isEmpty(digest)) continue;
    const card = (t: Translator) => digestCard(t, digest);
    const key = `digest:${monday}:m${person.id}`;
    if (person.digestChat) await ctx.deliver.deliver({ kind: 'member', id: person.id }, card, key);
    if (person.digestEmail && person.email) await ctx.deliver.deliver({ kind: 'email', memberId: person.id }, card, `${key}:email`);
    sent++;
  }
  return sent;
}

/** `/digest now` and `/digest preview`: the digest Monday sends (this week's), composed now. */
export async function previewDigest(ctx: LinkedContext, memberRef?: string) {
  let id = ctx.actor.memberId;
  if (memberRef) {
    if (!ctx.actor.roles.has('admin')) throw new UserError('digest.previewAdminOnly');
    id = (await findMember(ctx, memberRef)).id;
  }
  const [person] = await recipients(ctx, [id]);
  if (!person) throw new UserError('digest.notRecipient');
  const monday = weekStart(seoulDate(ctx.clock.now()));
  return compose(await loadWeek(ctx, monday), person);
}

/** `/digest on|off [chat|email]` for oneself (the e-mail unsubscribe link runs `off email`). */
export async function setDigest(ctx: LinkedContext, on: boolean, channel?: 'chat' | 'email') {
  const id = ctx.actor.memberId;
  const data = { ...(channel !== 'email' ? { digestChat: on } : {}), ...(channel !== 'chat' ? { digestEmail: on } : {}) };
  await ctx.db.$transaction(async (tx) => {
    await tx.member.update({ where: { id }, data });
    await recordAudit(tx, ctx.clock, ctx.actor, 'digest.set', `member #${id}`, data);
  });
}

/** `/digest time 09:00 [org=…]`: one's own time, or (heads, coordinators) an organisation's. */
export async function setDigestTime(ctx: LinkedContext, time: string | null, orgRef?: string) {
  if (orgRef) {
    const org = await findOrganization(ctx, orgRef);
    const { roles, orgId } = ctx.actor;
    if (!roles.has('admin') && !roles.has('coordinator') && !(roles.has('head') && orgId === org.id)) throw new UserError('digest.timeNotYours', { org: org.name });
    await ctx.db.$transaction(async (tx) => {
      await tx.organization.update({ where: { id: org.id }, data: { digestTime: time } });
      await recordAudit(tx, ctx.clock, ctx.actor, 'digest.time', `org #${org.id}`, { time });
    });
    return org.name;
  }
  const id = ctx.actor.memberId;
  await ctx.db.$transaction(async (tx) => {
    await tx.member.update({ where: { id }, data: { digestTime: time } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'digest.time', `member #${id}`, { time });
  });
  return undefined;
}
