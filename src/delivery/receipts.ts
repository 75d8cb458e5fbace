// Remembers inbound requests already handled, so a platform retry (Slack's
// X-Slack-Retry-Num, a re-sent interaction) is never processed twice, also
// across a restart. The hot path is a memory lookup and one indexed read; the
// row is written after the answer has gone out.
import type { Logger } from 'pino';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/client.ts';

const KEEP_MS = 24 * 3600_000;
const MEMORY_LIMIT = 20_000;

export function createReceipts(db: Db, clock: Clock, logger?: Logger) {
  const seen = new Set<string>();
  let lastPrune = 0;
  /**
   * `maybeRepeat`: the platform marked this request as a re-delivery (Slack's
   * retry number), so it may have been handled before a restart: ask the
   * database. First deliveries only need the memory check.
   */
  return async function firstTime(key: string, maybeRepeat = false): Promise<boolean> {
    if (seen.has(key)) return false;
    // Claim in memory first: a duplicate arriving while we read is refused too.
    if (seen.size >= MEMORY_LIMIT) seen.clear();
    seen.add(key);
    if (maybeRepeat && (await db.inboundReceipt.findUnique({ where: { key }, select: { key: true } }))) return false;
    const now = clock.now();
    void persist(key, now).catch((error: unknown) => logger?.warn({ err: error }, 'could not record an inbound receipt'));
    return true;
  };

  async function persist(key: string, now: Date): Promise<void> {
    await db.inboundReceipt.upsert({ where: { key }, create: { key, at: now }, update: {} });
    if (now.getTime() - lastPrune > 3600_000) {
      lastPrune = now.getTime();
      await db.inboundReceipt.deleteMany({ where: { at: { lt: new Date(now.getTime() - KEEP_MS) } } });
    }
  }
}
