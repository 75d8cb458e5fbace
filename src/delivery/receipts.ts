// Remembers inbound requests already handled, so a platform retry (Slack's
// X-Slack-Retry-Num, a re-sent interaction) or a replayed request is never
// processed twice, also across a restart.
//
// - Platforms sign or stamp every request (Slack's X-Slack-Request-Timestamp,
//   a Discord interaction id is a snowflake holding its creation time), and
//   requests outside their window are refused before they get here (Slack
//   5 min either way; Discord 15 min back, when the interaction token is dead,
//   and 1 min ahead, within SKEW_MS so a restart's receipt check covers it).
// - Memory holds every key received in the last RETAIN_MS, in arrival order,
//   at most MEMORY_LIMIT keys. `floor` is the signing time from which memory
//   is complete: at start, the moment the process started; when the limit
//   forces keys out early, the floor moves past what they could cover.
// - A request signed at or after the floor (plus a clock-skew margin) can only
//   have been seen by this process: the memory answers, no database read.
//   Requests signed before it (the first minute after a restart, a replay of
//   an old request) and platform re-deliveries are also looked up in the
//   InboundReceipt table.
// - Receipts are written in batches a second later, off the path of the
//   answer. A kill -9 inside that second can forget the last second's
//   receipts (documented in the README).
import type { Logger } from 'pino';
import { Prisma, type Db } from '../db/client.ts';

/** How long keys stay in memory: the longest platform window (Discord 15 min) plus margin. */
export const RETAIN_MS = 20 * 60_000;
/** Slack's timestamps may run ahead of ours by this much; requests signed this close after the floor still read the database. */
export const SKEW_MS = 60_000;
/** The furthest in the future a signing time may be (Slack's window). */
export const FUTURE_MS = 5 * 60_000;
/** Rows are kept this long (nothing older than 15 minutes is accepted anyway). */
const KEEP_MS = 3600_000;
const MEMORY_LIMIT = 20_000;
/** Receipts waiting to be written; beyond it (database down) the oldest are dropped with a warning. */
const PENDING_LIMIT = 20_000;
const FLUSH_MS = 1000;

export interface ReceiptCheck {
  /** When the platform signed or created the request (ms since epoch, the platform's clock). */
  signedAt?: number;
  /** The platform marked it as a re-delivery: always ask the database. */
  retry?: boolean;
}

export interface Receipts {
  /** False when this request was handled before (in memory or, when needed, in the database). */
  (key: string, check?: boolean | ReceiptCheck): Promise<boolean>;
  flush(): Promise<void>;
  /** True when this key was taken before (memory, then the database); takes nothing. */
  handled(key: string): Promise<boolean>;
  /** Keys in memory / waiting to be written (for tests and the benchmark). */
  stats(): { memory: number; pending: number; floor: number; dbReads: number };
}

export function createReceipts(db: Db, logger?: Logger, now: () => number = Date.now): Receipts {
  /** key -> when it arrived; Map keeps insertion (= arrival) order. */
  const seen = new Map<string, number>();
  let floor = now();
  let pending: { key: string; at: Date }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let lastPrune = 0;
  let dbReads = 0;
  let flushing: Promise<void> | undefined;

  function evict(at: number): void {
    for (const [key, arrived] of seen) {
      const expired = at - arrived > RETAIN_MS;
      if (!expired && seen.size < MEMORY_LIMIT) break;
      seen.delete(key);
      // Forced out early: a request signed up to 5 minutes after this arrival
      // (Slack's future limit) may be a replay of it, so memory alone no longer answers for those.
      if (!expired) floor = Math.max(floor, arrived + FUTURE_MS);
    }
  }

  async function write(): Promise<void> {
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    try {
      const rows = Prisma.join(batch.map((r) => Prisma.sql`(${r.key}, ${r.at})`));
      await db.$executeRaw`INSERT INTO "InboundReceipt" ("key", "at") VALUES ${rows} ON CONFLICT DO NOTHING`;
    } catch (error) {
      // Keep them for the next try, bounded.
      pending = [...batch, ...pending].slice(-PENDING_LIMIT);
      throw error;
    }
    const t = now();
    if (t - lastPrune > KEEP_MS) {
      lastPrune = t;
      await db.inboundReceipt.deleteMany({ where: { at: { lt: new Date(t - KEEP_MS) } } });
    }
  }

  async function flush(): Promise<void> {
    clearTimeout(timer);
    while (flushing) await flushing;
    flushing = write().finally(() => (flushing = undefined));
    await flushing;
  }

  function schedule(): void {
    timer ??= setTimeout(() => {
      flush().catch((error: unknown) => logger?.warn({ err: error }, 'could not record inbound receipts'));
    }, FLUSH_MS).unref();
  }

  async function firstTime(key: string, check: boolean | ReceiptCheck = {}): Promise<boolean> {
    const c: ReceiptCheck = typeof check === 'boolean' ? { retry: check } : check;
    const at = now();
    if (seen.has(key)) return false;
    evict(at);
    // Claim in memory first: a duplicate arriving while we read is refused too.
    seen.set(key, at);
    const beforeFloor = c.signedAt === undefined ? false : c.signedAt < floor + SKEW_MS;
    if (c.retry || beforeFloor) {
      dbReads++;
      if (pending.length) await flush().catch(() => undefined);
      if (await db.inboundReceipt.findUnique({ where: { key }, select: { key: true } })) return false;
    }
    pending.push({ key, at: new Date(at) });
    if (pending.length > PENDING_LIMIT) {
      pending.splice(0, pending.length - PENDING_LIMIT);
      logger?.warn('inbound receipts: write queue full, dropping the oldest');
    }
    schedule();
    return true;
  }

  async function handled(key: string): Promise<boolean> {
    if (seen.has(key)) return true;
    dbReads++;
    return Boolean(await db.inboundReceipt.findUnique({ where: { key }, select: { key: true } }));
  }

  return Object.assign(firstTime, {
    flush,
    handled,
    stats: () => ({ memory: seen.size, pending: pending.length, floor, dbReads }),
  });
}
