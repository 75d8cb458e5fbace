// Remembers inbound requests already handled, so a platform retry (Slack's
// X-Slack-Retry-Num, a re-sent interaction) is never processed twice, also
// across a restart. The hot path is a memory lookup; the database is read only
// for requests the platform marks as re-deliveries, and written in batches a
// second later, off the path of the answer. (A crash inside that second can
// forget a receipt: Slack retries only requests it saw fail, and those come
// back to the same memory within seconds.)
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import { Prisma, type Db } from '../db/client.ts';

const KEEP_MS = 24 * 3600_000;
const MEMORY_LIMIT = 20_000;
const FLUSH_MS = 1000;

export function createReceipts(db: Db, clock: Clock, logger?: Logger) {
  const seen = new Set<string>();
  let pending: { key: string; at: Date }[] = [];
  let timer: NodeJS.Timeout | undefined;
  let lastPrune = 0;

  async function flush(): Promise<void> {
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    const rows = Prisma.join(batch.map((r) => Prisma.sql`(${r.key}, ${r.at})`));
    await db.$executeRaw`INSERT INTO "InboundReceipt" ("key", "at") VALUES ${rows} ON CONFLICT DO NOTHING`;
    const now = clock.now().getTime();
    if (now - lastPrune > 3600_000) {
      lastPrune = now;
      await db.inboundReceipt.deleteMany({ where: { at: { lt: new Date(now - KEEP_MS) } } });
    }
  }

  /**
   * `maybeRepeat`: the platform marked this request as a re-delivery (Slack's
   * retry number), so it may have been handled before a restart: ask the
   * database. First deliveries only need the memory check.
   */
  async function firstTime(key: string, maybeRepeat = false): Promise<boolean> {
    if (seen.has(key)) return false;
    // Claim in memory first: a duplicate arriving while we read is refused too.
    if (seen.size >= MEMORY_LIMIT) seen.clear();
    seen.add(key);
    if (maybeRepeat) {
      if (pending.length) await flush();
      if (await db.inboundReceipt.findUnique({ where: { key }, select: { key: true } })) return false;
    }
    pending.push({ key, at: clock.now() });
    timer ??= setTimeout(() => {
      flush().catch((error: unknown) => logger?.warn({ err: error }, 'could not record inbound receipts'));
    }, FLUSH_MS).unref();
    return true;
  }

  return Object.assign(firstTime, { flush });
}
