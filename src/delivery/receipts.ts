// Remembers inbound requests already handled, so a platform retry (Slack's
// X-Slack-Retry-Num, a re-sent interaction) is never processed twice, also
// across a restart.
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/client.ts';

const KEEP_MS = 24 * 3600_000;

export function createReceipts(db: Db, clock: Clock) {
  let lastPrune = 0;
  return async function firstTime(key: string): Promise<boolean> {
    const now = clock.now();
    if (now.getTime() - lastPrune > 3600_000) {
      lastPrune = now.getTime();
      await db.inboundReceipt.deleteMany({ where: { at: { lt: new Date(now.getTime() - KEEP_MS) } } });
    }
    try {
      await db.inboundReceipt.create({ data: { key, at: now } });
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') return false;
      throw error;
    }
  };
}
