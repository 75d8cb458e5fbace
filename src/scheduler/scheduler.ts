// Durable jobs: rows in the Job table, run by the handler registered for
// their kind when they fall due. Mirrors the outbox sender (src/delivery/sender.ts).
// - Time comes from the Clock only: node-cron decides *when to look*, the
//   Clock decides *what is due*, so tests move a TestClock and call tick().
// - Claiming (src/db/claims.ts) marks one due job running with a fresh
//   claimToken: on PostgreSQL with FOR UPDATE SKIP LOCKED, so any number of
//   bot processes (replicas) share the work without waiting for each other;
//   on SQLite with a conditional update. Two overlapping ticks, two Scheduler
//   objects or two processes never run the same job twice. Finishing is
//   conditional on that token too: a run whose job was taken over (see
//   recover) cannot overwrite the outcome of the run that took it over.
// - A claim is a lease: claimedAt is renewed while the handler runs (every
//   third of runningTimeoutMs). A process that dies stops renewing; once the
//   lease has run out, any process's next tick takes the job over. Nothing
//   is reset at start-up: the running jobs may belong to a live replica.
// - Recurring planning (the daily meetup re-plan, weekly digests) is a job
//   with a key per period, e.g. "meetup-plan:2026-12-01": whichever process
//   claims it runs it, once; there is no leader.
// - After downtime, due jobs whose lateUntil has passed are marked `missed`
//   (and logged) instead of run; the others run late.
// - A handler that throws is retried with exponential backoff; after
//   maxAttempts the job is `failed` with the reason in lastError.
//
// Exactly once, and where it relies on the handler:
//   A claim is atomic, so while processes stay alive a job runs once. A process
//   that dies between claiming a job and finishing it leaves the job `running`;
//   recover() puts it back to pending and it runs again. Whatever the first run
//   already did would then happen twice, unless the handler is idempotent by
//   job key. So handlers MUST derive every side effect's key from `job.key`:
//   deliver through the outbox with `outbox.deliver(target, card, job.key)` (or
//   `${job.key}:<part>`), whose unique idempotencyKey turns a repeated delivery
//   into a no-op; database writes a handler makes must likewise be upserts or
//   guarded by a unique key. Then every side effect happens exactly once.
import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import { SEOUL, type Clock } from '../core/clock.ts';
import { claimDueJobs } from '../db/claims.ts';
import type { Db } from '../db/client.ts';

export type JobStatus = 'pending' | 'running' | 'done' | 'failed' | 'missed' | 'cancelled';

/** What a handler receives. Take meaning from the payload: dueAt moves when a run is retried. */
export interface JobRun {
  id: number;
  key: string;
  kind: string;
  payload: unknown;
  dueAt: Date;
  /** 1 on the first run; higher on retries and after a crash. */
  attempt: number;
}

export type JobHandler = (job: JobRun) => Promise<void>;

export interface ScheduleInput {
  kind: string;
  /** Idempotency key: one job per key, ever. Handlers derive their side effects' keys from it. */
  key: string;
  /** JSON-serialisable; never resident data (it is stored as is). */
  payload: unknown;
  dueAt: Date;
  /** Run late until this instant, else mark missed; null or absent = run however late. */
  lateUntil?: Date | null;
  /** Jobs that are dropped or rescheduled together, e.g. "meetup:12". */
  group?: string | null;
}

export interface SchedulerOptions {
  /** Runs (including the first) before a job is marked failed. Default 5. */
  maxAttempts?: number;
  /** First retry delay; doubles on each further failure, capped at an hour. Default 1 min. */
  retryBackoffMs?: number;
  /**
   * The lease of a claimed job: renewed every third of it while the handler
   * runs; a job whose lease ran out (its process died) is taken over by the
   * next tick of any process. Default 60 s.
   */
  runningTimeoutMs?: number;
}

export interface TickResult {
  /** Handlers that completed. */
  ran: number;
  /** Jobs marked missed because their lateUntil had passed. */
  missed: number;
  /** Handlers that threw (retried later, or failed for good). */
  failed: number;
}

/** The Job table as seen by the scheduler: the client itself or a transaction. */
type JobStore = Pick<Db, 'job'>;

const MAX_BACKOFF_MS = 60 * 60_000;
/** Due jobs claimed per round trip on PostgreSQL (their lease is renewed until each has run). */
const CLAIM_BATCH = 5;
const ERROR_LENGTH = 500;

export class Scheduler {
  readonly #handlers = new Map<string, JobHandler>();
  /** Jobs whose missing handler was already logged (log once, not every tick). */
  readonly #unhandledLogged = new Set<number>();
  /** Jobs this object is running now: recover() never takes these over. */
  readonly #running = new Set<number>();
  readonly #maxAttempts: number;
  readonly #retryBackoffMs: number;
  readonly #runningTimeoutMs: number;
  #task: ScheduledTask | undefined;
  #ticking: Promise<void> | undefined;
  #stopped = true;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: SchedulerOptions = {},
  ) {
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#retryBackoffMs = options.retryBackoffMs ?? 60_000;
    this.#runningTimeoutMs = options.runningTimeoutMs ?? 60_000;
  }

  register(kind: string, handler: JobHandler): void {
    if (this.#handlers.has(kind)) throw new Error(`scheduler: a handler for "${kind}" is already registered`);
    this.#handlers.set(kind, handler);
  }

  /**
   * Creates the job for input.key, or reschedules it: a pending (or cancelled)
   * job with that key takes the new dueAt, payload, lateUntil and group. A job
   * that already ran, was missed, failed or is running is left alone.
   * Returns true when a new job was created, false when the key existed.
   * Pass a transaction to schedule in the same transaction as the change that
   * causes the job.
   */
  async schedule(input: ScheduleInput, store: JobStore = this.db): Promise<boolean> {
    const lateUntil = input.lateUntil ?? null;
    if (lateUntil && lateUntil < input.dueAt) {
      throw new Error(`scheduler: job ${input.key} would be missed before it is due (lateUntil < dueAt)`);
    }
    const desired = { dueAt: input.dueAt, payload: JSON.stringify(input.payload ?? null), lateUntil, group: input.group ?? null };
    const rescheduled = await store.job.updateMany({ where: { key: input.key, status: 'pending' }, data: desired });
    if (rescheduled.count > 0) return false;
    // Cancelled and wanted again (e.g. a meeting's jobs were dropped and re-added): a fresh start.
    const revived = await store.job.updateMany({
      where: { key: input.key, status: 'cancelled' },
      data: { ...desired, status: 'pending', attempts: 0, lastError: null, finishedAt: null, claimToken: null, claimedAt: null },
    });
    if (revived.count > 0) return false;
    if (await store.job.findUnique({ where: { key: input.key }, select: { id: true } })) return false;
    try {
      await store.job.create({ data: { ...desired, kind: input.kind, key: input.key, createdAt: this.clock.now() } });
      return true;
    } catch (error) {
      // Created meanwhile by someone else: same key, same job.
      if ((error as { code?: string }).code === 'P2002') return false;
      throw error;
    }
  }

  /** Drops the group's pending jobs (running ones finish). Returns how many were cancelled. */
  async cancelGroup(group: string, store: JobStore = this.db): Promise<number> {
    const result = await store.job.updateMany({
      where: { group, status: 'pending' },
      data: { status: 'cancelled', finishedAt: this.clock.now() },
    });
    if (result.count) this.logger.info({ group, cancelled: result.count }, 'scheduler: group cancelled');
    return result.count;
  }

  /**
   * Makes the group's pending jobs exactly `jobs` (a meeting was edited): the
   * listed keys are scheduled or rescheduled, the group's other pending jobs
   * are cancelled, all in one transaction.
   */
  async replaceGroup(group: string, jobs: ScheduleInput[]): Promise<{ created: number; cancelled: number }> {
    return this.db.$transaction(async (tx) => {
      const cancelled = await tx.job.updateMany({
        where: { group, status: 'pending', key: { notIn: jobs.map((j) => j.key) } },
        data: { status: 'cancelled', finishedAt: this.clock.now() },
      });
      // One read for the whole group: jobs already as wanted (the daily
      // re-plan's common case) or already run are left alone.
      const existing = new Map(
        (
          await tx.job.findMany({
            where: { key: { in: jobs.map((j) => j.key) } },
            select: { key: true, status: true, dueAt: true, lateUntil: true, payload: true, group: true },
          })
        ).map((j) => [j.key, j]),
      );
      let created = 0;
      for (const job of jobs) {
        const found = existing.get(job.key);
        if (found && found.status !== 'pending' && found.status !== 'cancelled') continue;
        const unchanged =
          found?.status === 'pending' &&
          found.dueAt.getTime() === job.dueAt.getTime() &&
          (found.lateUntil?.getTime() ?? null) === (job.lateUntil?.getTime() ?? null) &&
          found.payload === JSON.stringify(job.payload ?? null) &&
          found.group === group;
        if (unchanged) continue;
        if (await this.schedule({ ...job, group }, tx)) created++;
      }
      return { created, cancelled: cancelled.count };
    });
  }

  /**
   * Puts jobs left `running` by a dead process back to pending, so they run
   * again (see the note at the top on why that is still exactly once).
   * Without options: only jobs whose lease ran out (tick() does this on every
   * pass). With { startup: true }: every running job not run by this object —
   * only for a caller that knows no other process runs jobs on this database
   * (a tool, a test); the bot itself never does this at start-up.
   * A job that has used up its attempts this way is marked failed instead.
   */
  async recover(options: { startup?: boolean } = {}): Promise<number> {
    const now = this.clock.now();
    const stuck = await this.db.job.findMany({
      where: {
        status: 'running',
        ...(options.startup ? {} : { claimedAt: { lt: new Date(now.getTime() - this.#runningTimeoutMs) } }),
        ...(this.#running.size ? { id: { notIn: [...this.#running] } } : {}),
      },
      select: { id: true, kind: true, key: true, attempts: true, claimToken: true },
    });
    let recovered = 0;
    for (const job of stuck) {
      const exhausted = job.attempts >= this.#maxAttempts;
      const reset = await this.db.job.updateMany({
        where: { id: job.id, status: 'running', claimToken: job.claimToken },
        data: exhausted
          ? { status: 'failed', finishedAt: now, claimToken: null, lastError: 'abandoned while running (process stopped or timed out)' }
          : { status: 'pending', claimToken: null },
      });
      if (reset.count !== 1) continue;
      recovered++;
      const log = { jobId: job.id, kind: job.kind, key: job.key, attempts: job.attempts };
      if (exhausted) this.logger.warn(log, 'scheduler: abandoned job failed (no attempts left)');
      else this.logger.info(log, 'scheduler: abandoned job will run again');
    }
    return recovered;
  }

  /** One pass: marks expired jobs missed, then runs every due job once, oldest first. */
  tick(): Promise<TickResult> {
    return this.#pass(() => false);
  }

  async #pass(stopping: () => boolean): Promise<TickResult> {
    const result: TickResult = { ran: 0, missed: 0, failed: 0 };
    await this.recover();
    const now = this.clock.now();

    const expired = await this.db.job.findMany({
      where: { status: 'pending', dueAt: { lte: now }, lateUntil: { lt: now } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      select: { id: true, kind: true, key: true, dueAt: true, lateUntil: true, attempts: true },
    });
    for (const job of expired) {
      const marked = await this.db.job.updateMany({
        where: { id: job.id, status: 'pending' },
        data: { status: 'missed', finishedAt: now },
      });
      if (marked.count !== 1) continue;
      result.missed++;
      // Never the payload.
      this.logger.warn(
        { jobId: job.id, kind: job.kind, key: job.key, dueAt: job.dueAt, lateUntil: job.lateUntil, attempts: job.attempts },
        'scheduler: job missed (too late to run)',
      );
    }

    await this.#logUnhandled(now);

    const kinds = [...this.#handlers.keys()];
    // One due job at a time, claimed before it is read (src/db/claims.ts), so
    // replicas ticking together each take different jobs. A retried job moves
    // into the future, so it is not met again in this pass.
    while (!stopping()) {
      const claimToken = randomUUID();
      const batch = await claimDueJobs(this.db, { now, kinds, claimToken, claimedAt: this.clock.now(), limit: CLAIM_BATCH });
      if (batch.length === 0) break;
      // Keep the lease of the whole batch while it runs; a dead process stops renewing it.
      const beat = setInterval(() => {
        this.db.job.updateMany({ where: { claimToken, status: 'running' }, data: { claimedAt: this.clock.now() } }).catch((error: unknown) => {
          this.logger.warn({ err: error }, 'scheduler: could not renew job leases');
        });
      }, Math.max(1000, Math.floor(this.#runningTimeoutMs / 3)));
      beat.unref();
      try {
        for (const [i, job] of batch.entries()) {
          if (stopping()) {
            // Stopping: give the jobs not started back, as they were.
            await this.db.job.updateMany({
              where: { id: { in: batch.slice(i).map((j) => j.id) }, claimToken, status: 'running' },
              data: { status: 'pending', claimToken: null, claimedAt: null, attempts: { decrement: 1 } },
            });
            break;
          }
          const outcome = await this.#run({ ...job, attempts: job.attempts + 1 }, claimToken);
          if (outcome === 'done') result.ran++;
          else if (outcome === 'failed') result.failed++;
        }
      } finally {
        clearInterval(beat);
      }
    }
    return result;
  }

  async #run(
    job: { id: number; kind: string; key: string; payload: string; dueAt: Date; attempts: number },
    claimToken: string,
  ): Promise<'done' | 'failed' | 'lost'> {
    // biome-ignore lint/style/noNonNullAssertion: only jobs of registered kinds are claimed, and handlers are never removed
    const handler = this.#handlers.get(job.kind)!;
    const mine = { id: job.id, status: 'running', claimToken };
    const log = { jobId: job.id, kind: job.kind, key: job.key, attempt: job.attempts };
    this.#running.add(job.id);
    try {
      return await this.#runClaimed(handler, job, mine, log);
    } finally {
      this.#running.delete(job.id);
    }
  }

  async #runClaimed(
    handler: JobHandler,
    job: { id: number; kind: string; key: string; payload: string; dueAt: Date; attempts: number },
    mine: { id: number; status: string; claimToken: string },
    log: object,
  ): Promise<'done' | 'failed' | 'lost'> {
    try {
      await handler({ id: job.id, key: job.key, kind: job.kind, payload: JSON.parse(job.payload), dueAt: job.dueAt, attempt: job.attempts });
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_LENGTH);
      const now = this.clock.now();
      if (job.attempts >= this.#maxAttempts) {
        const saved = await this.db.job.updateMany({
          where: mine,
          data: { status: 'failed', finishedAt: now, claimToken: null, lastError: reason },
        });
        this.logger.warn({ ...log, err: error }, 'scheduler: job failed (no attempts left)');
        return saved.count === 1 ? 'failed' : this.#lost(log);
      }
      const delay = Math.min(MAX_BACKOFF_MS, this.#retryBackoffMs * 2 ** (job.attempts - 1));
      const saved = await this.db.job.updateMany({
        where: mine,
        data: { status: 'pending', dueAt: new Date(now.getTime() + delay), claimToken: null, lastError: reason },
      });
      this.logger.info({ ...log, delay, err: error }, 'scheduler: job will retry');
      return saved.count === 1 ? 'failed' : this.#lost(log);
    }
    const saved = await this.db.job.updateMany({
      where: mine,
      data: { status: 'done', finishedAt: this.clock.now(), claimToken: null, lastError: null },
    });
    return saved.count === 1 ? 'done' : this.#lost(log);
  }

  #lost(log: object): 'lost' {
    // recover() on another scheduler judged this run abandoned and handed the
    // job to a new run; that run's outcome stands.
    this.logger.warn(log, 'scheduler: job was taken over while running; outcome not recorded');
    return 'lost';
  }

  async #logUnhandled(now: Date): Promise<void> {
    const unhandled = await this.db.job.findMany({
      where: { status: 'pending', dueAt: { lte: now }, kind: { notIn: [...this.#handlers.keys()] } },
      select: { id: true, kind: true, key: true },
      take: 100,
    });
    for (const job of unhandled) {
      if (this.#unhandledLogged.has(job.id)) continue;
      this.#unhandledLogged.add(job.id);
      this.logger.warn({ jobId: job.id, kind: job.kind, key: job.key }, 'scheduler: no handler for this kind; job stays pending');
    }
  }

  /**
   * Ticks on a cron schedule (every 30 s by default) and once right away, to
   * catch up after downtime. The cron timer does not keep the process alive.
   */
  start(cronExpression = '*/30 * * * * *'): void {
    if (this.#task) return;
    this.#task = cron.createTask(cronExpression, () => this.nudge(), {
      name: 'scheduler',
      timezone: SEOUL,
      unref: true,
      // Downtime and late slots are caught up by tick() itself, from the database.
      suppressMissedWarning: true,
      logger: cronLogger(this.logger),
    });
    this.#stopped = false;
    void this.#task.start();
    void this.nudge();
  }

  /**
   * Ticks now unless a tick started by start()/nudge() is still running (then
   * this one is skipped: ticks never overlap themselves). Features may call it
   * after scheduling something due now. Does nothing when not started.
   */
  nudge(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#ticking) {
      this.logger.debug('scheduler: previous tick still running; skipped');
      return Promise.resolve();
    }
    this.#ticking = this.#pass(() => this.#stopped)
      .then(
        (result) => {
          if (result.ran || result.missed || result.failed) this.logger.info(result, 'scheduler: tick');
        },
        (error: unknown) => this.logger.error({ err: error }, 'scheduler: tick failed'),
      )
      .finally(() => {
        this.#ticking = undefined;
      });
    return this.#ticking;
  }

  /** Stops ticking; resolves once the tick in progress (if any) has finished its current job. */
  async stop(): Promise<void> {
    this.#stopped = true;
    const task = this.#task;
    this.#task = undefined;
    if (task) await task.destroy();
    await this.#ticking;
  }
}

/** node-cron's own messages (e.g. a missed cron slot after a blocked event loop) go to our log. */
function cronLogger(logger: Logger) {
  return {
    info: (message: string) => logger.debug({ source: 'node-cron' }, message),
    warn: (message: string) => logger.warn({ source: 'node-cron' }, message),
    error: (message: string | Error, err?: Error) => logger.error({ source: 'node-cron', err: err ?? message }, 'node-cron error'),
    debug: (message: string | Error) => logger.debug({ source: 'node-cron' }, String(message)),
  };
}
