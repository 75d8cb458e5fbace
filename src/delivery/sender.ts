// Sends one platform's outbox rows, one at a time, in order.
// - Claiming is a conditional update (pending -> sending), so two drains never
//   send the same row.
// - A rate limit (Slack 429 Retry-After) pauses the whole platform queue.
// - Transient failures back off exponentially; after maxAttempts, or at once
//   on a permanent failure, the row is marked failed with the reason and the
//   admins are told. Nothing is retried forever.
// - At start, rows left in `sending` by a crash are checked with the
//   transport's findSent (when it has one) before they are sent again.
import type { Logger } from 'pino';
import type { Card } from '../core/card.ts';
import type { Clock } from '../core/clock.ts';
import { DeliveryError, type OutgoingMessage, type Transport } from '../core/deliver.ts';
import type { Db } from '../db/client.ts';

export interface SenderOptions {
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often the queue is looked at when nothing nudges it. */
  pollMs?: number;
  /** Told when a message fails for good (the outbox passes it on to admins). */
  onFailed?: (row: { id: number; idempotencyKey: string; destId: string }, reason: string) => Promise<void>;
}

type Row = Awaited<ReturnType<Db['outboxMessage']['findFirst']>> & {};

export class OutboxSender {
  #pausedUntil = 0;
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<unknown> | undefined;
  #again = false;
  #stopped = true;
  readonly #maxAttempts: number;
  readonly #baseBackoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #pollMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly transport: Transport,
    private readonly logger: Logger,
    private readonly options: SenderOptions = {},
  ) {
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#baseBackoffMs = options.baseBackoffMs ?? 2_000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
    this.#pollMs = options.pollMs ?? 2_000;
  }

  get platform() {
    return this.transport.platform;
  }

  async start(): Promise<void> {
    this.#stopped = false;
    await this.recover();
    this.nudge();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#draining;
  }

  /** Something was queued: look soon (coalesces many nudges into one drain). */
  nudge(): void {
    if (this.#stopped) return;
    if (this.#draining) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#draining = this.drain().finally(() => {
      this.#draining = undefined;
      if (this.#stopped) return;
      if (this.#again) {
        this.#again = false;
        this.nudge();
      } else {
        this.#timer = setTimeout(() => this.nudge(), this.#pollMs);
        this.#timer.unref();
      }
    });
  }

  /** Rows a crashed process left in `sending`: sent already, or send again. */
  async recover(): Promise<void> {
    const stuck = await this.db.outboxMessage.findMany({ where: { platform: this.platform, status: 'sending' } });
    for (const row of stuck) {
      const message = toMessage(row);
      const since = new Date((row.claimedAt ?? row.createdAt).getTime() - 60_000);
      const found = this.transport.findSent ? await this.transport.findSent(message, since).catch(() => undefined) : undefined;
      if (found) {
        await this.db.outboxMessage.update({
          where: { id: row.id },
          data: { status: 'sent', sentAt: this.clock.now(), messageRef: found.ref },
        });
        this.logger.info({ outboxId: row.id }, 'outbox: found already sent after restart');
      } else {
        await this.db.outboxMessage.update({ where: { id: row.id }, data: { status: 'pending' } });
      }
    }
  }

  /** Sends every due row; resolves when none is due (or the platform is paused). */
  async drain(): Promise<number> {
    let sent = 0;
    while (!this.#isPaused()) {
      const row = await this.db.outboxMessage.findFirst({
        where: { platform: this.platform, status: 'pending', nextAttemptAt: { lte: this.clock.now() } },
        orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
      });
      if (!row) break;
      const claimed = await this.db.outboxMessage.updateMany({
        where: { id: row.id, status: 'pending' },
        data: { status: 'sending', claimedAt: this.clock.now(), attempts: { increment: 1 } },
      });
      if (claimed.count !== 1) continue;
      if (await this.#sendOne(row)) sent++;
    }
    return sent;
  }

  #isPaused(): boolean {
    return this.clock.now().getTime() < this.#pausedUntil;
  }

  async #sendOne(row: Row): Promise<boolean> {
    try {
      const result = await this.transport.send(toMessage(row));
      await this.db.outboxMessage.update({
        where: { id: row.id },
        data: { status: 'sent', sentAt: this.clock.now(), messageRef: result.ref, lastError: null },
      });
      return true;
    } catch (error) {
      await this.#failed(row, error);
      return false;
    }
  }

  async #failed(row: Row, error: unknown): Promise<void> {
    const deliveryError =
      error instanceof DeliveryError ? error : new DeliveryError(error instanceof Error ? error.message : String(error), false);
    const attempts = row.attempts + 1;
    const now = this.clock.now().getTime();
    if (deliveryError.permanent || attempts >= this.#maxAttempts) {
      await this.db.outboxMessage.update({
        where: { id: row.id },
        data: { status: 'failed', lastError: deliveryError.message.slice(0, 500) },
      });
      this.logger.warn({ outboxId: row.id, platform: this.platform, reason: deliveryError.message }, 'outbox: message failed');
      await this.options.onFailed?.(row, deliveryError.message).catch((e: unknown) =>
        this.logger.error({ err: e }, 'outbox: could not report a failure'),
      );
      return;
    }
    let delay: number;
    if (deliveryError.retryAfterMs !== undefined) {
      // Rate limited: the whole platform waits, and this try does not count.
      delay = deliveryError.retryAfterMs;
      this.#pausedUntil = now + delay;
    } else {
      delay = Math.min(this.#maxBackoffMs, this.#baseBackoffMs * 2 ** (attempts - 1));
    }
    await this.db.outboxMessage.update({
      where: { id: row.id },
      data: {
        status: 'pending',
        nextAttemptAt: new Date(now + delay),
        lastError: deliveryError.message.slice(0, 500),
        attempts: deliveryError.retryAfterMs !== undefined ? row.attempts : attempts,
      },
    });
    this.logger.info({ outboxId: row.id, platform: this.platform, delay, reason: deliveryError.message }, 'outbox: will retry');
  }
}

function toMessage(row: { idempotencyKey: string; platform: string; destKind: string; destId: string; card: string }): OutgoingMessage {
  return {
    key: row.idempotencyKey,
    to: { platform: row.platform as OutgoingMessage['to']['platform'], kind: row.destKind as 'channel' | 'user', id: row.destId },
    card: JSON.parse(row.card) as Card,
  };
}
