// Delivery: features say *whom* to tell (an organisation, a partnership, a
// member, a channel); the outbox turns that into one message per bound channel
// or DM on each platform, and each adapter's `send` puts one on the wire.
import type { Card } from './card.ts';
import type { Platform } from './command.ts';

export type Target =
  | { kind: 'org'; id: number }
  | { kind: 'partnership'; id: number }
  | { kind: 'member'; id: number }
  | { kind: 'channel'; platform: Platform; channelId: string };

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
  /** Queues a card for every destination of the target; returns how many were queued. */
  deliver(target: Target, card: Card, key: string): Promise<number>;
}
