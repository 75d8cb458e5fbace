// The durable outbox. deliver() resolves a target to destinations, renders the
// message in each reader's language and writes one row per destination
// (idempotency key unique, so a repeated deliver() with the same key is a
// no-op). OutboxSender sends the rows.
import { seoulDate, seoulInstant } from '../core/calendar/index.ts';
import type { Card } from '../core/card.ts';
import type { Clock } from '../core/clock.ts';
import type { Platform } from '../core/command.ts';
import { emailDestId, parseEmailDestId, type Deliverer, type Destination, type Message, type Target } from '../core/deliver.ts';
import { translator, type Locale } from '../core/i18n/index.ts';
import type { Db } from '../db/client.ts';

/** A destination and the language its reader gets. */
export interface Recipient extends Destination {
  locale: Locale;
}

/** People reached by one role target at most (a national role list is not a DM blast). */
const MAX_PEOPLE = 500;
const FAILURE_KEY = 'delivery-failed:';

type MemberRow = { id: number; locale: string; preferredPlatform: string | null; identities: { platform: string; userId: string }[] };
const memberSelect = { id: true, locale: true, preferredPlatform: true, identities: { select: { platform: true, userId: true } } } as const;

function rowKey(key: string, to: Destination): string {
  // E-mail: one row per member and key, whatever the address was then (a
  // changed address or language does not send the same week twice).
  const email = to.platform === 'email' ? parseEmailDestId(to.id) : undefined;
  if (email) return `${key}@email:member:${email.memberId}`;
  return `${key}@${to.platform}:${to.kind}:${to.id}`;
}

/** Renders a message once per language. */
function renderer(message: Message): (locale: Locale) => string {
  const rendered = new Map<Locale, string>();
  return (locale) => {
    let json = rendered.get(locale);
    if (json === undefined) {
      const card: Card = typeof message === 'function' ? message(translator(locale)) : message;
      json = JSON.stringify(card);
      rendered.set(locale, json);
    }
    return json;
  };
}

export class Outbox implements Deliverer {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** BOT_LOCALE: the language of shared channels. */
    private readonly channelLocale: Locale,
    /** Platforms with a running adapter; others are skipped, not queued forever. */
    private readonly platforms: () => ReadonlySet<Platform>,
    private readonly onQueued: (platform: Platform) => void = () => {},
  ) {}

  async destinations(target: Target): Promise<Recipient[]> {
    const active = this.platforms();
    const channel = (platform: string, id: string): Recipient => ({ platform: platform as Platform, kind: 'channel', id, locale: this.channelLocale });
    switch (target.kind) {
      case 'email': {
        if (!active.has('email')) return [];
        const member = await this.db.member.findFirst({
          where: { id: target.memberId, status: 'active', email: { not: null } },
          select: { id: true, email: true, locale: true },
        });
        const address = member?.email?.trim();
        if (!member || !address || /\s/.test(address) || !address.includes('@')) return [];
        return [{ platform: 'email', kind: 'user', id: emailDestId(member.id, address), locale: member.locale === 'en' ? 'en' : 'ko' }];
      }
      case 'channel':
        return active.has(target.platform) ? [channel(target.platform, target.channelId)] : [];
      case 'org':
      case 'partnership': {
        const bindings = await this.db.channelBinding.findMany({
          where: target.kind === 'org' ? { orgId: target.id } : { partnershipId: target.id },
          select: { platform: true, channelId: true },
        });
        return bindings.filter((b) => active.has(b.platform as Platform)).map((b) => channel(b.platform, b.channelId));
      }
      default:
        return (await this.people(target)).flatMap((member) => this.#directMessages(member, active));
    }
  }

  /** The active members a person-target names (retired, on leave or transferred people get nothing). */
  async people(target: Exclude<Target, { kind: 'org' | 'partnership' | 'channel' | 'email' }>): Promise<MemberRow[]> {
    switch (target.kind) {
      case 'member':
        return this.db.member.findMany({ where: { id: target.id, status: 'active' }, select: memberSelect });
      case 'role':
        return this.db.member.findMany({
          where: {
            status: 'active',
            roles: { some: { role: target.role } },
            ...(target.orgId !== undefined || target.orgKind || target.sigungu
              ? { org: { id: target.orgId, kind: target.orgKind, sigungu: target.sigungu } }
              : {}),
          },
          select: memberSelect,
          orderBy: { id: 'asc' },
          take: MAX_PEOPLE,
        });
      case 'chairs': {
        // A term covers its whole first and last day (terms are stored as Seoul midnights).
        const now = this.clock.now();
        const today = seoulInstant(seoulDate(now));
        return this.db.member.findMany({
          where: {
            status: 'active',
            councilSeats: {
              some: {
                councilId: target.councilId,
                seat: { in: ['chair-public', 'chair-private'] },
                OR: [{ termFrom: null }, { termFrom: { lte: now } }],
                AND: [{ OR: [{ termTo: null }, { termTo: { gte: today } }] }],
              },
            },
          },
          select: memberSelect,
        });
      }
      case 'partnership-members': {
        const partnership = await this.db.partnership.findUnique({ where: { id: target.id }, select: { fromId: true, toId: true } });
        if (!partnership) return [];
        return this.db.member.findMany({
          where: { status: 'active', orgId: { in: [partnership.fromId, partnership.toId] } },
          select: memberSelect,
          orderBy: { id: 'asc' },
          take: MAX_PEOPLE,
        });
      }
    }
  }

  #directMessages(member: MemberRow, active: ReadonlySet<Platform>): Recipient[] {
    const linked = member.identities.filter((i) => active.has(i.platform as Platform));
    const preferred = linked.filter((i) => i.platform === member.preferredPlatform);
    const locale: Locale = member.locale === 'en' ? 'en' : 'ko';
    return (preferred.length ? preferred : linked).map((i) => ({ platform: i.platform as Platform, kind: 'user', id: i.userId, locale }));
  }

  async deliver(target: Target, message: Message, key: string, delayMs = 0): Promise<number> {
    const recipients = await this.destinations(target);
    const now = this.clock.now();
    const render = renderer(message);
    let queued = 0;
    for (const to of recipients) {
      try {
        await this.db.outboxMessage.create({
          data: {
            idempotencyKey: rowKey(key, to),
            platform: to.platform,
            destKind: to.kind,
            destId: to.id,
            card: render(to.locale),
            nextAttemptAt: new Date(now.getTime() + delayMs),
            createdAt: now,
          },
        });
      } catch (error) {
        // Same key already queued: delivering twice is a no-op.
        if ((error as { code?: string }).code === 'P2002') continue;
        throw error;
      }
      queued++;
      this.onQueued(to.platform);
    }
    return queued;
  }

  /**
   * A batched notice: the first call queues the message `delayMs` from now
   * (key `<keyBase>:<time>`); calls before it is sent re-render the same
   * still-pending rows instead of adding messages, so a burst becomes one DM
   * per recipient. After it went out, the next call starts a new batch.
   */
  async deliverBatched(target: Target, message: Message, keyBase: string, delayMs: number): Promise<number> {
    const open = await this.db.outboxMessage.findFirst({
      where: { idempotencyKey: { startsWith: `${keyBase}:` }, status: 'pending' },
      orderBy: { id: 'desc' },
      select: { idempotencyKey: true },
    });
    const key = open?.idempotencyKey.slice(0, open.idempotencyKey.lastIndexOf('@'));
    if (key) {
      const render = renderer(message);
      let missed = 0;
      const recipients = await this.destinations(target);
      for (const to of recipients) {
        const updated = await this.db.outboxMessage.updateMany({
          where: { idempotencyKey: rowKey(key, to), status: 'pending' },
          data: { card: render(to.locale) },
        });
        if (updated.count === 0) missed++;
      }
      // Every recipient still waiting got the new version; otherwise (some already
      // sent, or a new admin) a new batch follows for safety: a repeat beats a miss.
      if (missed === 0) return recipients.length;
    }
    return this.deliver(target, message, `${keyBase}:${this.clock.now().getTime()}`, delayMs);
  }

  /** Tells the admins (by DM, each in their language) that a message could not be delivered, and why. */
  async reportFailure(row: { id: number; idempotencyKey: string; destId: string }, reason: string): Promise<void> {
    if (row.idempotencyKey.startsWith(FAILURE_KEY)) return; // never report a report
    await this.deliver(
      { kind: 'role', role: 'admin' },
      (t) => ({ tone: 'error', title: t('delivery.failedTitle'), lines: [t('delivery.failed', { id: row.id, destination: row.destId, reason })] }),
      `${FAILURE_KEY}${row.id}`,
    );
  }
}
