// Who is typing? A chat user (platform, user id) is linked to a member through
// ChatIdentity. Admins listed in BOT_ADMINS, and the console's `admin`, become
// admin members on first contact; other console names become staff members
// (or take over the member of that name), so a local session can play several
// people. Unknown Slack/Discord users stay unlinked until an admin links them.
import type { Actor, Invocation, Role } from '../../core/command.ts';
import { UserError } from '../../core/errors.ts';
import { ALWAYS_FORBIDDEN, detectIdentifier } from '../../core/privacy.ts';
import type { Clock } from '../../core/clock.ts';
import type { Locale } from '../../core/i18n/index.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/service.ts';

export const CONSOLE_ADMIN = 'admin';

// Every command resolves its caller; a short-lived cache keeps that off the
// database on the hot path. Any change to members, roles or identities bumps
// the generation, which empties the cache (and the TTL bounds staleness when
// several processes share one PostgreSQL database).
const ACTOR_TTL_MS = 30_000;
type ActorCache = Map<string, { actor: Actor; at: number }>;
const caches = new WeakMap<Db, ActorCache>();

function cacheFor(db: Db): ActorCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** Call after any write to members, roles or chat identities. */
export function directoryChanged(db: Db): void {
  cacheFor(db).clear();
}

export async function resolveActor(
  deps: { db: Db; clock: Clock; admins: readonly string[]; defaultLocale: Locale },
  invocation: Invocation,
): Promise<Actor> {
  const { db } = deps;
  const { platform, platformUserId } = invocation;
  const cacheKey = `${platform}:${platformUserId}`;
  const cache = cacheFor(db);
  const cached = cache.get(cacheKey);
  const now = Date.now();
  if (cached && now - cached.at < ACTOR_TTL_MS) return cached.actor;
  const actor = await lookupActor(deps, invocation);
  if (actor.memberId !== undefined) {
    if (cache.size > 5000) cache.clear();
    cache.set(cacheKey, { actor, at: now });
  }
  return actor;
}

async function lookupActor(
  deps: { db: Db; clock: Clock; admins: readonly string[]; defaultLocale: Locale },
  invocation: Invocation,
): Promise<Actor> {
  const { db } = deps;
  const { platform, platformUserId } = invocation;
  // A name that looks like a resident identifier is never stored or shown.
  if (detectIdentifier(invocation.displayName, ALWAYS_FORBIDDEN)) {
    if (platform === 'console') throw new UserError('error.residentIdentifier', { what: `pii.${detectIdentifier(invocation.displayName, ALWAYS_FORBIDDEN)}` });
    invocation = { ...invocation, displayName: platformUserId };
  }
  const identity = await db.chatIdentity.findUnique({
    where: { platform_userId: { platform, userId: platformUserId } },
    include: { member: { include: { roles: true } } },
  });
  if (identity) return toActor(identity.member, invocation);

  const isAdmin =
    deps.admins.includes(`${platform}:${platformUserId}`) || (platform === 'console' && platformUserId === CONSOLE_ADMIN);
  if (!isAdmin && platform !== 'console') {
    return { name: invocation.displayName, roles: new Set(), locale: deps.defaultLocale, platform, platformUserId };
  }

  const member = await db.$transaction(async (tx) => {
    const existing =
      platform === 'console'
        ? await tx.member.findMany({ where: { name: invocation.displayName }, include: { roles: true }, take: 2 })
        : [];
    const linked =
      existing.length === 1
        ? existing[0]
        : await tx.member.create({
            data: {
              name: invocation.displayName,
              locale: deps.defaultLocale,
              roles: { create: [{ role: isAdmin ? 'admin' : 'staff' }] },
            },
            include: { roles: true },
          });
    if (isAdmin && !linked.roles.some((r) => r.role === 'admin')) {
      await tx.memberRole.create({ data: { memberId: linked.id, role: 'admin' } });
      linked.roles.push({ memberId: linked.id, role: 'admin' });
    }
    await tx.chatIdentity.create({ data: { platform, userId: platformUserId, memberId: linked.id } });
    const actor = { memberId: linked.id, name: linked.name, platform };
    await recordAudit(tx, deps.clock, actor, 'identity.link', `member #${linked.id}`, {
      platform,
      bootstrap: isAdmin ? 'admin' : 'console',
    });
    return linked;
  });
  directoryChanged(db);
  return toActor(member, invocation);
}

function toActor(
  member: { id: number; name: string; orgId: number | null; locale: string; roles: { role: string }[] },
  invocation: Invocation,
): Actor {
  return {
    memberId: member.id,
    name: member.name,
    roles: new Set(member.roles.map((r) => r.role as Role)),
    orgId: member.orgId ?? undefined,
    locale: member.locale === 'en' ? 'en' : 'ko',
    platform: invocation.platform,
    platformUserId: invocation.platformUserId,
  };
}
