// Claiming work that several processes may reach for at once: due jobs
// (src/scheduler) and outbox rows (src/delivery/sender.ts).
// - PostgreSQL: one UPDATE … WHERE id = (SELECT … FOR UPDATE SKIP LOCKED):
//   replicas never wait for each other's rows and never pick the same one.
// - SQLite (one writer at a time): read the next candidate, then a
//   conditional update (pending -> running) that only one caller can win.
// Either way the claim stamps claimedAt, the start of the claimer's lease.
import { dialect, Prisma, type Db } from './client.ts';

type JobRow = NonNullable<Awaited<ReturnType<Db['job']['findFirst']>>>;
type OutboxRow = NonNullable<Awaited<ReturnType<Db['outboxMessage']['findFirst']>>>;

/**
 * Claims up to `limit` of the oldest due pending jobs of `kinds` (not yet
 * expired) for `claimToken`, oldest first. Returns them as they were before
 * the claim (attempts not yet counted). On SQLite one at a time (the claim is
 * cheap there, and a single writer gains nothing from batches); on
 * PostgreSQL a batch per round trip, which the caller's lease renewal covers
 * until each job has run.
 */
export async function claimDueJobs(
  db: Db,
  options: { now: Date; kinds: string[]; claimToken: string; claimedAt: Date; limit: number },
): Promise<JobRow[]> {
  const { now, kinds, claimToken, claimedAt, limit } = options;
  if (kinds.length === 0) return [];
  if (dialect(db) === 'postgres') {
    const rows = await db.$queryRaw<{ id: number }[]>`
      UPDATE "Job" SET "status" = 'running', "claimToken" = ${claimToken}, "claimedAt" = ${claimedAt}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "Job"
        WHERE "status" = 'pending' AND "dueAt" <= ${now} AND "kind" IN (${Prisma.join(kinds)})
          AND ("lateUntil" IS NULL OR "lateUntil" >= ${now})
        ORDER BY "dueAt", "id" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    if (rows.length === 0) return [];
    const jobs = await db.job.findMany({ where: { id: { in: rows.map((r) => Number(r.id)) } }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] });
    return jobs.map((job) => ({ ...job, attempts: job.attempts - 1 }));
  }
  for (;;) {
    const job = await db.job.findFirst({
      where: { status: 'pending', dueAt: { lte: now }, kind: { in: kinds }, OR: [{ lateUntil: null }, { lateUntil: { gte: now } }] },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    });
    if (!job) return [];
    const claimed = await db.job.updateMany({
      where: { id: job.id, status: 'pending' },
      data: { status: 'running', claimToken, claimedAt, attempts: { increment: 1 } },
    });
    if (claimed.count === 1) return [job]; // else another tick took it: look again
  }
}

/** Claims the next due pending outbox row of a platform (pending -> sending). Returns it as before the claim. */
export async function claimDueMessage(db: Db, options: { platform: string; now: Date }): Promise<OutboxRow | undefined> {
  const { platform, now } = options;
  if (dialect(db) === 'postgres') {
    const rows = await db.$queryRaw<{ id: number }[]>`
      UPDATE "OutboxMessage" SET "status" = 'sending', "claimedAt" = ${now}, "attempts" = "attempts" + 1
      WHERE "id" = (
        SELECT "id" FROM "OutboxMessage"
        WHERE "platform" = ${platform} AND "status" = 'pending' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt", "id" LIMIT 1
        FOR UPDATE SKIP LOCKED)
      RETURNING "id"`;
    if (rows.length === 0) return undefined;
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: Number(rows[0].id) } });
    return { ...row, attempts: row.attempts - 1 };
  }
  for (;;) {
    const row = await db.outboxMessage.findFirst({
      where: { platform, status: 'pending', nextAttemptAt: { lte: now } },
      orderBy: [{ nextAttemptAt: 'asc' }, { id: 'asc' }],
    });
    if (!row) return undefined;
    const claimed = await db.outboxMessage.updateMany({
      where: { id: row.id, status: 'pending' },
      data: { status: 'sending', claimedAt: now, attempts: { increment: 1 } },
    });
    if (claimed.count === 1) return row;
  }
}
