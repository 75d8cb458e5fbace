// Linking a chat account to a member: by a one-time code an admin hands out
// (`/member code` -> `/member link <code>`), or by a request an admin approves
// (`/member link` -> `/member approve <request>`).
import { randomInt } from 'node:crypto';
import type { Actor } from '../../core/command.ts';
import type { Message, Target } from '../../core/deliver.ts';
import { UserError } from '../../core/errors.ts';
import { recordAudit } from '../audit/service.ts';
import type { FeatureContext } from '../context.ts';
import { findMember } from './service.ts';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I
export const CODE_TTL_MS = 72 * 3600_000;

export function newCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

export async function createLinkCode(ctx: FeatureContext, memberRef: string) {
  const member = await findMember(ctx, memberRef);
  const code = newCode();
  const expiresAt = new Date(ctx.clock.now().getTime() + CODE_TTL_MS);
  await ctx.db.$transaction(async (tx) => {
    await tx.linkCode.create({ data: { code, memberId: member.id, expiresAt, createdAt: ctx.clock.now() } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'member.code', `member #${member.id}`);
  });
  return { code, member, expiresAt };
}

function assertUnlinked(actor: Actor) {
  if (actor.memberId !== undefined) throw new UserError('link.alreadyLinked', { name: actor.name });
}

export async function linkWithCode(ctx: FeatureContext, rawCode: string) {
  assertUnlinked(ctx.actor);
  const code = rawCode.trim().toUpperCase();
  const row = await ctx.db.linkCode.findUnique({ where: { code }, include: { member: true } });
  if (!row || row.usedAt || row.expiresAt < ctx.clock.now()) throw new UserError('link.badCode');
  await ctx.db.$transaction(async (tx) => {
    await tx.linkCode.update({ where: { code }, data: { usedAt: ctx.clock.now() } });
    await tx.chatIdentity.create({
      data: { platform: ctx.actor.platform, userId: ctx.actor.platformUserId, memberId: row.memberId },
    });
    await recordAudit(tx, ctx.clock, { ...ctx.actor, memberId: row.memberId }, 'identity.link', `member #${row.memberId}`, {
      platform: ctx.actor.platform,
      by: 'code',
    });
  });
  return row.member;
}

/** New link requests accepted per platform per hour; beyond it, "try later" and nothing is written. */
export const LINK_REQUESTS_PER_HOUR = 10;
/** Admins hear about requests in one batched DM, this long after the first of a burst. */
export const LINK_NOTICE_DELAY_MS = 60_000;
/** Requests listed in one notice (the rest are counted). */
const NOTICE_LIST_MAX = 15;

/** The outbox's batched delivery (src/delivery/outbox.ts); other deliverers send at once. */
type Batching = { deliverBatched?: (target: Target, message: Message, keyBase: string, delayMs: number) => Promise<number> };

/**
 * An unlinked chat user asks to be linked. One open request per chat
 * account (asking again says it is still open); at most
 * LINK_REQUESTS_PER_HOUR new requests per platform per hour. The admins get
 * one DM per burst listing every open request, each with an approve button.
 */
export async function requestLink(ctx: FeatureContext) {
  assertUnlinked(ctx.actor);
  const { platform, platformUserId: userId, name } = ctx.actor;
  const now = ctx.clock.now();
  const existing = await ctx.db.linkRequest.findUnique({ where: { platform_userId: { platform, userId } } });
  if (existing?.status === 'open') throw new UserError('link.alreadyRequested', { id: existing.id });
  const recent = await ctx.db.linkRequest.count({ where: { platform, createdAt: { gte: new Date(now.getTime() - 3600_000) } } });
  if (recent >= LINK_REQUESTS_PER_HOUR) throw new UserError('link.tooManyRequests');
  // A closed request of this account (approved, later unlinked) opens again as new.
  const request = await ctx.db.linkRequest.upsert({
    where: { platform_userId: { platform, userId } },
    create: { platform, userId, displayName: name, createdAt: now },
    update: { displayName: name, status: 'open', createdAt: now },
  });
  await notifyAdmins(ctx);
  return request;
}

/** One notice listing the open requests (re-rendered while it waits, so a burst is one DM). */
async function notifyAdmins(ctx: FeatureContext): Promise<void> {
  const open = await ctx.db.linkRequest.findMany({ where: { status: 'open' }, orderBy: { id: 'asc' }, take: NOTICE_LIST_MAX + 1 });
  const total = open.length > NOTICE_LIST_MAX ? await ctx.db.linkRequest.count({ where: { status: 'open' } }) : open.length;
  const shown = open.slice(0, NOTICE_LIST_MAX);
  const message: Message = (t) => ({
    title: t('link.requestTitle'),
    lines: [
      t('link.requestDigest', { count: total }),
      ...shown.map((r) => t('link.requestLine', { name: r.displayName, platform: r.platform, id: r.id })),
      ...(total > shown.length ? [t('link.requestMore', { count: total - shown.length })] : []),
      t('link.requestHowTo'),
    ],
    buttons: shown.slice(0, 20).map((r) => ({
      label: t('link.approveNamed', { id: r.id, name: r.displayName }),
      command: `/member approve ${r.id}`,
      style: 'primary' as const,
    })),
  });
  const deliver = ctx.deliver as typeof ctx.deliver & Batching;
  if (deliver.deliverBatched) await deliver.deliverBatched({ kind: 'role', role: 'admin' }, message, 'link-requests', LINK_NOTICE_DELAY_MS);
  else await ctx.deliver.deliver({ kind: 'role', role: 'admin' }, message, `link-requests:${ctx.clock.now().getTime()}`);
}

export async function approveLink(ctx: FeatureContext, requestId: number, memberRef?: string) {
  const request = await ctx.db.linkRequest.findUnique({ where: { id: requestId } });
  if (request?.status !== 'open') throw new UserError('link.noRequest', { id: requestId });
  const existing = memberRef ? await findMember(ctx, memberRef) : undefined;
  const result = await ctx.db.$transaction(async (tx) => {
    const member =
      existing ??
      (await tx.member.create({ data: { name: request.displayName, roles: { create: [{ role: 'staff' }] } } }));
    await tx.chatIdentity.create({ data: { platform: request.platform, userId: request.userId, memberId: member.id } });
    await tx.linkRequest.update({ where: { id: requestId }, data: { status: 'approved' } });
    await recordAudit(tx, ctx.clock, ctx.actor, 'identity.link', `member #${member.id}`, {
      platform: request.platform,
      by: 'approval',
      request: requestId,
    });
    return { member, request };
  });
  await ctx.deliver.deliver(
    { kind: 'member', id: result.member.id },
    (t) => ({ tone: 'success', lines: [t('link.approvedForUser', { name: result.member.name })] }),
    `link-approved:${request.id}`,
  );
  return result;
}

