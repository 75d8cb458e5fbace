// Who is typing? A chat user (platform, user id) is linked to a member through
// ChatIdentity. Admins listed in BOT_ADMINS, and the console's `admin`, become
// admin members on first contact; other console names become staff members
// (or take over the member of that name), so a local session can play several
// people. Unknown Slack/Discord users stay unlinked until an admin links them.
import type { Actor, Invocation, Role } from '../../core/command.ts';
import { UserError } from '../../core/errors.ts';
import { guardText } from '../../core/privacy/guard.ts';
import type { Clock } from '../../core/clock.ts';
import type { Locale } from '../../core/i18n/index.ts';
import { ActorCache } from '../../core/actor-cache.ts';
import type { Db } from '../../db/client.ts';
import type { FeatureContext } from '../context.ts';
import { recordAudit } from '../audit/service.ts';
import { nearestNames, requireNameLetter, squash } from './rules.ts';
import { containingPieces, memberLabel } from './service.ts';

export const CONSOLE_ADMIN = 'admin';

const caches = new WeakMap<object, ActorCache>();

export async function resolveActor(ctx: FeatureContext, config: { admins: readonly string[] }, invocation: Invocation): Promise<Actor> {
  let cache = caches.get(ctx.db);
  if (!cache) {
    cache = new ActorCache(ctx.clock);
    caches.set(ctx.db, cache);
  }
  return cache.get(`${invocation.platform}:${invocation.platformUserId}`, () =>
    lookupActor({ db: ctx.db, clock: ctx.clock, admins: config.admins, defaultLocale: ctx.locale }, invocation),
  );
}

async function lookupActor(
  deps: { db: Db; clock: Clock; admins: readonly string[]; defaultLocale: Locale },
  invocation: Invocation,
): Promise<Actor> {
  const { db } = deps;
  const { platform, platformUserId } = invocation;
  // A name that looks like a resident identifier (or a phone number, an address …) is never stored or shown:
  // the console refuses the line; a chat account goes by its platform id instead.
  const checked = guardText('name', 'speaker', invocation.displayName);
  if (checked instanceof UserError) {
    if (platform === 'console') throw checked;
    invocation = { ...invocation, displayName: platformUserId };
  } else invocation = { ...invocation, displayName: checked };
  // E-mail: `member:<id>` comes only from the unsubscribe endpoint, after it
  // checked the link's token (src/adapters/email/unsubscribe-server.ts). No
  // ChatIdentity is written: an address is not an account.
  if (platform === 'email') {
    const id = /^member:(\d{1,9})$/.exec(platformUserId);
    const member = id ? await db.member.findUnique({ where: { id: Number(id[1]) }, include: { roles: true } }) : null;
    if (member) return toActor(member, invocation);
    return { name: invocation.displayName, roles: new Set(), locale: deps.defaultLocale, platform, platformUserId };
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

  // The console speaks as existing members only, unless the line says to create one (`@@name`).
  const existing =
    platform === 'console' ? await consoleSpeaker(db, invocation) : undefined;
  const member = await db
    .$transaction(async (tx) => {
    const linked =
      existing ??
      (await tx.member.create({
            data: {
              name: invocation.displayName,
              locale: deps.defaultLocale,
              roles: { create: [{ role: isAdmin ? 'admin' : 'staff' }] },
            },
            include: { roles: true },
          }));
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
  })
    .catch(async (error: unknown) => {
      // Two first requests of one person at once (PostgreSQL runs them side by
      // side): the other one linked the account; use it (this one wrote nothing).
      if ((error as { code?: string }).code !== 'P2002') throw error;
      const linked = await db.chatIdentity.findUnique({
        where: { platform_userId: { platform, userId: platformUserId } },
        include: { member: { include: { roles: true } } },
      });
      if (!linked) throw error;
      return linked.member;
    });
  return toActor(member, invocation);
}

/**
 * Who a console speaker is: `#9` is member #9; a name is an exact match, else
 * the one member whose name begins with it (spaces ignored). Unknown names are
 * refused with the closest ones, unless `@@name` asked to create the speaker;
 * `admin` is created on first use.
 */
async function consoleSpeaker(db: Db, invocation: Invocation) {
  const typed = invocation.displayName.trim();
  const include = { roles: true, org: true } as const;
  const id = /^#(\d{1,9})$/.exec(typed);
  if (id) {
    const member = await db.member.findUnique({ where: { id: Number(id[1]) }, include });
    if (!member) throw new UserError('member.notFound');
    return member;
  }
  const exact = await db.member.findMany({ where: { name: typed }, include, take: 6 });
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) throw new UserError('console.ambiguousSpeaker', { matches: exact.map((m) => `@${memberLabel(m).split(' ')[0]}`).join(', '), labels: exact.map(memberLabel).join(', ') });
  if (invocation.newSpeaker) requireNameLetter('@@', typed);
  if (invocation.newSpeaker || typed === CONSOLE_ADMIN) return undefined;
  const candidates = await db.member.findMany({ where: { OR: await containingPieces(db, 'Member', typed) }, include, take: 200 });
  const sameOrPrefix = candidates.filter((m) => squash(m.name) === squash(typed) || squash(m.name).startsWith(squash(typed)));
  if (sameOrPrefix.length === 1) return sameOrPrefix[0];
  if (sameOrPrefix.length > 1) throw new UserError('console.ambiguousSpeaker', { matches: sameOrPrefix.map((m) => `@#${m.id}`).join(', '), labels: sameOrPrefix.map(memberLabel).join(', ') });
  const near = nearestNames(typed, candidates).map(memberLabel).join(', ');
  throw new UserError(near ? 'console.unknownSpeakerSuggest' : 'console.unknownSpeaker', { suggestions: near });
}

function toActor(
  member: { id: number; name: string; orgId: number | null; locale: string; status: string; roles: { role: string }[] },
  invocation: Invocation,
): Actor {
  const locale = member.locale === 'en' ? 'en' : 'ko';
  // Retired, on leave, transferred: the account stays linked but acts as an unlinked one.
  if (member.status !== 'active') return { name: member.name, roles: new Set(), locale, platform: invocation.platform, platformUserId: invocation.platformUserId };
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
