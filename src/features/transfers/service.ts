// Transfers (인사발령): plan a move or a departure, show the announcer a
// preview, tell every partner of the post (and of the new post) who leaves
// and who takes over, change the directory on the effective date, and follow
// the handover checklist until it is done. Jobs are re-planned on every edit
// and dropped when a transfer is cancelled.
import type { Closures } from '../../core/calendar/holidays.ts';
import { addDays, formatSeoulDateTime, seoulDate, seoulInstant, type IsoDate } from '../../core/calendar/index.ts';
import { parseDateTimeInput } from '../../core/korean-input.ts';
import { UserError } from '../../core/errors.ts';
import type { Translator } from '../../core/i18n/index.ts';
import type { Prisma } from '../../db/client.ts';
import type { ScheduleInput } from '../../scheduler/scheduler.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext } from '../context.ts';
import { addMember, findMember, findOrganization } from '../directory/service.ts';
import { closuresBetween } from '../holidays/service.ts';
import { announcementCard, checklistCard, newPostCard } from './cards.ts';
import { transferInclude as include, type TransferNames, type TransferRow } from './model.ts';
import { transferAnnounce, transferApply, transferFollowUp, transferSuccessorCheck } from './jobs.ts';
import { announceInstant, FOLLOW_UPS, lastWorkingDayBefore, successorReminderDay, type LeaveReason } from './rules.ts';

export function loadTransfer({ db }: Pick<FeatureContext, 'db'>, id: number) {
  return db.transfer.findUnique({ where: { id }, include });
}

export async function findTransfer(ctx: Pick<FeatureContext, 'db'>, id: number): Promise<TransferRow> {
  const transfer = await loadTransfer(ctx, id);
  if (!transfer) throw new UserError('transfer.notFound', { id });
  return transfer;
}

const OPEN = ['draft', 'pending', 'planned'];
const groupOf = (id: number) => `transfer:${id}`;

// ---------- who may ----------

/** Coordinators and admins plan anyone's move; a head plans moves of their organisation's members; members their own (then the head confirms). */
function mayPlan(ctx: FeatureContext, member: { id: number; orgId: number | null }): 'yes' | 'self' | 'no' {
  const { roles, orgId, memberId } = ctx.actor;
  if (roles.has('admin') || roles.has('coordinator')) return 'yes';
  if (roles.has('head') && orgId !== undefined && member.orgId === orgId) return 'yes';
  if (memberId === member.id) return 'self';
  return 'no';
}

function assertMayChange(ctx: FeatureContext, transfer: TransferRow): void {
  const verdict = mayPlan(ctx, { id: transfer.memberId, orgId: transfer.fromOrgId });
  if (verdict === 'yes' || transfer.createdById === ctx.actor.memberId) return;
  throw new UserError('transfer.notYours', { name: transfer.member.name });
}

// ---------- create, confirm, approve ----------

export interface TransferInput {
  memberRef: string;
  toRef?: string;
  position?: string;
  leave?: LeaveReason;
  effective: IsoDate;
  /** A member, `new:이름`/`신규:이름` for a person added on the spot, or absent (not yet named). */
  successorRef?: string;
  actingRef?: string;
  note?: string;
  /** `now` (default), `before` (09:00 of the last working day before), or a date and time. */
  announce?: string;
}

const NEW_PERSON = /^(?:new|신규|새)\s*:\s*(.+)$/i;

/** The successor: an existing member, a new person to add (`new:이름`), or none. Checked, nothing written. */
async function resolveSuccessor(ctx: FeatureContext, ref: string | undefined, member: { id: number }) {
  if (!ref) return undefined;
  const fresh = NEW_PERSON.exec(ref.trim());
  if (fresh) return { newName: fresh[1].trim() };
  const successor = await findMember(ctx, ref);
  if (successor.id === member.id) throw new UserError('transfer.successorSelf');
  if (successor.status !== 'active') throw new UserError('transfer.successorInactive', { name: successor.name });
  return { member: successor };
}

/** A person added on the spot, in the post they take over. */
async function addSuccessor(ctx: FeatureContext, name: string, post: { orgId: number | null; position: string | null }) {
  const { member } = await addMember(ctx, { name, orgRef: post.orgId ? `#${post.orgId}` : undefined, position: post.position ?? undefined, roles: ['staff'], locale: ctx.locale, namesake: true });
  if (!member) throw new Error('addMember with namesake: true always adds the member');
  return member;
}

async function resolveActing(ctx: FeatureContext, ref: string | undefined, member: { id: number }) {
  if (!ref) return undefined;
  const acting = await findMember(ctx, ref);
  if (acting.id === member.id) throw new UserError('transfer.actingSelf');
  if (acting.status !== 'active') throw new UserError('transfer.successorInactive', { name: acting.name });
  return acting;
}

async function announceAtFor(ctx: FeatureContext, announce: string | undefined, effective: IsoDate): Promise<Date | null> {
  const today = seoulDate(ctx.clock.now());
  const closures = await closuresBetween(ctx, addDays(today, -10), addDays(effective, 30));
  if (announce === undefined) return null;
  const word = announce.trim().toLowerCase();
  if (!word || ['now', '지금', '바로', '즉시'].includes(word)) return null;
  if (['before', '전날', '하루전', '전일'].includes(word)) return lastWorkingDayBefore(effective, closures);
  const parsed = parseDateTimeInput(announce, today);
  if (!parsed) throw new UserError('transfer.badAnnounce');
  const wanted = seoulInstant(parsed.date, parsed.time);
  if (wanted < ctx.clock.now()) throw new UserError('transfer.announcePast', { when: formatSeoulDateTime(wanted) });
  if (seoulDate(wanted) > effective) throw new UserError('transfer.announceAfter', { when: formatSeoulDateTime(wanted), effective });
  return announceInstant(wanted, closures);
}

/** Every check of a new transfer, nothing written: what a draft (or a row of a reshuffle file) would be. */
export async function checkTransfer(ctx: FeatureContext, input: TransferInput) {
  const member = await findMember(ctx, input.memberRef);
  const verdict = mayPlan(ctx, member);
  if (verdict === 'no') throw new UserError('transfer.notYours', { name: member.name });
  if (member.status !== 'active') throw new UserError('transfer.memberInactive', { name: member.name });
  const today = seoulDate(ctx.clock.now());
  if (input.effective < today) throw new UserError('transfer.pastDate', { effective: input.effective, today });
  if (!input.toRef && !input.leave) throw new UserError('transfer.needDestination');
  if (input.toRef && input.leave) throw new UserError('transfer.toAndLeave');
  const to = input.toRef ? await findOrganization(ctx, input.toRef) : undefined;
  if (to && to.id === member.orgId && (input.position ?? member.position) === member.position) throw new UserError('transfer.samePost', { org: to.name });
  const open = await ctx.db.transfer.findFirst({ where: { memberId: member.id, status: { in: OPEN } } });
  if (open) throw new UserError('transfer.alreadyOpen', { name: member.name, id: open.id });
  const acting = await resolveActing(ctx, input.actingRef, member);
  const announceAt = await announceAtFor(ctx, input.announce, input.effective);
  const successor = await resolveSuccessor(ctx, input.successorRef, member);
  return { member, verdict, to, acting, announceAt, successor };
}

/** A draft: checked and written, nothing announced or scheduled until confirmed. */
export async function createTransfer(ctx: FeatureContext, input: TransferInput) {
  const { member, verdict, to, acting, announceAt, successor } = await checkTransfer(ctx, input);
  const successorId = successor?.member?.id ?? (successor?.newName ? (await addSuccessor(ctx, successor.newName, { orgId: member.orgId, position: member.position })).id : null);
  const transfer = await ctx.db.$transaction(async (tx) => {
    const created = await tx.transfer.create({
      data: {
        memberId: member.id,
        fromOrgId: member.orgId,
        fromPosition: member.position,
        toOrgId: to?.id ?? null,
        toPosition: to ? (input.position ?? member.position) : null,
        leaveReason: input.leave ?? null,
        effective: input.effective,
        successorId,
        actingId: acting?.id ?? null,
        note: input.note ?? null,
        announceAt,
        status: 'draft',
        createdById: ctx.actor.memberId ?? null,
        createdAt: ctx.clock.now(),
      },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.create', `transfer #${created.id}`, { member: member.id, effective: input.effective });
    return created;
  });
  return { transfer: await findTransfer(ctx, transfer.id), needsApproval: verdict === 'self' };
}

/**
 * The announcer saw the preview and confirms: the transfer is planned (or,
 * when members plan their own move, waits for their head), its checklist is
 * drawn up and its jobs are scheduled.
 */
export async function confirmTransfer(ctx: FeatureContext, id: number) {
  const transfer = await findTransfer(ctx, id);
  assertMayChange(ctx, transfer);
  if (transfer.status !== 'draft') throw new UserError('transfer.notDraft', { id, status: `choice:transferStatus:${transfer.status}` });
  const self = mayPlan(ctx, { id: transfer.memberId, orgId: transfer.fromOrgId }) === 'self';
  const status = self ? 'pending' : 'planned';
  await ctx.db.$transaction(async (tx) => {
    await tx.transfer.update({ where: { id }, data: { status } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.confirm', `transfer #${id}`, { status });
  });
  if (self) {
    await askHeadToApprove(ctx, transfer);
    return { transfer: await findTransfer(ctx, id), status };
  }
  await drawUpChecklist(ctx, id);
  await planJobs(ctx, id);
  return { transfer: await findTransfer(ctx, id), status };
}

async function askHeadToApprove(ctx: FeatureContext, transfer: TransferRow): Promise<void> {
  const target = transfer.fromOrgId ? ({ kind: 'role', role: 'head', orgId: transfer.fromOrgId } as const) : ({ kind: 'role', role: 'coordinator' } as const);
  await ctx.deliver.deliver(
    target,
    (t) => ({
      title: t('transfer.approveTitle', { name: transfer.member.name }),
      lines: [t('transfer.approveBody', { name: transfer.member.name, id: transfer.id, effective: transfer.effective })],
      buttons: [
        { label: t('transfer.approveButton'), command: `/transfer approve ${transfer.id}`, style: 'primary', updatesMessage: true },
        { label: t('transfer.showButton'), command: `/transfer show ${transfer.id}` },
      ],
    }),
    `transfer:${transfer.id}:approve`,
  );
}

/** The head (or a coordinator) confirms a move a member planned themself. */
export async function approveTransfer(ctx: FeatureContext, id: number) {
  const transfer = await findTransfer(ctx, id);
  if (mayPlan(ctx, { id: transfer.memberId, orgId: transfer.fromOrgId }) !== 'yes' || ctx.actor.memberId === transfer.memberId) {
    throw new UserError('transfer.approveNotYours', { name: transfer.member.name });
  }
  if (transfer.status !== 'pending') throw new UserError('transfer.notPending', { id });
  await ctx.db.$transaction(async (tx) => {
    await tx.transfer.update({ where: { id }, data: { status: 'planned' } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.approve', `transfer #${id}`);
  });
  await drawUpChecklist(ctx, id);
  await planJobs(ctx, id);
  return findTransfer(ctx, id);
}

// ---------- edit, cancel ----------

export interface TransferEdit {
  toRef?: string;
  position?: string;
  leave?: LeaveReason;
  effective?: IsoDate;
  successorRef?: string;
  actingRef?: string;
  note?: string;
  announce?: string;
}

export async function editTransfer(ctx: FeatureContext, id: number, edit: TransferEdit) {
  const transfer = await findTransfer(ctx, id);
  assertMayChange(ctx, transfer);
  if (!OPEN.includes(transfer.status)) throw new UserError('transfer.closed', { id, status: `choice:transferStatus:${transfer.status}` });
  if (Object.values(edit).every((v) => v === undefined)) throw new UserError('transfer.nothingToEdit');
  const today = seoulDate(ctx.clock.now());
  const effective = edit.effective ?? transfer.effective;
  if (edit.effective && edit.effective < today) throw new UserError('transfer.pastDate', { effective: edit.effective, today });
  if (edit.toRef && edit.leave) throw new UserError('transfer.toAndLeave');
  const to = edit.toRef ? await findOrganization(ctx, edit.toRef) : undefined;
  const member = transfer.member;
  const named = await resolveSuccessor(ctx, edit.successorRef, member);
  const successor = named?.member ?? (named?.newName ? await addSuccessor(ctx, named.newName, { orgId: transfer.fromOrgId, position: transfer.fromPosition }) : undefined);
  const acting = await resolveActing(ctx, edit.actingRef, member);
  const announceAt = edit.announce !== undefined ? await announceAtFor(ctx, edit.announce, effective) : undefined;
  const data: Prisma.TransferUpdateInput = {
    effective,
    ...(to ? { toOrgId: to.id, leaveReason: null, toPosition: edit.position ?? transfer.toPosition ?? member.position } : {}),
    ...(edit.position && !to ? { toPosition: edit.position } : {}),
    ...(edit.leave ? { leaveReason: edit.leave, toOrgId: null, toPosition: null } : {}),
    ...(successor ? { successorId: successor.id } : {}),
    ...(acting ? { actingId: acting.id } : {}),
    ...(edit.note !== undefined ? { note: edit.note === '-' ? null : edit.note } : {}),
    ...(announceAt !== undefined ? { announceAt, announcedAt: null } : {}),
  };
  await ctx.db.$transaction(async (tx) => {
    await tx.transfer.update({ where: { id }, data });
    const changed = Object.fromEntries(Object.entries(edit).filter(([, v]) => v !== undefined).map(([k]) => [k, true]));
    await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.edit', `transfer #${id}`, changed);
  });
  const updated = await findTransfer(ctx, id);
  if (updated.status === 'planned') {
    await planJobs(ctx, id);
    // Partners already told get the change (a new date, a successor named at last).
    if (updated.announcedAt && (edit.effective || successor || edit.toRef || edit.leave)) await announce(ctx, updated, `transfer:${id}:update:${ctx.clock.now().getTime()}`, true);
  }
  return updated;
}

export async function cancelTransfer(ctx: FeatureContext, id: number) {
  const transfer = await findTransfer(ctx, id);
  assertMayChange(ctx, transfer);
  if (transfer.status === 'cancelled') throw new UserError('transfer.alreadyCancelled', { id });
  if (transfer.status === 'done') throw new UserError('transfer.closed', { id, status: 'choice:transferStatus:done' });
  await ctx.db.$transaction(async (tx) => {
    await tx.transfer.update({ where: { id }, data: { status: 'cancelled' } });
    await ctx.scheduler.cancelGroup(groupOf(id), tx);
    await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.cancel', `transfer #${id}`);
  });
  // Partners who were told are told it is off.
  if (transfer.announcedAt) {
    const partners = await partnersOf(ctx, transfer.fromOrgId, transfer.memberId);
    const card = (t: Translator) => ({ title: t('transfer.cancelledTitle'), lines: [t('transfer.cancelledBody', { name: transfer.member.name, effective: transfer.effective })] });
    for (const target of partners.targets) await ctx.deliver.deliver(target, card, `transfer:${id}:cancelled`);
  }
  return transfer;
}

// ---------- lists ----------

/** Open and recent transfers, soonest first; for one organisation (leaving or arriving) when given. */
export async function listTransfers(ctx: FeatureContext, input: { orgRef?: string; all?: boolean }) {
  const org = input.orgRef ? await findOrganization(ctx, input.orgRef) : undefined;
  const today = seoulDate(ctx.clock.now());
  return ctx.db.transfer.findMany({
    where: {
      ...(input.all ? {} : { OR: [{ status: { in: OPEN } }, { status: 'done', effective: { gte: addDays(today, -30) } }] }),
      ...(org ? { AND: [{ OR: [{ fromOrgId: org.id }, { toOrgId: org.id }] }] } : {}),
    },
    include,
    orderBy: [{ effective: 'asc' }, { id: 'asc' }],
    take: 50,
  });
}

/** Names of the organisations and people a transfer mentions. */
export async function transferNames(ctx: Pick<FeatureContext, 'db'>, transfer: Pick<TransferRow, 'fromOrgId' | 'toOrgId' | 'successorId' | 'actingId'>): Promise<TransferNames> {
  const orgIds = [transfer.fromOrgId, transfer.toOrgId].filter((x): x is number => x !== null);
  const memberIds = [transfer.successorId, transfer.actingId].filter((x): x is number => x !== null);
  const [orgs, members] = await Promise.all([
    ctx.db.organization.findMany({ where: { id: { in: orgIds } } }),
    ctx.db.member.findMany({ where: { id: { in: memberIds } }, include: { org: true } }),
  ]);
  const org = (id: number | null) => orgs.find((o) => o.id === id);
  const person = (id: number | null) => members.find((m) => m.id === id);
  return { from: org(transfer.fromOrgId), to: org(transfer.toOrgId), successor: person(transfer.successorId), acting: person(transfer.actingId) };
}

// ---------- partners of a post ----------

type PartnerTarget = { kind: 'org'; id: number } | { kind: 'partnership'; id: number };

/**
 * Everyone who works with a post: its own organisation, the organisations
 * linked to it (hub, MOU, council), the councils where the member sits, the
 * other organisations of its running meetups, and the channels of their
 * partnerships. What the successor takes over is counted on the way.
 */
/** The organisations told of a transfer, by name (its preview and card list them). */
export async function partnerOrgNames(ctx: Pick<FeatureContext, 'db' | 'clock'>, transfer: Pick<TransferRow, 'fromOrgId' | 'memberId'>): Promise<string[]> {
  const partners = await partnersOf(ctx, transfer.fromOrgId, transfer.memberId);
  const orgs = await ctx.db.organization.findMany({ where: { id: { in: partners.orgIds } }, select: { name: true }, orderBy: { id: 'asc' } });
  return orgs.map((o) => o.name);
}

export async function partnersOf(ctx: Pick<FeatureContext, 'db' | 'clock'>, orgId: number | null, memberId: number | null) {
  const orgs = new Set<number>();
  const partnerships = new Set<number>();
  const today = seoulInstant(seoulDate(ctx.clock.now()));
  let links: { id: number; fromId: number; toId: number; kind: string }[] = [];
  let seats: { councilId: number; seat: string }[] = [];
  let series: { id: number; title: string; partnershipId: number | null; participants: { orgId: number }[] }[] = [];
  if (orgId) {
    orgs.add(orgId);
    links = await ctx.db.partnership.findMany({ where: { OR: [{ fromId: orgId }, { toId: orgId }] } });
    for (const link of links) {
      orgs.add(link.fromId === orgId ? link.toId : link.fromId);
      partnerships.add(link.id);
    }
    series = await ctx.db.meetupSeries.findMany({
      where: { status: 'active', participants: { some: { orgId } } },
      select: { id: true, title: true, partnershipId: true, participants: { select: { orgId: true } } },
      take: 100,
    });
    for (const s of series) {
      for (const p of s.participants) orgs.add(p.orgId);
      if (s.partnershipId) partnerships.add(s.partnershipId);
    }
  }
  if (memberId) {
    seats = await ctx.db.councilSeat.findMany({ where: { memberId, OR: [{ termTo: null }, { termTo: { gte: today } }] }, select: { councilId: true, seat: true } });
    for (const seat of seats) orgs.add(seat.councilId);
  }
  const targets: PartnerTarget[] = [...[...orgs].map((id) => ({ kind: 'org' as const, id })), ...[...partnerships].map((id) => ({ kind: 'partnership' as const, id }))];
  return { targets, orgIds: [...orgs], links, seats, series };
}

// ---------- announcement ----------

/** What the successor takes over, for the introduction. */
async function takeover(ctx: FeatureContext, transfer: TransferRow) {
  const partners = await partnersOf(ctx, transfer.fromOrgId, transfer.memberId);
  const polls = await ctx.db.poll.count({ where: { createdById: transfer.memberId, status: 'open' } });
  return { partnerships: partners.links.length, meetups: partners.series.length, seats: partners.seats.length, polls, partners };
}

/**
 * The introduction to every partner of the post (thanks to the predecessor,
 * the successor with work contacts and what they take over), and of the
 * incoming person to the partners of the new post. One key per audience: a
 * channel bound to several partners gets it once.
 */
export async function announce(ctx: FeatureContext, transfer: TransferRow, key: string, update = false): Promise<void> {
  const names = await transferNames(ctx, transfer);
  const taken = await takeover(ctx, transfer);
  const card = (t: Translator) => announcementCard(t, { transfer, names, taken, update });
  for (const target of taken.partners.targets) await ctx.deliver.deliver(target, card, `${key}:old`);
  if (transfer.toOrgId && transfer.toOrgId !== transfer.fromOrgId) {
    const arriving = await partnersOf(ctx, transfer.toOrgId, null);
    const intro = (t: Translator) => newPostCard(t, { transfer, names, update });
    for (const target of arriving.targets) await ctx.deliver.deliver(target, intro, `${key}:new`);
  }
  // The two people themselves, each in their language.
  for (const memberId of [transfer.memberId, transfer.successorId]) {
    if (memberId) await ctx.deliver.deliver({ kind: 'member', id: memberId }, card, `${key}:m${memberId}`);
  }
}

// ---------- jobs ----------

/** (Re)plans a planned transfer's jobs: announcement, successor check, the effective date, handover follow-ups. */
export async function planJobs(ctx: FeatureContext, id: number): Promise<void> {
  const transfer = await findTransfer(ctx, id);
  const now = ctx.clock.now();
  const closures: Closures = await closuresBetween(ctx, addDays(seoulDate(now), -10), addDays(transfer.effective, 30));
  const payload = { transferId: id };
  const group = groupOf(id);
  const effectiveAt = seoulInstant(transfer.effective);
  const jobs: ScheduleInput[] = [];
  if (!transfer.announcedAt) {
    const at = transfer.announceAt && transfer.announceAt > now ? transfer.announceAt : announceInstant(now, closures);
    // Announced at the latest on the effective date itself.
    jobs.push(transferAnnounce.entry({ key: `transfer:${id}:announce:${at.getTime()}`, payload, dueAt: at < effectiveAt ? at : now, group }));
  }
  const checkDay = successorReminderDay(transfer.effective, closures);
  const checkAt = seoulInstant(checkDay, '09:00');
  if (!transfer.successorId && checkAt > now) jobs.push(transferSuccessorCheck.entry({ key: `transfer:${id}:successor:${checkDay}`, payload, dueAt: checkAt, lateUntil: effectiveAt, group }));
  jobs.push(transferApply.entry({ key: `transfer:${id}:apply:${transfer.effective}`, payload, dueAt: effectiveAt, group }));
  for (const days of FOLLOW_UPS) {
    const day = addDays(transfer.effective, days);
    jobs.push(transferFollowUp.entry({ key: `transfer:${id}:follow:${day}`, payload: { transferId: id, days }, dueAt: seoulInstant(day, '09:00'), group }));
  }
  await ctx.scheduler.replaceGroup(group, jobs);
}

/** Announces once (the job's key makes a rerun a no-op), with the handover checklist to both people. */
export async function runAnnouncement(ctx: FeatureContext, id: number, key: string): Promise<void> {
  const transfer = await loadTransfer(ctx, id);
  if (transfer?.status !== 'planned' || transfer.announcedAt) return;
  await announce(ctx, transfer, key);
  await sendChecklist(ctx, transfer, `${key}:checklist`);
  await ctx.db.transfer.update({ where: { id }, data: { announcedAt: ctx.clock.now() } });
}

/** Three working days before: no successor yet, so the head is asked and partners learn whom to call meanwhile. */
export async function runSuccessorCheck(ctx: FeatureContext, id: number, key: string): Promise<void> {
  const transfer = await loadTransfer(ctx, id);
  if (transfer?.status !== 'planned' || transfer.successorId) return;
  const names = await transferNames(ctx, transfer);
  const heads = transfer.fromOrgId
    ? await ctx.db.member.findMany({ where: { orgId: transfer.fromOrgId, status: 'active', roles: { some: { role: 'head' } } }, take: 5 })
    : [];
  const contact = names.acting ?? heads.find((h) => h.id !== transfer.memberId);
  await ctx.deliver.deliver(
    transfer.fromOrgId ? { kind: 'role', role: 'head', orgId: transfer.fromOrgId } : { kind: 'role', role: 'coordinator' },
    (t) => ({
      title: t('transfer.noSuccessorTitle', { name: transfer.member.name }),
      lines: [t('transfer.noSuccessorBody', { name: transfer.member.name, effective: transfer.effective, id })],
    }),
    `${key}:heads`,
  );
  await ctx.deliver.deliver({ kind: 'role', role: 'coordinator' }, (t) => ({ lines: [t('transfer.noSuccessorBody', { name: transfer.member.name, effective: transfer.effective, id })] }), `${key}:coordinators`);
  if (contact) {
    const partners = await partnersOf(ctx, transfer.fromOrgId, transfer.memberId);
    const card = (t: Translator) => ({
      lines: [t('transfer.meanwhile', { name: transfer.member.name, effective: transfer.effective, contact: contact.name, phone: contact.phone ?? '-', email: contact.email ?? '-' })],
    });
    for (const target of partners.targets) await ctx.deliver.deliver(target, card, `${key}:partners`);
  }
}

/**
 * The effective date: the directory changes by itself. The member moves (or
 * leaves); the successor joins the post, takes over ex officio council
 * seats, the head role of the post and the open polls the predecessor ran.
 * Conditional on the transfer still being planned, so it happens once.
 */
export async function applyTransfer(ctx: FeatureContext, id: number): Promise<boolean> {
  const transfer = await loadTransfer(ctx, id);
  if (transfer?.status !== 'planned') return false;
  const today = transfer.effective;
  const lastDay = seoulInstant(addDays(today, -1));
  const start = seoulInstant(today);
  const partners = await partnersOf(ctx, transfer.fromOrgId, transfer.memberId);
  // Seats that belong to the post: the dong's public co-chair, and any seat in a council tied to the old organisation.
  const postCouncils = new Set(partners.links.filter((l) => l.kind === 'council-of').map((l) => (l.toId === transfer.fromOrgId ? l.fromId : l.toId)));
  const moving = transfer.toOrgId !== null;
  await ctx.db.$transaction(async (tx) => {
    const claimed = await tx.transfer.updateMany({ where: { id, status: 'planned' }, data: { status: 'done', appliedAt: ctx.clock.now() } });
    if (claimed.count !== 1) return;
    const member = transfer.member;
    if (moving) {
      await tx.member.update({ where: { id: member.id }, data: { orgId: transfer.toOrgId, position: transfer.toPosition } });
    } else {
      await tx.member.update({ where: { id: member.id }, data: { status: transfer.leaveReason ?? 'retired', statusAt: ctx.clock.now() } });
    }
    await recordAudit(tx, ctx.clock, ctx.actor, moving ? 'transfer.moved' : 'member.status', `member #${member.id}`, { transfer: id });
    const seats = await tx.councilSeat.findMany({ where: { memberId: member.id, OR: [{ termTo: null }, { termTo: { gte: start } }] } });
    for (const seat of seats) {
      const ofPost = seat.seat === 'chair-public' || postCouncils.has(seat.councilId);
      if (!ofPost && moving) continue; // a seat of the person, not the post, stays
      if (seat.termFrom && seat.termFrom > lastDay) await tx.councilSeat.delete({ where: { id: seat.id } });
      else await tx.councilSeat.update({ where: { id: seat.id }, data: { termTo: lastDay } });
      if (ofPost && transfer.successorId) {
        await tx.councilSeat.upsert({
          where: { councilId_memberId: { councilId: seat.councilId, memberId: transfer.successorId } },
          create: { councilId: seat.councilId, memberId: transfer.successorId, seat: seat.seat, termFrom: start, termTo: seat.termTo },
          update: { seat: seat.seat, termFrom: start, termTo: seat.termTo },
        });
        await recordAudit(tx, ctx.clock, ctx.actor, 'council.seat', `council #${seat.councilId}`, { member: transfer.successorId, seat: seat.seat, transfer: id });
      }
    }
    if (transfer.successorId) {
      const successor = await tx.member.findUniqueOrThrow({ where: { id: transfer.successorId }, include: { roles: true } });
      if (successor.orgId !== transfer.fromOrgId) {
        await tx.member.update({ where: { id: successor.id }, data: { orgId: transfer.fromOrgId, position: transfer.fromPosition } });
        await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.moved', `member #${successor.id}`, { transfer: id, successor: true });
      }
      if (member.roles.some((r) => r.role === 'head') && !successor.roles.some((r) => r.role === 'head')) {
        await tx.memberRole.create({ data: { memberId: successor.id, role: 'head' } });
        await recordAudit(tx, ctx.clock, ctx.actor, 'member.roles', `member #${successor.id}`, { added: 'head', transfer: id });
      }
      const polls = await tx.poll.updateMany({ where: { createdById: member.id, status: 'open' }, data: { createdById: successor.id } });
      if (polls.count) await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.polls', `member #${successor.id}`, { polls: polls.count, transfer: id });
    }
  });
  return true;
}

// ---------- handover checklist ----------

/** 인계·인수서 from what the bot knows: each partner with its contact, upcoming meetups, open polls. */
async function drawUpChecklist(ctx: FeatureContext, id: number): Promise<void> {
  const transfer = await findTransfer(ctx, id);
  if (transfer.items.some((i) => i.kind !== 'duty')) return;
  const partners = await partnersOf(ctx, transfer.fromOrgId, transfer.memberId);
  const others = partners.orgIds.filter((o) => o !== transfer.fromOrgId);
  const orgs = await ctx.db.organization.findMany({ where: { id: { in: others } }, include: { members: { where: { status: 'active', roles: { some: { role: 'head' } } }, take: 1 } } });
  const now = ctx.clock.now();
  const items: { kind: string; label: string }[] = [
    ...orgs.map((o) => {
      const head = o.members[0];
      return { kind: 'partner', label: `${o.name}${head ? ` · ${head.name}${head.position ? ` ${head.position}` : ''}${head.phone ? ` ${head.phone}` : ''}` : ''}` };
    }),
    ...partners.series.map((s) => ({ kind: 'meetup', label: `#${s.id} ${s.title}` })),
    ...(await ctx.db.poll.findMany({ where: { createdById: transfer.memberId, status: 'open' }, select: { id: true, question: true } })).map((p) => ({ kind: 'poll', label: `#${p.id} ${p.question}` })),
  ];
  await ctx.db.transferItem.createMany({ data: items.map((item) => ({ ...item, transferId: id, createdAt: now })) });
}

export async function sendChecklist(ctx: FeatureContext, transfer: TransferRow, key: string): Promise<void> {
  const fresh = await findTransfer(ctx, transfer.id);
  const names = await transferNames(ctx, fresh);
  for (const [memberId, role] of [[fresh.memberId, 'from'], [fresh.successorId, 'to']] as const) {
    if (memberId) await ctx.deliver.deliver({ kind: 'member', id: memberId }, (t) => checklistCard(t, fresh, names, role), `${key}:m${memberId}`);
  }
}

/** The handover (its lines, ticks and receipt) starts at the confirm: a draft is only a preview nobody else has seen. */
function assertConfirmed(transfer: TransferRow): void {
  if (transfer.status === 'draft') throw new UserError('transfer.notConfirmed', { id: transfer.id });
}

/** The predecessor (or their head) adds a line to the checklist (duties, files, issues). */
export async function addItem(ctx: FeatureContext, id: number, text: string) {
  const transfer = await findTransfer(ctx, id);
  if (ctx.actor.memberId !== transfer.memberId) assertMayChange(ctx, transfer);
  if (transfer.status === 'cancelled') throw new UserError('transfer.closed', { id, status: 'choice:transferStatus:cancelled' });
  assertConfirmed(transfer);
  const count = transfer.items.length;
  if (count >= 50) throw new UserError('transfer.tooManyItems');
  await ctx.db.transferItem.create({ data: { transferId: id, kind: 'duty', label: text, createdAt: ctx.clock.now() } });
  return { transfer: await findTransfer(ctx, id), number: count + 1 };
}

/** Ticks checklist lines as handed over (the predecessor, their head or a coordinator). */
export async function tickItems(ctx: FeatureContext, id: number, numbers: number[]) {
  const transfer = await findTransfer(ctx, id);
  if (ctx.actor.memberId !== transfer.memberId) assertMayChange(ctx, transfer);
  assertConfirmed(transfer);
  const bad = numbers.find((n) => n < 1 || n > transfer.items.length);
  if (bad !== undefined) throw new UserError('transfer.noSuchItem', { number: bad, count: transfer.items.length, id });
  const ids = numbers.map((n) => transfer.items[n - 1].id);
  await ctx.db.$transaction(async (tx) => {
    await tx.transferItem.updateMany({ where: { id: { in: ids }, doneAt: null }, data: { doneAt: ctx.clock.now() } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.tick', `transfer #${id}`, { items: numbers });
  });
  return findTransfer(ctx, id);
}

/** The successor confirms receipt of the handover. */
export async function confirmReceived(ctx: FeatureContext, id: number) {
  const transfer = await findTransfer(ctx, id);
  if (ctx.actor.memberId !== transfer.successorId && !ctx.actor.roles.has('admin')) throw new UserError('transfer.notSuccessor', { id });
  assertConfirmed(transfer);
  if (transfer.receivedAt) throw new UserError('transfer.alreadyReceived', { id });
  await ctx.db.$transaction(async (tx) => {
    await tx.transfer.update({ where: { id }, data: { receivedAt: ctx.clock.now() } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.received', `transfer #${id}`);
  });
  return findTransfer(ctx, id);
}

/** D+3 and D+7: reminders while items are open or receipt is unconfirmed; D+14: the head sees what is still open. */
export async function runFollowUp(ctx: FeatureContext, id: number, days: number, key: string): Promise<void> {
  const transfer = await loadTransfer(ctx, id);
  if (transfer?.status !== 'done') return;
  const open = transfer.items.filter((i) => !i.doneAt).length;
  if (open === 0 && (transfer.receivedAt || !transfer.successorId)) return;
  if (days < 14) {
    await sendChecklist(ctx, transfer, key);
    return;
  }
  const names = await transferNames(ctx, transfer);
  const summary = (t: Translator) => ({
    title: t('transfer.summaryTitle', { name: transfer.member.name }),
    lines: [
      t('transfer.summaryBody', { name: transfer.member.name, id, open, total: transfer.items.length, successor: names.successor?.name ?? '-', received: transfer.receivedAt ? t('transfer.receivedYes') : t('transfer.receivedNo') }),
    ],
    buttons: [{ label: t('transfer.showButton'), command: `/transfer show ${id}` }],
  });
  const target = transfer.fromOrgId ? ({ kind: 'role', role: 'head', orgId: transfer.fromOrgId } as const) : ({ kind: 'role', role: 'coordinator' } as const);
  await ctx.deliver.deliver(target, summary, `${key}:heads`);
  if (transfer.createdById) await ctx.deliver.deliver({ kind: 'member', id: transfer.createdById }, summary, `${key}:creator`);
}

// ---------- regular reshuffles ----------

export async function setReshuffleReminders(ctx: FeatureContext, orgRef: string, on: boolean) {
  const org = await findOrganization(ctx, orgRef);
  const { roles, orgId } = ctx.actor;
  if (!roles.has('admin') && !roles.has('coordinator') && !(roles.has('head') && orgId === org.id)) throw new UserError('transfer.remindersNotYours', { org: org.name });
  await ctx.db.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: org.id }, data: { reshuffleReminders: on } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'transfer.reminders', `org #${org.id}`, { on });
  });
  return org;
}

/** About two weeks before 1 January and 1 July: heads (of organisations that did not opt out) and coordinators are asked whether anyone moves. */
export async function runReshuffleQuestion(ctx: FeatureContext, effective: IsoDate, key: string): Promise<void> {
  const orgs = await ctx.db.organization.findMany({ where: { reshuffleReminders: true, kind: { not: 'council' } }, select: { id: true }, take: 5000 });
  const question = (t: Translator) => ({
    title: t('transfer.reshuffleTitle', { effective }),
    lines: [t('transfer.reshuffleBody', { effective })],
    buttons: [{ label: t('transfer.reshuffleButton'), command: '/transfer create', style: 'primary' as const }],
  });
  for (const org of orgs) await ctx.deliver.deliver({ kind: 'role', role: 'head', orgId: org.id }, question, `${key}:org${org.id}`);
  await ctx.deliver.deliver({ kind: 'role', role: 'coordinator' }, question, `${key}:coordinators`);
}
