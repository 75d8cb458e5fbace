// The organisation directory: organisations, partnerships, members, roles,
// council seats and channel bindings. Every change writes an audit row in the
// same transaction.
import type { Role } from '../../core/command.ts';
import { choiceParam, UserError } from '../../core/errors.ts';
import { seoulDate, seoulInstant } from '../../core/calendar/index.ts';
import type { Db } from '../../db/client.ts';
import { nameContains } from '../../db/search.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext, LinkedContext } from '../context.ts';

/** What lookups need of the context: just the database. */
type Store = Pick<FeatureContext, 'db'>;
import {
  defaultTermEnd,
  HUB_USUAL_MAX,
  isPhoneNumber,
  isWorkEmail,
  PARTNERSHIP_ENDS,
  namePieces,
  nearestNames,
  requireNameLetter,
  squash,
  termsOverlap,
  type OrgKind,
  type PartnershipKind,
  type Seat,
} from './rules.ts';

export const PAGE_SIZE = 20;

/** Where clauses for names sharing a piece of `name` (see namePieces): the candidates of a look-up. */
export const containingPieces = (db: Db, table: 'Member' | 'Organization', name: string) =>
  Promise.all(namePieces(name).map((piece) => nameContains(db, table, piece)));

const idRef = (ref: string) => (/^#?\d+$/.test(ref.trim()) ? Number(ref.trim().replace('#', '')) : undefined);

// ---------- organisations ----------

export async function findOrganization(ctx: Store, ref: string) {
  const { db } = ctx;
  const id = idRef(ref);
  if (id !== undefined) {
    const org = await db.organization.findUnique({ where: { id } });
    if (!org) throw new UserError('org.notFound');
    return org;
  }
  const exact = await db.organization.findUnique({ where: { name: ref.trim() } });
  if (exact) return exact;
  // Spaces ignored, then near misses offered: only candidates sharing a piece of the name are read.
  const candidates = await db.organization.findMany({ where: { OR: await containingPieces(db, 'Organization', ref) }, take: 200 });
  const same = candidates.filter((o) => squash(o.name) === squash(ref));
  if (same.length === 1) return same[0];
  const near = nearestNames(ref, candidates);
  if (near.length) throw new UserError('org.notFoundSuggest', { suggestions: near.map((o) => `${o.name}(#${o.id})`).join(', ') });
  throw new UserError('org.notFound');
}

export interface NewOrganization {
  kind: OrgKind;
  name: string;
  dong?: string;
  sigungu?: string;
}

export async function addOrganization(ctx: FeatureContext, input: NewOrganization) {
  requireNameLetter('name', input.name);
  const existing = await ctx.db.organization.findUnique({ where: { name: input.name } });
  if (existing) throw new UserError('org.duplicate', { name: existing.name, id: existing.id });
  return ctx.db.$transaction(async (tx) => {
    const org = await tx.organization.create({
      data: { kind: input.kind, name: input.name, dong: input.dong ?? null, sigungu: input.sigungu ?? null },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'org.add', `org #${org.id}`, { name: org.name, kind: org.kind });
    return org;
  });
}

export async function listOrganizations(ctx: Store, filter: { kind?: OrgKind; page?: number }) {
  const { db } = ctx;
  const requested = Math.max(1, filter.page ?? 1);
  // One query for the page and the total (a window count): /org list is a hot read.
  const kind = filter.kind ?? null;
  const rows = await db.$queryRaw<{ id: number; name: string; kind: string; dong: string | null; sigungu: string | null; total: bigint | number }[]>`
    SELECT "id", "name", "kind", "dong", "sigungu", COUNT(*) OVER () AS "total"
    FROM "Organization"
    WHERE (CAST(${kind} AS TEXT) IS NULL OR "kind" = ${kind})
    ORDER BY "id"
    LIMIT ${PAGE_SIZE} OFFSET ${(requested - 1) * PAGE_SIZE}`;
  const total = rows.length ? Number(rows[0].total) : await db.organization.count({ where: kind ? { kind } : {} });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (rows.length === 0 && requested > pages) return listOrganizations(ctx, { ...filter, page: pages });
  const items = rows.map(({ total: _total, ...org }) => ({ ...org, id: Number(org.id) }));
  return { items, total, page: requested, pages };
}

/** An organisation with its active members counted; a council with its sitting members (seats whose term covers today). */
export async function organizationDetails(ctx: Pick<FeatureContext, 'db' | 'clock'>, id: number) {
  const today = seoulInstant(seoulDate(ctx.clock.now()));
  const sitting = { OR: [{ termTo: null }, { termTo: { gte: today } }] };
  return ctx.db.organization.findUniqueOrThrow({
    where: { id },
    include: {
      _count: { select: { members: { where: { status: 'active' } }, councilSeats: { where: sitting } } },
      partnershipsOut: { include: { to: true } },
      partnershipsIn: { include: { from: true } },
      channels: true,
      councilSeats: { where: sitting, include: { member: true }, orderBy: [{ seat: 'asc' }, { id: 'asc' }], take: 50 },
    },
  });
}

export async function linkOrganizations(
  ctx: FeatureContext,
  input: { fromRef: string; toRef: string; kind: PartnershipKind },
) {
  const from = await findOrganization(ctx, input.fromRef);
  const to = await findOrganization(ctx, input.toRef);
  if (from.id === to.id) throw new UserError('org.linkSelf');
  const ends = PARTNERSHIP_ENDS[input.kind];
  if (ends && (!ends.from.includes(from.kind as OrgKind) || !ends.to.includes(to.kind as OrgKind))) {
    throw new UserError('org.linkKindMismatch', {
      kind: choiceParam('partnershipKind', input.kind),
      value: input.kind,
      from: choiceParam('orgKind', ends.from[0]),
      to: choiceParam('orgKind', ends.to[0]),
    });
  }
  const existing = await ctx.db.partnership.findUnique({
    where: { kind_fromId_toId: { kind: input.kind, fromId: from.id, toId: to.id } },
  });
  if (existing) throw new UserError('org.linkDuplicate', {
      from: from.name,
      to: to.name,
      kind: choiceParam('partnershipKind', input.kind),
      id: existing.id,
    });
  const partnership = await ctx.db.$transaction(async (tx) => {
    const created = await tx.partnership.create({ data: { kind: input.kind, fromId: from.id, toId: to.id } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'org.link', `partnership #${created.id}`, {
      kind: input.kind,
      from: from.id,
      to: to.id,
    });
    return created;
  });
  const hubCount =
    input.kind === 'hub' ? await ctx.db.partnership.count({ where: { kind: 'hub', fromId: from.id } }) : 0;
  return { partnership, from, to, hubOverfull: hubCount > HUB_USUAL_MAX ? hubCount : undefined };
}

export async function findPartnership(ctx: Store, id: number) {
  const { db } = ctx;
  const partnership = await db.partnership.findUnique({ where: { id }, include: { from: true, to: true } });
  if (!partnership) throw new UserError('channel.partnershipNotFound', { ref: id });
  return partnership;
}

// ---------- members ----------

const memberInclude = { roles: true, org: true } as const;

export async function findMember(ctx: Store, ref: string) {
  const { db } = ctx;
  const id = idRef(ref);
  if (id !== undefined) {
    const member = await db.member.findUnique({ where: { id }, include: memberInclude });
    if (!member) throw new UserError('member.notFound');
    return member;
  }
  let matches = await db.member.findMany({ where: { name: ref.trim() }, include: memberInclude, take: 6 });
  if (matches.length === 0) {
    const candidates = await db.member.findMany({ where: { OR: await containingPieces(db, 'Member', ref) }, include: memberInclude, take: 200 });
    matches = candidates.filter((m) => squash(m.name) === squash(ref));
    if (matches.length === 0) {
      const near = nearestNames(ref, candidates);
      if (near.length) throw new UserError('member.notFoundSuggest', { suggestions: near.map(memberLabel).join(', ') });
      throw new UserError('member.notFound');
    }
  }
  if (matches.length > 1) {
    // Active members first: a retired namesake rarely is the one meant, but still offered.
    throw new UserError('member.ambiguous', { matches: matches.map(memberLabel).join(', ') });
  }
  return matches[0];
}

/** `#3 홍길동(모라3동행정복지센터·주무관)`: enough to tell namesakes apart. */
export function memberLabel(member: { id: number; name: string; position: string | null; org: { name: string } | null }): string {
  const where = [member.org?.name, member.position].filter(Boolean).join('·');
  return `#${member.id} ${member.name}${where ? `(${where})` : ''}`;
}

export interface NewMember {
  name: string;
  orgRef?: string;
  position?: string;
  roles: Role[];
  phone?: string;
  email?: string;
  locale?: 'ko' | 'en';
  /** Register even when someone of that name is already in the organisation (a different person). */
  namesake?: boolean;
}

/** Someone of the same name (spaces ignored) in the same organisation: probably the same person. */
export async function namesakes(ctx: Store, name: string, orgId: number | null) {
  const candidates = await ctx.db.member.findMany({
    where: { orgId, OR: [{ name: name.trim() }, ...(await containingPieces(ctx.db, 'Member', name))] },
    include: memberInclude,
    take: 200,
  });
  return candidates.filter((m) => squash(m.name) === squash(name));
}

export async function addMember(ctx: FeatureContext, input: NewMember) {
  // Only an admin may hand out the admin role.
  if (input.roles.includes('admin') && !ctx.actor.roles.has('admin')) throw new UserError('member.adminOnly');
  requireNameLetter('name', input.name);
  if (input.email && !isWorkEmail(input.email)) throw new UserError('member.badEmail');
  if (input.phone && !isPhoneNumber(input.phone)) throw new UserError('member.badPhone');
  const org = input.orgRef ? await findOrganization(ctx, input.orgRef) : undefined;
  if (!input.namesake) {
    const same = await namesakes(ctx, input.name, org?.id ?? null);
    if (same.length) return { namesakes: same, org };
  }
  const member = await ctx.db.$transaction(async (tx) => {
    const member = await tx.member.create({
      data: {
        name: input.name,
        orgId: org?.id ?? null,
        position: input.position ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        locale: input.locale ?? 'ko',
        roles: { create: input.roles.map((role) => ({ role })) },
      },
      include: memberInclude,
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'member.add', `member #${member.id}`, {
      org: org?.id,
      roles: input.roles,
    });
    return member;
  });
  return { member, org };
}

export async function memberDetails(ctx: Store, id: number) {
  const { db } = ctx;
  return db.member.findUniqueOrThrow({
    where: { id },
    include: { ...memberInclude, councilSeats: { include: { council: true } }, identities: true },
  });
}

export async function setRoles(ctx: LinkedContext, memberRef: string, roles: Role[]) {
  const member = await findMember(ctx, memberRef);
  const losesAdmin = member.roles.some((r) => r.role === 'admin') && !roles.includes('admin');
  if (losesAdmin) {
    const admins = await ctx.db.memberRole.count({ where: { role: 'admin' } });
    if (admins <= 1) throw new UserError('member.lastAdmin');
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.memberRole.deleteMany({ where: { memberId: member.id } });
    await tx.memberRole.createMany({ data: roles.map((role) => ({ memberId: member.id, role })) });
    await recordAudit(tx, ctx.clock, ctx.actor, 'member.roles', `member #${member.id}`, {
      before: member.roles.map((r) => r.role),
      after: roles,
    });
  });
  return member;
}

export async function setLocale(ctx: LinkedContext, locale: 'ko' | 'en') {
  const memberId = ctx.actor.memberId;
  await ctx.db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: memberId }, data: { locale } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'member.locale', `member #${memberId}`, { locale });
  });
}

/** Where the member's DMs go: one platform, or null for every linked one. */
export async function setPreferredPlatform(ctx: FeatureContext, platform: string | null) {
  const memberId = ctx.actor.memberId;
  await ctx.db.$transaction(async (tx) => {
    await tx.member.update({ where: { id: memberId }, data: { preferredPlatform: platform } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'member.dm', `member #${memberId}`, { platform });
  });
}

// ---------- council seats ----------

export async function seatCouncilMember(
  ctx: FeatureContext,
  input: { memberRef: string; councilRef: string; seat: Seat; from?: string; to?: string; today: string },
) {
  const member = await findMember(ctx, input.memberRef);
  const council = await findOrganization(ctx, input.councilRef);
  if (council.kind !== 'council') throw new UserError('council.notCouncil', { name: council.name, kind: council.kind });
  const termFrom = seoulInstant(input.from ?? input.today);
  const termTo = input.to ? seoulInstant(input.to) : defaultTermEnd(termFrom);
  if (termTo < termFrom) throw new UserError('council.badTerm', { from: input.from ?? input.today, to: input.to ?? '' });

  if (input.seat !== 'member') {
    const holders = await ctx.db.councilSeat.findMany({
      where: { councilId: council.id, seat: input.seat, NOT: { memberId: member.id } },
      include: { member: true },
    });
    const clash = holders.find((h) => termsOverlap({ from: h.termFrom, to: h.termTo }, { from: termFrom, to: termTo }));
    if (clash) {
      throw new UserError('council.chairTaken', {
        council: council.name,
        seat: `choice:seat:${input.seat}`,
        name: clash.member.name,
        from: clash.termFrom ? seoulDate(clash.termFrom) : '',
        to: clash.termTo ? seoulDate(clash.termTo) : '',
      });
    }
  }

  const seat = await ctx.db.$transaction(async (tx) => {
    const saved = await tx.councilSeat.upsert({
      where: { councilId_memberId: { councilId: council.id, memberId: member.id } },
      create: { councilId: council.id, memberId: member.id, seat: input.seat, termFrom, termTo },
      update: { seat: input.seat, termFrom, termTo },
    });
    await recordAudit(tx, ctx.clock, ctx.actor, 'council.seat', `council-seat #${saved.id}`, {
      council: council.id,
      member: member.id,
      seat: input.seat,
    });
    return saved;
  });
  return { seat, member, council, termFrom, termTo };
}

// ---------- channel bindings ----------

export type BindingTarget = { orgId: number; partnershipId: null } | { orgId: null; partnershipId: number };

export async function resolveBindingTarget(ctx: Store, input: { orgRef?: string; partnershipId?: number }) {
  if (input.orgRef) {
    const org = await findOrganization(ctx, input.orgRef);
    const target: BindingTarget = { orgId: org.id, partnershipId: null };
    return { target, org };
  }
  if (input.partnershipId !== undefined) {
    const partnership = await findPartnership(ctx, input.partnershipId);
    const target: BindingTarget = { orgId: null, partnershipId: partnership.id };
    return { target, partnership };
  }
  throw new UserError('channel.needTarget');
}

export async function findBinding(ctx: Store, platform: string, channelId: string, target: BindingTarget) {
  const { db } = ctx;
  return db.channelBinding.findFirst({ where: { platform, channelId, ...target } });
}

/**
 * Admins and coordinators bind any room; a head (동장, 관장) only their own
 * organisation's, so a dong office links its room without waiting for an admin.
 */
async function assertMayBind(ctx: FeatureContext, target: BindingTarget): Promise<void> {
  const { roles, orgId } = ctx.actor;
  if (roles.has('admin') || roles.has('coordinator') || target.orgId === (orgId ?? null)) return;
  if (orgId === undefined) throw new UserError('channel.headWithoutOrg');
  const own = await ctx.db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { name: true } });
  throw new UserError('channel.ownOfficeOnly', { org: own.name });
}

export async function bindChannel(ctx: FeatureContext, channelId: string, target: BindingTarget) {
  await assertMayBind(ctx, target);
  const platform = ctx.actor.platform;
  if (await findBinding(ctx, platform, channelId, target)) return undefined;
  return ctx.db.$transaction(async (tx) => {
    const binding = await tx.channelBinding.create({ data: { platform, channelId, ...target } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'channel.bind', `channel ${platform}:${channelId}`, target);
    return binding;
  });
}

export async function unbindChannel(ctx: FeatureContext, channelId: string, target: BindingTarget) {
  await assertMayBind(ctx, target);
  const binding = await findBinding(ctx, ctx.actor.platform, channelId, target);
  if (!binding) return false;
  await ctx.db.$transaction(async (tx) => {
    await tx.channelBinding.delete({ where: { id: binding.id } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'channel.unbind', `channel ${binding.platform}:${channelId}`, target);
  });
  return true;
}

export async function channelTargets(ctx: Store, platform: string, channelId: string) {
  const { db } = ctx;
  return db.channelBinding.findMany({
    where: { platform, channelId },
    include: { org: true, partnership: { include: { from: true, to: true } } },
    take: 50,
  });
}

// ---------- lookups for chat autocomplete ----------

export async function suggestOrganizations({ db }: FeatureContext, query: string) {
  const q = query.trim();
  const orgs = await db.organization.findMany({
    where: q ? await nameContains(db, 'Organization', q) : {},
    orderBy: { name: 'asc' },
    take: 25,
    select: { id: true, name: true },
  });
  return orgs.map((o) => ({ label: o.name, value: o.name }));
}

export async function suggestMembers({ db }: FeatureContext, query: string) {
  const q = query.trim();
  const members = await db.member.findMany({
    where: q ? await nameContains(db, 'Member', q) : {},
    orderBy: { name: 'asc' },
    take: 25,
    select: { id: true, name: true, org: { select: { name: true } } },
  });
  return members.map((m) => ({ label: `${m.name}${m.org ? ` (${m.org.name})` : ''}`, value: `#${m.id}` }));
}
