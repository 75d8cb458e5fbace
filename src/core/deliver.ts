// Delivery: features say *whom* to tell (an organisation, a partnership, a
// member, a channel); the outbox turns that into one message per bound channel
// or DM on each platform, and each adapter's `send` puts one on the wire.
import type { Card } from './card.ts';
import type { Platform, Role } from './command.ts';
import type { Translator } from './i18n/index.ts';

/**
 * Whom to tell. Channels: an organisation's or a partnership's bound channels,
 * or one channel. People (each by DM, in their own language): one member, the
 * holders of a role in a scope (e.g. the heads of every dong office in a
 * district), the sitting chairs of a council, or everyone in the two
 * organisations of a partnership.
 */
export type Target =
  | { kind: 'org'; id: number }
  | { kind: 'partnership'; id: number }
  | { kind: 'channel'; platform: Platform; channelId: string }
  | { kind: 'member'; id: number }
  | { kind: 'role'; role: Role; orgKind?: string; orgId?: number; sigungu?: string }
  | { kind: 'chairs'; councilId: number }
  | { kind: 'partnership-members'; id: number }
  /** One member's e-mail address (active members with an address; only when e-mail is configured). */
  | { kind: 'email'; memberId: number };

/**
 * What to send: a card, or a function that renders it in one reader's
 * language (called once per language among the recipients).
 */
export type Message = Card | ((t: Translator) => Card);

export interface Destination {
  platform: Platform;
  kind: 'channel' | 'user';
  /** Channel id, or the platform user id for a DM. */
  id: string;
}

export interface OutgoingMessage {
  /** Unique per destination; the platform sees it (Discord nonce, Slack metadata). */
  key: string;
  to: Destination;
  card: Card;
}

export interface SentMessage {
  /** Platform reference (Slack `channel:ts`, Discord message id) for later updates. */
  ref: string;
}

/**
 * Why a send failed. `permanent` failures (channel gone, bot removed) are
 * never retried; the others are retried after `retryAfterMs` or a backoff.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/**
 * An e-mail destination's id: the member (the unsubscribe link is theirs) and
 * the address, e.g. `#12 kim@korea.kr` (readable in failure reports).
 */
export function emailDestId(memberId: number, address: string): string {
  return `#${memberId} ${address}`;
}

export function parseEmailDestId(id: string): { memberId: number; address: string } | undefined {
  const match = /^#(\d{1,9}) (\S+@\S+)$/.exec(id);
  return match ? { memberId: Number(match[1]), address: match[2] } : undefined;
}

/** What an adapter offers the outbox. */
export interface Transport {
  readonly platform: Platform;
  send(message: OutgoingMessage): Promise<SentMessage>;
  /**
   * After a crash between sending and recording, was this message already
   * delivered? Lets the outbox keep "exactly once" across restarts.
   */
  findSent?(message: OutgoingMessage, since: Date): Promise<SentMessage | undefined>;
}

/** The features' view of delivery. */
export interface Deliverer {
  /** Queues the message for every destination of the target; returns how many were queued. */
  deliver(target: Target, message: Message, key: string): Promise<number>;
}
