// Keeping the roster true: list and search members, edit, retire and bring
// back, merge two records of one person, rename and remove organisations,
// undo partnerships, end council seats. Changes that lose something are
// checked first (check*) so the command can ask for confirmation before
// anything is written; every change writes an audit row.
import type { Role } from '../../core/command.ts';
import { addDays, seoulDate, seoulInstant } from '../../core/calendar/index.ts';
import { UserError } from '../../core/errors.ts';
import type { Prisma } from '../../db/client.ts';
import { nameContains } from '../../db/search.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext } from '../context.ts';
import { isPhoneNumber, isWorkEmail, requireNameLetter, squash, type MemberStatus } from './rules.ts';
import { findMember, findOrganization, findPartnership, PAGE_SIZE } from './service.ts';

type Member = Awaited<ReturnType<typeof findMember>>;

// ---------- members: list ----------

export interface MemberFilter {
  orgRef?: string;
  role?: Role;
  councilRef?: string;
  status?: MemberStatus | 'all';
  query?: string;
  page?: number;
}

/** One page of members (20), active ones unless `status` says otherwise; the total comes with it. */
export async function listMembers(ctx: FeatureContext, filter: MemberFilter) {
  const org = filter.orgRef ? await findOrganization(ctx, filter.orgRef) : undefined;
  const council = filter.councilRef ? await findOrganization(ctx, filter.councilRef) : undefined;
  if (council && council.kind !== 'council') throw new UserError('council.notCouncil', { name: council.name, kind: `choice:orgKind:${council.kind}` });
  const today = seoulInstant(seoulDate(ctx.clock.now()));
  const where: Prisma.MemberWhereInput = {
    ...(filter.status === 'all' ? {} : { status: filter.status ?? 'active' }),
    ...(org ? { orgId: org.id } : {}),
    ...(filter.role ? { roles: { some: { role: filter.role } } } : {}),
    ...(council
      ? { councilSeats: { some: { councilId: council.id, AND: [{ OR: [{ termTo: null }, { termTo: { gte: today } }] }] } } }
      : {}),
    ...(filter.query ? await nameContains(ctx.db, 'Member', squash(filter.query)) : {}),
  };
  const total = await ctx.db.member.count({ where });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const items = await ctx.db.member.findMany({
    where,
    include: { org: true, roles: true },
    orderBy: [{ orgId: 'asc' }, { name: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
  });
  return { items, total, page, pages, org, council };
}

/** A council's seats: sitting members first (chairs, then members), then ended terms when `all`. */
export async function councilRoster(ctx: FeatureContext, councilRef: string, all = false) {
  const council = await findOrganization(ctx, councilRef);
  if (council.kind !== 'council') throw new UserError('council.notCouncil', { name: council.name, kind: `choice:orgKind:${council.kind}` });
  const today = seoulInstant(seoulDate(ctx.clock.now()));
  const seats = await ctx.db.councilSeat.findMany({
    where: { councilId: council.id, ...(all ? {} : { OR: [{ termTo: null }, { termTo: { gte: today } }] }) },
    include: { member: { include: { org: true } } },
    take: 200,
  });
  const order = { 'chair-public': 0, 'chair-private': 1, member: 2 } as Record<string, number>;
  const sitting = (s: (typeof seats)[number]) => (!s.termTo || s.termTo >= today) && (!s.termFrom || s.termFrom <= ctx.clock.now());
  seats.sort(
    (a, b) => Number(sitting(b)) - Number(sitting(a)) || (order[a.seat] ?? 9) - (order[b.seat] ?? 9) || a.member.name.localeCompare(b.member.name, 'ko'),
  );
  return { council, seats: seats.map((s) => ({ ...s, sitting: sitting(s) })) };
}

// ---------- members: edit ----------

export interface MemberEdit {
  name?: string;
  position?: string;
  phone?: string;
  email?: string;
  orgRef?: string;
}

/**
 * Coordinators and admins edit anyone; a head edits the members of their own
 * organisation; everyone edits their own record (not the organisation: a move
 * is for their head or a coordinator).
 */
function assertMayEdit(ctx: FeatureContext, member: Member, changesOrg: boolean): void {
  const { roles, memberId, orgId } = ctx.actor;
  if (roles.has('admin') || roles.has('coordinator')) return;
  if (roles.has('head') && orgId !== undefined && member.orgId === orgId) return;
  if (memberId === member.id && !changesOrg) return;
  throw new UserError('member.notYours', { name: member.name });
}

export async function editMember(ctx: FeatureContext, memberRef: string, edit: MemberEdit) {
  const member = await findMember(ctx, memberRef);
  if (Object.values(edit).every((v) => v === undefined)) throw new UserError('member.nothingToEdit');
  if (edit.name !== undefined) requireNameLetter('name', edit.name);
  assertMayEdit(ctx, member, edit.orgRef !== undefined);
  if (edit.email && !isWorkEmail(edit.email)) throw new UserError('member.badEmail');
  if (edit.phone && !isPhoneNumber(edit.phone)) throw new UserError('member.badPhone');
  const org = edit.orgRef ? await findOrganization(ctx, edit.orgRef) : undefined;
  // `-` clears a field (position, phone, e-mail).
  const value = (v: string | undefined) => (v === undefined ? undefined : v === '-' ? null : v);
  const data = {
    name: edit.name,
    position: value(edit.position),
    phone: value(edit.phone),
    email: value(edit.email),
    orgId: org?.id,
  };
  const updated = await ctx.db.$transaction(async (tx) => {
    const saved = await tx.member.update({ where: { id: member.id }, data, include: { org: true, roles: true } });
    const changed = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined).map(([k]) => [k, true]));
    await recordAudit(tx, ctx.clock, ctx.actor, 'member.edit', `member #${member.id}`, changed);
    return saved;
  });
  return { before: member, member: updated };
}

// ---------- members: retire and bring back ----------

/** Who may change a member's status: coordinators, admins, and the head of the member's organisation. */
function assertMayManage(ctx: FeatureContext, member: Member): void {
  const { roles, orgId } = ctx.actor;
  if (roles.has('admin') || roles.has('coordinator')) return;
  if (roles.has('head') && orgId !== undefined && member.orgId === orgId) return;
  throw new UserError('member.notYours', { name: member.name });
}

/** What retiring would end: seats still running, meetups they are the only contact of (none tracked yet), admin role. */
export async function checkStatusChange(ctx: FeatureContext, memberRef: string, status: MemberStatus) {
  const member = await findMember(ctx, memberRef);
  assertMayManage(ctx, member);
  if (member.status === status) throw new UserError(status === 'active' ? 'member.alreadyActive' : 'member.alreadyStatus', { name: member.name, status: `choice:memberStatus:${status}` });
  if (member.id === ctx.actor.memberId && status !== 'active') throw new UserError('member.notSelf');
  if (status !== 'active' && member.roles.some((r) => r.role === 'admin')) {
    const admins = await ctx.db.member.count({ where: { status: 'active', roles: { some: { role: 'admin' } } } });
    if (admins <= 1) throw new UserError('member.lastAdmin');
  }
  const today = seoulInstant(seoulDate(ctx.clock.now()));
  const seats = await ctx.db.councilSeat.count({ where: { memberId: member.id, OR: [{ termTo: null }, { termTo: { gte: today } }] } });
  return { member, seats };
}

/**
 * 퇴직·휴직·전출·파견 (or back to active). Inactive members keep their history
 * and records but no longer act, vote, count in RSVPs or get reminders; their
 * running council seats end today.
 */
export async function setMemberStatus(ctx: FeatureContext, memberRef: string, status: MemberStatus) {
  const { member, seats } = await checkStatusChange(ctx, memberRef, status);
  const today = seoulDate(ctx.clock.now());
  await ctx.db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: member.id }, data: { status, statusAt: ctx.clock.now() } });
    if (status !== 'active' && seats) {
      const running = await tx.councilSeat.findMany({ where: { memberId: member.id, OR: [{ termTo: null }, { termTo: { gte: seoulInstant(today) } }] } });
      for (const seat of running) await endSeat(tx, seat, today);
    }
    await recordAudit(tx, ctx.clock, ctx.actor, 'member.status', `member #${member.id}`, { before: member.status, after: status, seatsEnded: status !== 'active' ? seats : 0 });
  });
  return { member, seatsEnded: status !== 'active' ? seats : 0 };
}

// ---------- members: merge ----------

/** Two records of one person: `other` folds into `keep`. Refused when both took part in the same poll (one ballot each). */
export async function checkMerge(ctx: FeatureContext, keepRef: string, otherRef: string) {
  const keep = await findMember(ctx, keepRef);
  const other = await findMember(ctx, otherRef);
  if (keep.id === other.id) throw new UserError('member.mergeSelf');
  const [keepPolls, otherPolls] = await Promise.all(
    [keep.id, other.id].map((memberId) => ctx.db.pollEligible.findMany({ where: { memberId }, select: { pollId: true } })),
  );
  const both = otherPolls.map((p) => p.pollId).filter((id) => keepPolls.some((k) => k.pollId === id));
  if (both.length) throw new UserError('member.mergePolls', { keep: keep.name, other: other.name, polls: both.map((id) => `#${id}`).join(', ') });
  return { keep, other };
}

export async function mergeMembers(ctx: FeatureContext, keepRef: string, otherRef: string) {
  const { keep, other } = await checkMerge(ctx, keepRef, otherRef);
  const from = { memberId: other.id };
  const to = { memberId: keep.id };
  await ctx.db.$transaction(async (tx) => {
    // Blank fields of the kept record take the other's values.
    await tx.member.update({
      where: { id: keep.id },
      data: {
        orgId: keep.orgId ?? other.orgId,
        position: keep.position ?? other.position,
        phone: keep.phone ?? other.phone,
        email: keep.email ?? other.email,
      },
    });
    const roles = new Set([...keep.roles, ...other.roles].map((r) => r.role));
    await tx.memberRole.deleteMany({ where: from });
    await tx.memberRole.createMany({ data: [...roles].filter((role) => !keep.roles.some((r) => r.role === role)).map((role) => ({ ...to, role })) });
    // A seat in a council the kept record also sits in stays the kept one's.
    const keptCouncils = (await tx.councilSeat.findMany({ where: to, select: { councilId: true } })).map((s) => s.councilId);
    await tx.councilSeat.deleteMany({ where: { ...from, councilId: { in: keptCouncils } } });
    await tx.councilSeat.updateMany({ where: from, data: to });
    await tx.chatIdentity.updateMany({ where: from, data: to });
    await tx.linkCode.deleteMany({ where: from });
    const keptAnswers = await tx.rsvp.findMany({ where: to, select: { seriesId: true, original: true } });
    for (const answer of keptAnswers) await tx.rsvp.deleteMany({ where: { ...from, seriesId: answer.seriesId, original: answer.original } });
    await tx.rsvp.updateMany({ where: from, data: to });
    await tx.pollEligible.updateMany({ where: from, data: to });
    await tx.pollParticipation.updateMany({ where: from, data: to });
    await tx.pollBallot.updateMany({ where: from, data: to });
    await tx.poll.updateMany({ where: { createdById: other.id }, data: { createdById: keep.id } });
    await tx.meetupSeries.updateMany({ where: { createdById: other.id }, data: { createdById: keep.id } });
    await tx.member.delete({ where: { id: other.id } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'member.merge', `member #${keep.id}`, { merged: other.id });
  });
  return { keep, other };
}

// ---------- organisations ----------

export async function renameOrganization(ctx: FeatureContext, ref: string, name: string) {
  requireNameLetter('name', name);
  const org = await findOrganization(ctx, ref);
  if (org.name === name) throw new UserError('org.sameName', { name: org.name });
  const taken = await ctx.db.organization.findUnique({ where: { name } });
  if (taken) throw new UserError('org.duplicate', { name: taken.name, id: taken.id });
  await ctx.db.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: org.id }, data: { name } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'org.rename', `org #${org.id}`, { before: org.name, after: name });
  });
  return { org, name };
}

/** Refused while the organisation still has active members or meetups; says which. */
export async function checkRemoveOrganization(ctx: FeatureContext, ref: string) {
  const org = await findOrganization(ctx, ref);
  const [members, meetups, seats] = await Promise.all([
    ctx.db.member.count({ where: { orgId: org.id, status: 'active' } }),
    ctx.db.meetupSeries.count({ where: { status: 'active', participants: { some: { orgId: org.id } } } }),
    ctx.db.councilSeat.count({ where: { councilId: org.id, OR: [{ termTo: null }, { termTo: { gte: seoulInstant(seoulDate(ctx.clock.now())) } }] } }),
  ]);
  if (members || meetups || seats) throw new UserError('org.removeBlocked', { name: org.name, members, meetups, seats, id: org.id });
  const [partnerships, channels] = await Promise.all([
    ctx.db.partnership.count({ where: { OR: [{ fromId: org.id }, { toId: org.id }] } }),
    ctx.db.channelBinding.count({ where: { orgId: org.id } }),
  ]);
  return { org, partnerships, channels };
}

export async function removeOrganization(ctx: FeatureContext, ref: string) {
  const { org, partnerships, channels } = await checkRemoveOrganization(ctx, ref);
  await ctx.db.$transaction(async (tx) => {
    // Former members keep their records, without the organisation (their history stays in the audit log).
    await tx.organization.delete({ where: { id: org.id } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'org.remove', `org #${org.id}`, { name: org.name, partnerships, channels });
  });
  return { org, partnerships, channels };
}

export async function checkUnlink(ctx: FeatureContext, partnershipId: number) {
  return findPartnership(ctx, partnershipId);
}

export async function unlinkPartnership(ctx: FeatureContext, partnershipId: number) {
  const partnership = await checkUnlink(ctx, partnershipId);
  await ctx.db.$transaction(async (tx) => {
    await tx.partnership.delete({ where: { id: partnership.id } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'org.unlink', `partnership #${partnership.id}`, {
      kind: partnership.kind,
      from: partnership.fromId,
      to: partnership.toId,
    });
  });
  return partnership;
}

// ---------- council seats ----------

export async function checkDismiss(ctx: FeatureContext, memberRef: string, councilRef: string) {
  const member = await findMember(ctx, memberRef);
  const council = await findOrganization(ctx, councilRef);
  const today = seoulDate(ctx.clock.now());
  const seat = await ctx.db.councilSeat.findUnique({ where: { councilId_memberId: { councilId: council.id, memberId: member.id } } });
  if (!seat || (seat.termTo && seat.termTo < seoulInstant(today))) throw new UserError('council.notSeated', { name: member.name, council: council.name });
  return { member, council, seat, today };
}

/** Ends a seat's term today (the record stays, as history). */
export async function dismissSeat(ctx: FeatureContext, memberRef: string, councilRef: string) {
  const { member, council, seat, today } = await checkDismiss(ctx, memberRef, councilRef);
  await ctx.db.$transaction(async (tx) => {
    await endSeat(tx, seat, today);
    await recordAudit(tx, ctx.clock, ctx.actor, 'council.dismiss', `council-seat #${seat.id}`, { council: council.id, member: member.id });
  });
  return { member, council, seat, today };
}

type Tx = Parameters<Parameters<FeatureContext['db']['$transaction']>[0]>[0];

/**
 * A term ends today: its last day becomes yesterday, so from now on the seat
 * no longer counts (votes, chairs, rosters). A term that had not begun by
 * then is withdrawn.
 */
async function endSeat(tx: Tx, seat: { id: number; termFrom: Date | null }, today: string): Promise<void> {
  const lastDay = seoulInstant(addDays(today, -1));
  if (seat.termFrom && seat.termFrom > lastDay) await tx.councilSeat.delete({ where: { id: seat.id } });
  else await tx.councilSeat.update({ where: { id: seat.id }, data: { termTo: lastDay } });
}
