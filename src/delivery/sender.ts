// Sends one platform's outbox rows, one at a time, in order (per process:
// replicas send side by side, so across processes the order is only roughly
// kept).
// - Claiming (src/db/claims.ts: FOR UPDATE SKIP LOCKED on PostgreSQL, a
//   conditional update on SQLite) marks a row `sending`, so two drains or
//   two processes never send the same row.
// - A claim is a lease of sendingLeaseMs: a row still `sending` after it
//   belongs to a process that died mid-send (a send takes seconds; requests
//   time out well before). Any process's sender checks for such rows at
//   start and every LOOKUP_RETRY_MS, takes each over with a conditional
//   update, and resolves it as below. Rows of live processes are not touched.
// - A rate limit (Slack 429 Retry-After) pauses the whole platform queue.
// - Transient failures back off exponentially; after maxAttempts, or at once
//   on a permanent failure, the row is marked failed with the reason and the
//   admins are told. Nothing is retried forever.
// - Rows left in `sending` by a crash may or may not have reached
//   the platform (the claim is written just before the request). Each is
//   looked up with the transport's findSent: found -> `sent`; looked up and
//   not there -> sent again (no duplicate possible). When the look-up fails
//   for a passing reason (network, 5xx, rate limit) it is tried again, up to
//   LOOKUP_TRIES times over a few minutes, before the rule below applies.
// - The rule where the platform cannot be asked (no findSent, a missing
//   scope or permission, history hidden): send again. A rare duplicate beats
//   a lost message. It needs a kill -9 in the milliseconds between the
//   platform accepting the post and the `sent` update, on a destination whose
//   history the bot cannot read (Discord also drops a resend with the same
//   nonce within its dedupe window). Each such resend is logged as a warning.
import type { Logger } from 'pino';
import type { Card } from '../core/card.ts';
import type { Clock } from '../core/clock.ts';
import { DeliveryError, type OutgoingMessage, type Transport } from '../core/deliver.ts';
import { claimDueMessage } from '../db/claims.ts';
import type { Db } from '../db/client.ts';

export interface SenderOptions {
  maxAttempts?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often the queue is looked at when nothing nudges it. */
  pollMs?: number;
  /** A row `sending` longer than this was abandoned by a dead process. Default 2 min. */
  sendingLeaseMs?: number;
  /** Told when a message fails for good (the outbox passes it on to admins). */
  onFailed?: (row: { id: number; idempotencyKey: string; destId: string }, reason: string) => Promise<void>;
}

type Row = Awaited<ReturnType<Db['outboxMessage']['findFirst']>> & {};

/** findSent may also be told which platform refs are already accounted for (other rows sent to the same place). */
type Recovering = Transport & {
  findSent?(message: OutgoingMessage, since: Date, known?: ReadonlySet<string>): Promise<{ ref: string } | undefined>;
};

/** Look-ups that fail for a passing reason are retried this many times before the rule applies. */
const LOOKUP_TRIES = 5;
const LOOKUP_RETRY_MS = 30_000;

export class OutboxSender {
  #pausedUntil = 0;
  #timer: NodeJS.Timeout | undefined;
  #draining: Promise<unknown> | undefined;
  #again = false;
  #stopped = true;
  /** Crash-recovered rows whose look-up failed for a passing reason: row id -> tries so far (bounded by the rows of one crash). */
  readonly #unresolved = new Map<number, number>();
  #nextLookupAt = 0;
  readonly #maxAttempts: number;
  readonly #baseBackoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #pollMs: number;
  readonly #sendingLeaseMs: number;
  /** The row this sender is sending now (never taken for abandoned). */
  #inFlight: number | undefined;
  #nextSweepAt = 0;
  /** Taken-over rows: when the dead process claimed them. */
  readonly #claimedBefore = new Map<number, Date>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly transport: Recovering,
    private readonly logger: Logger,
    private readonly options: SenderOptions = {},
  ) {
    this.#maxAttempts = options.maxAttempts ?? 8;
    this.#baseBackoffMs = options.baseBackoffMs ?? 2_000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 15 * 60_000;
    this.#pollMs = options.pollMs ?? 2_000;
    this.#sendingLeaseMs = options.sendingLeaseMs ?? 2 * 60_000;
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

  /**
   * Rows a dead process left in `sending` (lease run out): sent already, or
   * send again (see the rule above). Each is taken over with a conditional
   * update of its claim, so two processes never resolve the same row.
   */
  async recover(): Promise<void> {
    const now = this.clock.now();
    this.#nextSweepAt = now.getTime() + Math.min(LOOKUP_RETRY_MS, this.#sendingLeaseMs / 2);
    const expired = new Date(now.getTime() - this.#sendingLeaseMs);
    const stuck = await this.db.outboxMessage.findMany({
      where: {
        platform: this.platform,
        status: 'sending',
        OR: [{ claimedAt: null }, { claimedAt: { lt: expired } }],
        ...(this.#inFlight !== undefined ? { id: { not: this.#inFlight } } : {}),
      },
      select: { id: true, claimedAt: true },
      take: 500,
    });
    for (const row of stuck) {
      if (this.#unresolved.has(row.id)) continue;
      const taken = await this.db.outboxMessage.updateMany({
        where: { id: row.id, status: 'sending', claimedAt: row.claimedAt },
        data: { claimedAt: now },
      });
      if (taken.count === 1) {
        this.#unresolved.set(row.id, 0);
        // The look-up searches from the dead process's claim, not from our takeover.
        if (row.claimedAt) this.#claimedBefore.set(row.id, row.claimedAt);
      }
    }
    await this.#resolve();
  }

  async #resolve(): Promise<void> {
    this.#nextLookupAt = this.clock.now().getTime() + LOOKUP_RETRY_MS;
    for (const [id, tries] of [...this.#unresolved]) {
      const row = await this.db.outboxMessage.findUnique({ where: { id } });
      if (row?.status !== 'sending') {
        this.#unresolved.delete(id);
        this.#claimedBefore.delete(id);
        continue;
      }
      const outcome = await this.#lookUp(row);
      if (outcome.kind === 'retry' && tries + 1 < LOOKUP_TRIES) {
        this.#unresolved.set(id, tries + 1);
        this.logger.info({ outboxId: id, reason: outcome.reason }, 'outbox: could not check a crash-recovered message yet; will ask again');
        continue;
      }
      this.#unresolved.delete(id);
      this.#claimedBefore.delete(id);
      if (outcome.kind === 'found') {
        await this.db.outboxMessage.update({
          where: { id },
          data: { status: 'sent', sentAt: this.clock.now(), messageRef: outcome.ref },
        });
        this.logger.info({ outboxId: id }, 'outbox: found already sent after restart');
        continue;
      }
      if (outcome.kind !== 'absent') {
        this.logger.warn(
          { outboxId: id, platform: this.platform, reason: outcome.reason },
          'outbox: cannot tell whether a message interrupted by a crash was sent; sending it again (a duplicate is possible)',
        );
      }
      await this.db.outboxMessage.update({ where: { id }, data: { status: 'pending' } });
    }
  }

  async #lookUp(row: Row): Promise<{ kind: 'found'; ref: string } | { kind: 'absent' } | { kind: 'retry' | 'unknowable'; reason: string }> {
    if (!this.transport.findSent) return { kind: 'unknowable', reason: 'no look-up on this platform' };
    const since = new Date((this.#claimedBefore.get(row.id) ?? row.claimedAt ?? row.createdAt).getTime() - 60_000);
    // Messages other rows already account for (a same-looking message to the same place).
    const others = await this.db.outboxMessage.findMany({
      where: { platform: row.platform, destKind: row.destKind, destId: row.destId, status: 'sent', sentAt: { gte: since }, id: { not: row.id } },
      select: { messageRef: true },
      take: 500,
    });
    const known = new Set(others.map((o) => o.messageRef).filter((r): r is string => Boolean(r)));
    try {
      const found = await this.transport.findSent(toMessage(row), since, known);
      return found ? { kind: 'found', ref: found.ref } : { kind: 'absent' };
    } catch (error) {
      const e = error instanceof DeliveryError ? error : new DeliveryError(String((error as Error)?.message ?? error), false);
      return { kind: e.permanent ? 'unknowable' : 'retry', reason: e.message };
    }
  }

  /** Sends every due row; resolves when none is due (or the platform is paused). */
  async drain(): Promise<number> {
    if (this.clock.now().getTime() >= this.#nextSweepAt) await this.recover();
    else if (this.#unresolved.size && this.clock.now().getTime() >= this.#nextLookupAt) await this.#resolve();
    let sent = 0;
    while (!this.#isPaused()) {
      const row = await claimDueMessage(this.db, { platform: this.platform, now: this.clock.now() });
      if (!row) break;
      this.#inFlight = row.id;
      try {
        if (await this.#sendOne(row)) sent++;
      } finally {
        this.#inFlight = undefined;
      }
    }
    return sent;
  }

  #isPaused(): boolean {
    return this.clock.now().getTime() < this.#pausedUntil;
  }

  async #sendOne(row: Row): Promise<boolean> {
    // A slow send (rate-limit waits, a starved machine) keeps its lease: only
    // a dead process's rows are ever taken over.
    const beat = setInterval(() => {
      this.db.outboxMessage
        .updateMany({ where: { id: row.id, status: 'sending' }, data: { claimedAt: this.clock.now() } })
        .catch(() => undefined);
    }, Math.max(500, Math.floor(this.#sendingLeaseMs / 3)));
    beat.unref();
    try {
      const result = await this.transport.send(toMessage(row));
      clearInterval(beat);
      await this.db.outboxMessage.update({
        where: { id: row.id },
        data: { status: 'sent', sentAt: this.clock.now(), messageRef: result.ref, lastError: null },
      });
      return true;
    } catch (error) {
      clearInterval(beat);
      await this.#failed(row, error);
      return false;
    } finally {
      clearInterval(beat);
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
