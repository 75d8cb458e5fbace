// Linking a chat account to a member: by a one-time code an admin hands out
// (`/member code` -> `/member link <code>`), or by a request an admin approves
// (`/member link` -> `/member approve <request>`).
import { randomInt } from 'node:crypto';
import type { Actor } from '../../core/command.ts';
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

/** An unlinked chat user asks to be linked: the admins get a DM (each in their language) with an approve button. */
export async function requestLink(ctx: FeatureContext) {
  assertUnlinked(ctx.actor);
  const { platform, platformUserId: userId, name } = ctx.actor;
  const request = await ctx.db.linkRequest.upsert({
    where: { platform_userId: { platform, userId } },
    create: { platform, userId, displayName: name, createdAt: ctx.clock.now() },
    update: { displayName: name, status: 'open' },
  });
  await ctx.deliver.deliver(
    { kind: 'role', role: 'admin' },
    (t) => ({
      title: t('link.requestTitle'),
      lines: [t('link.requestBody', { name: request.displayName, platform: request.platform, id: request.id })],
      buttons: [{ label: t('link.approveNew'), command: `/member approve ${request.id}`, style: 'primary', updatesMessage: true }],
    }),
    `link-request:${request.id}:${request.createdAt.getTime()}`,
  );
  return request;
}

export async function approveLink(ctx: FeatureContext, requestId: number, memberRef?: string) {
  const request = await ctx.db.linkRequest.findUnique({ where: { id: requestId } });
  if (!request || request.status !== 'open') throw new UserError('link.noRequest', { id: requestId });
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

