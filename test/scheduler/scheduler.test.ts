import cron from 'node-cron';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/client.ts';
import { Scheduler, type JobRun, type SchedulerOptions } from '../../src/scheduler/scheduler.ts';
import { createHarness, type Harness } from '../support/harness.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;

let h: Harness;
const schedulers: Scheduler[] = [];
const extraClients: Db[] = [];

beforeEach(async () => {
  h = await createHarness({ now: '2026-12-01T00:00:00Z' });
});
afterEach(async () => {
  for (const s of schedulers.splice(0)) await s.stop();
  for (const db of extraClients.splice(0)) await db.$disconnect();
  await h.close();
});

/** Log lines a scheduler wrote, parsed. */
type LogLine = { level: number; msg: string; [key: string]: unknown };

function makeScheduler(options: SchedulerOptions = {}, db: Db = h.db) {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  const scheduler = new Scheduler(db, h.clock, logger, options);
  schedulers.push(scheduler);
  return { scheduler, lines };
}

/** A handler that records its runs. */
function recorder() {
  const runs: JobRun[] = [];
  return { runs, handler: async (job: JobRun) => void runs.push(job) };
}

/** A promise the test resolves by hand (a handler that is "still working"). */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const at = (iso: string) => new Date(iso);
const job = (key: string) => h.db.job.findUniqueOrThrow({ where: { key } });

describe('running due jobs', () => {
  it('runs a due job once, with its payload, and records it done', async () => {
    const { scheduler } = makeScheduler();
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    expect(await scheduler.schedule({ kind: 'reminder', key: 'r:1', payload: { meetupId: 12 }, dueAt: at('2026-11-30T23:00:00Z') })).toBe(true);

    expect(await scheduler.tick()).toEqual({ ran: 1, missed: 0, failed: 0 });
    expect(await scheduler.tick()).toEqual({ ran: 0, missed: 0, failed: 0 });

    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ key: 'r:1', kind: 'reminder', payload: { meetupId: 12 }, attempt: 1 });
    expect(runs[0].dueAt.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(await job('r:1')).toMatchObject({ status: 'done', attempts: 1, claimToken: null, finishedAt: h.clock.now() });
  });

  it('does not run a job before it is due; moving the clock makes it due', async () => {
    const { scheduler } = makeScheduler();
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    await scheduler.schedule({ kind: 'reminder', key: 'r:later', payload: {}, dueAt: at('2026-12-01T09:00:00Z') });

    await scheduler.tick();
    h.clock.set('2026-12-01T08:59:59.999Z');
    await scheduler.tick();
    expect(runs).toHaveLength(0);
    expect((await job('r:later')).status).toBe('pending');

    h.clock.set('2026-12-01T09:00:00Z');
    expect(await scheduler.tick()).toEqual({ ran: 1, missed: 0, failed: 0 });
    expect(runs.map((r) => r.key)).toEqual(['r:later']);
  });

  it('runs due jobs oldest first', async () => {
    const { scheduler } = makeScheduler();
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    await scheduler.schedule({ kind: 'reminder', key: 'b', payload: {}, dueAt: at('2026-11-30T12:00:00Z') });
    await scheduler.schedule({ kind: 'reminder', key: 'a', payload: {}, dueAt: at('2026-11-30T10:00:00Z') });
    await scheduler.schedule({ kind: 'reminder', key: 'c', payload: {}, dueAt: at('2026-11-30T11:00:00Z') });
    await scheduler.tick();
    expect(runs.map((r) => r.key)).toEqual(['a', 'c', 'b']);
  });

  it('runs well over a thousand due jobs in one tick (no query grows with the batch)', async () => {
    const { scheduler } = makeScheduler();
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    const dueAt = h.clock.now();
    await h.db.job.createMany({
      data: Array.from({ length: 1200 }, (_, i) => ({
        kind: 'reminder',
        key: `bulk-${i}`,
        payload: '{}',
        dueAt: new Date(dueAt.getTime() - (i % 7) * MIN),
        createdAt: dueAt,
      })),
    });
    expect(await scheduler.tick()).toMatchObject({ ran: 1200, failed: 0 });
    expect(new Set(runs.map((r) => r.key)).size).toBe(1200);
  });
});

describe('overlapping ticks never run a job twice', () => {
  async function scheduleMany(scheduler: Scheduler, n: number) {
    for (let i = 0; i < n; i++) {
      await scheduler.schedule({ kind: 'reminder', key: `r:${i}`, payload: { i }, dueAt: at('2026-11-30T23:00:00Z') });
    }
  }
  // The handler yields to the event loop so the other tick interleaves.
  const slow = (runs: string[]) => async (j: JobRun) => {
    await new Promise((resolve) => setImmediate(resolve));
    runs.push(j.key);
  };

  it('two tick() calls at once on one scheduler', async () => {
    const { scheduler } = makeScheduler();
    const runs: string[] = [];
    scheduler.register('reminder', slow(runs));
    await scheduleMany(scheduler, 20);
    const [a, b] = await Promise.all([scheduler.tick(), scheduler.tick()]);
    expect(a.ran + b.ran).toBe(20);
    expect(runs.sort()).toEqual([...new Set(runs)].sort());
    expect(runs).toHaveLength(20);
  });

  it('two schedulers on the same database', async () => {
    const one = makeScheduler().scheduler;
    const two = makeScheduler().scheduler;
    const runs: string[] = [];
    one.register('reminder', slow(runs));
    two.register('reminder', slow(runs));
    await scheduleMany(one, 20);
    const [a, b] = await Promise.all([one.tick(), two.tick()]);
    expect(a.ran + b.ran).toBe(20);
    expect(a.ran).toBeGreaterThan(0);
    expect(b.ran).toBeGreaterThan(0);
    expect(runs).toHaveLength(20);
    expect(new Set(runs).size).toBe(20);
  });

  it('two schedulers on separate connections to the same file (two processes)', async () => {
    const otherDb = await openDatabase(h.databaseUrl, { migrate: false });
    extraClients.push(otherDb);
    const one = makeScheduler().scheduler;
    const two = makeScheduler({}, otherDb).scheduler;
    const runs: string[] = [];
    one.register('reminder', slow(runs));
    two.register('reminder', slow(runs));
    await scheduleMany(one, 20);
    const results = await Promise.all([one.tick(), two.tick(), one.tick(), two.tick()]);
    expect(results.reduce((sum, r) => sum + r.ran, 0)).toBe(20);
    expect(runs).toHaveLength(20);
    expect(new Set(runs).size).toBe(20);
    expect(await h.db.job.count({ where: { status: 'done', attempts: 1 } })).toBe(20);
  });
});

describe('crash recovery', () => {
  /** What a process that died mid-run leaves behind. */
  async function leaveRunning(key: string, claimedAt: string, attempts = 1) {
    await h.db.job.update({ where: { key }, data: { status: 'running', claimToken: 'dead-process', claimedAt: at(claimedAt), attempts } });
  }

  it('at startup, a job a dead process left running runs again, once; its outbox side effect stays single', async () => {
    const { scheduler } = makeScheduler();
    const target = { kind: 'channel', platform: 'console', channelId: 'general' } as const;
    let runs = 0;
    // The idempotent handler: its delivery key is the job key.
    scheduler.register('reminder', async (j) => {
      runs++;
      await h.app.outbox.deliver(target, { title: '모임 알림' }, j.key);
    });
    await scheduler.schedule({ kind: 'reminder', key: 'meetup-reminder:12:1d', payload: {}, dueAt: at('2026-11-30T23:00:00Z') });
    // The dead process had claimed it and delivered, then died before recording "done".
    await h.app.outbox.deliver(target, { title: '모임 알림' }, 'meetup-reminder:12:1d');
    await leaveRunning('meetup-reminder:12:1d', '2026-11-30T23:59:00Z');

    // Claimed a minute ago: an ordinary tick leaves it to its (presumed live) owner.
    expect(await scheduler.tick()).toEqual({ ran: 0, missed: 0, failed: 0 });
    expect((await job('meetup-reminder:12:1d')).status).toBe('running');

    // A new process starting up knows nobody else runs it.
    const restarted = makeScheduler().scheduler;
    restarted.register('reminder', async (j) => {
      runs++;
      await h.app.outbox.deliver(target, { title: '모임 알림' }, j.key);
    });
    expect(await restarted.recover({ startup: true })).toBe(1);
    expect(await restarted.tick()).toEqual({ ran: 1, missed: 0, failed: 0 });
    expect(await restarted.tick()).toEqual({ ran: 0, missed: 0, failed: 0 });

    expect(runs).toBe(1);
    expect(await job('meetup-reminder:12:1d')).toMatchObject({ status: 'done', attempts: 2 });
    expect(await h.db.outboxMessage.count()).toBe(1);
  });

  it('a job running longer than runningTimeoutMs is taken over by a later tick', async () => {
    const { scheduler } = makeScheduler({ runningTimeoutMs: 10 * MIN });
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    await scheduler.schedule({ kind: 'reminder', key: 'r:stuck', payload: {}, dueAt: at('2026-11-30T23:00:00Z') });
    await leaveRunning('r:stuck', '2026-11-30T23:55:00Z');

    h.clock.set('2026-12-01T00:04:59Z');
    await scheduler.tick();
    expect(runs).toHaveLength(0);

    h.clock.set('2026-12-01T00:05:01Z');
    expect(await scheduler.tick()).toEqual({ ran: 1, missed: 0, failed: 0 });
    expect(runs).toHaveLength(1);
    expect((await job('r:stuck')).status).toBe('done');
  });

  it('a run that was taken over cannot overwrite the outcome of the run that took over', async () => {
    const slowOne = makeScheduler({ runningTimeoutMs: 10 * MIN });
    const other = makeScheduler({ runningTimeoutMs: 10 * MIN }).scheduler;
    const stuck = gate();
    const started = gate();
    slowOne.scheduler.register('reminder', async () => {
      started.open();
      await stuck.opened;
      throw new Error('gave up late');
    });
    const { runs, handler } = recorder();
    other.register('reminder', handler);
    await slowOne.scheduler.schedule({ kind: 'reminder', key: 'r:slow', payload: {}, dueAt: at('2026-11-30T23:00:00Z') });

    const slowTick = slowOne.scheduler.tick();
    await started.opened;
    h.clock.advance(11 * MIN);
    expect(await other.tick()).toEqual({ ran: 1, missed: 0, failed: 0 });
    stuck.open();
    expect(await slowTick).toEqual({ ran: 0, missed: 0, failed: 0 });

    expect(runs).toHaveLength(1);
    expect(await job('r:slow')).toMatchObject({ status: 'done', attempts: 2, lastError: null });
    expect(slowOne.lines.some((l) => l.msg.includes('taken over'))).toBe(true);
  });

  it('a job abandoned with no attempts left is marked failed instead of run again', async () => {
    const { scheduler } = makeScheduler({ maxAttempts: 3 });
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    await scheduler.schedule({ kind: 'reminder', key: 'r:poison', payload: {}, dueAt: at('2026-11-30T23:00:00Z') });
    await leaveRunning('r:poison', '2026-11-30T23:59:00Z', 3);
    expect(await scheduler.recover({ startup: true })).toBe(1);
    await scheduler.tick();
    expect(runs).toHaveLength(0);
    expect(await job('r:poison')).toMatchObject({ status: 'failed', lastError: expect.stringContaining('abandoned') });
  });
});

describe('failures', () => {
  it('retries a throwing handler with backoff and ends failed after maxAttempts with lastError', async () => {
    const { scheduler } = makeScheduler({ maxAttempts: 3, retryBackoffMs: 1_000 });
    const attempts: number[] = [];
    scheduler.register('reminder', async (j) => {
      attempts.push(j.attempt);
      throw new Error(`transport down (${j.attempt})`);
    });
    await scheduler.schedule({ kind: 'reminder', key: 'r:flaky', payload: {}, dueAt: at('2026-12-01T00:00:00Z') });

    expect(await scheduler.tick()).toEqual({ ran: 0, missed: 0, failed: 1 });
    expect(await job('r:flaky')).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'transport down (1)',
      dueAt: at('2026-12-01T00:00:01Z'),
    });

    h.clock.advance(999);
    await scheduler.tick();
    expect(attempts).toEqual([1]);

    h.clock.advance(1);
    expect(await scheduler.tick()).toEqual({ ran: 0, missed: 0, failed: 1 });
    expect((await job('r:flaky')).dueAt).toEqual(at('2026-12-01T00:00:03Z')); // backoff doubled

    h.clock.set('2026-12-01T00:00:03Z');
    expect(await scheduler.tick()).toEqual({ ran: 0, missed: 0, failed: 1 });
    expect(await job('r:flaky')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'transport down (3)' });

    h.clock.advance(HOUR);
    await scheduler.tick();
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('a job whose kind has no handler stays pending, is logged once, and runs once a handler exists', async () => {
    const { scheduler, lines } = makeScheduler();
    await scheduler.schedule({ kind: 'digest', key: 'd:1', payload: {}, dueAt: at('2026-11-30T23:00:00Z') });
    await scheduler.tick();
    await scheduler.tick();
    expect((await job('d:1')).status).toBe('pending');
    expect(lines.filter((l) => l.msg.includes('no handler'))).toHaveLength(1);

    const { runs, handler } = recorder();
    scheduler.register('digest', handler);
    await scheduler.tick();
    expect(runs).toHaveLength(1);
  });
});

describe('after downtime', () => {
  it('marks jobs past their lateUntil missed (logged without payload) and runs the others late', async () => {
    const { scheduler, lines } = makeScheduler();
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    // The bot was down from 2026-11-30 till now (2026-12-01T00:00Z).
    await scheduler.schedule({
      kind: 'reminder',
      key: 'r:meeting-over',
      payload: { secret: 'payload-must-not-be-logged' },
      dueAt: at('2026-11-30T01:00:00Z'),
      lateUntil: at('2026-11-30T05:00:00Z'), // the meeting started then
    });
    await scheduler.schedule({
      kind: 'reminder',
      key: 'r:meeting-ahead',
      payload: {},
      dueAt: at('2026-11-30T01:00:00Z'),
      lateUntil: at('2026-12-01T05:00:00Z'),
    });
    await scheduler.schedule({ kind: 'reminder', key: 'r:any-time', payload: {}, dueAt: at('2026-11-01T00:00:00Z'), lateUntil: null });

    expect(await scheduler.tick()).toEqual({ ran: 2, missed: 1, failed: 0 });
    expect(runs.map((r) => r.key).sort()).toEqual(['r:any-time', 'r:meeting-ahead']);
    expect((await job('r:meeting-over')).status).toBe('missed');
    const missedLog = lines.find((l) => l.msg.includes('missed'));
    expect(missedLog).toMatchObject({ key: 'r:meeting-over', kind: 'reminder', jobId: expect.any(Number) });
    expect(JSON.stringify(lines)).not.toContain('payload-must-not-be-logged');
  });

  it('a retry that would come after lateUntil is marked missed', async () => {
    const { scheduler } = makeScheduler({ retryBackoffMs: 10 * MIN });
    let calls = 0;
    scheduler.register('reminder', async () => {
      calls++;
      throw new Error('down');
    });
    await scheduler.schedule({ kind: 'reminder', key: 'r:tight', payload: {}, dueAt: at('2026-12-01T00:00:00Z'), lateUntil: at('2026-12-01T00:05:00Z') });
    await scheduler.tick();
    h.clock.advance(10 * MIN);
    expect(await scheduler.tick()).toEqual({ ran: 0, missed: 1, failed: 0 });
    expect(calls).toBe(1);
    expect(await job('r:tight')).toMatchObject({ status: 'missed', lastError: 'down' });
  });
});

describe('scheduling, rescheduling, cancelling', () => {
  it('schedule() with an existing key reschedules the pending job instead of duplicating it', async () => {
    const { scheduler } = makeScheduler();
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    expect(await scheduler.schedule({ kind: 'reminder', key: 'r:1', payload: { v: 1 }, dueAt: at('2026-12-01T09:00:00Z') })).toBe(true);
    expect(
      await scheduler.schedule({
        kind: 'reminder',
        key: 'r:1',
        payload: { v: 2 },
        dueAt: at('2026-12-02T09:00:00Z'),
        lateUntil: at('2026-12-02T10:00:00Z'),
      }),
    ).toBe(false);
    expect(await h.db.job.count()).toBe(1);
    expect(await job('r:1')).toMatchObject({ dueAt: at('2026-12-02T09:00:00Z'), lateUntil: at('2026-12-02T10:00:00Z'), payload: '{"v":2}' });

    h.clock.set('2026-12-01T09:00:00Z');
    await scheduler.tick();
    expect(runs).toHaveLength(0);
    h.clock.set('2026-12-02T09:00:00Z');
    await scheduler.tick();
    expect(runs.map((r) => r.payload)).toEqual([{ v: 2 }]);

    // Done is done: scheduling the key again changes nothing and runs nothing.
    expect(await scheduler.schedule({ kind: 'reminder', key: 'r:1', payload: { v: 3 }, dueAt: at('2026-12-02T09:00:00Z') })).toBe(false);
    await scheduler.tick();
    expect(runs).toHaveLength(1);
    expect((await job('r:1')).status).toBe('done');
  });

  it('refuses a job that would be missed before it is due', async () => {
    const { scheduler } = makeScheduler();
    await expect(
      scheduler.schedule({ kind: 'reminder', key: 'r:x', payload: {}, dueAt: at('2026-12-02T00:00:00Z'), lateUntil: at('2026-12-01T00:00:00Z') }),
    ).rejects.toThrow(/lateUntil/);
  });

  it('cancelGroup drops the pending jobs of one meeting only', async () => {
    const { scheduler } = makeScheduler();
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    await scheduler.schedule({ kind: 'reminder', key: 'm12:done', payload: {}, dueAt: at('2026-11-30T00:00:00Z'), group: 'meetup:12' });
    await scheduler.tick();
    await scheduler.schedule({ kind: 'reminder', key: 'm12:1d', payload: {}, dueAt: at('2026-12-07T00:00:00Z'), group: 'meetup:12' });
    await scheduler.schedule({ kind: 'reminder', key: 'm12:1h', payload: {}, dueAt: at('2026-12-08T04:00:00Z'), group: 'meetup:12' });
    await scheduler.schedule({ kind: 'reminder', key: 'm13:1d', payload: {}, dueAt: at('2026-12-07T00:00:00Z'), group: 'meetup:13' });

    expect(await scheduler.cancelGroup('meetup:12')).toBe(2);
    h.clock.set('2026-12-09T00:00:00Z');
    await scheduler.tick();
    expect(runs.map((r) => r.key)).toEqual(['m12:done', 'm13:1d']);
    expect((await job('m12:1d')).status).toBe('cancelled');
    expect((await job('m12:done')).status).toBe('done');
  });

  it('a cancelled job scheduled again is revived', async () => {
    const { scheduler } = makeScheduler();
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    await scheduler.schedule({ kind: 'reminder', key: 'm12:1d', payload: {}, dueAt: at('2026-12-07T00:00:00Z'), group: 'meetup:12' });
    await scheduler.cancelGroup('meetup:12');
    expect(await scheduler.schedule({ kind: 'reminder', key: 'm12:1d', payload: {}, dueAt: at('2026-12-07T00:00:00Z'), group: 'meetup:12' })).toBe(false);
    h.clock.set('2026-12-07T00:00:00Z');
    await scheduler.tick();
    expect(runs).toHaveLength(1);
  });

  it('replaceGroup makes a meeting\'s pending jobs exactly the new set (a meeting moved)', async () => {
    const { scheduler } = makeScheduler();
    const { runs, handler } = recorder();
    scheduler.register('reminder', handler);
    await scheduler.schedule({ kind: 'reminder', key: 'm12:2026-12-08T05:00Z:1d', payload: {}, dueAt: at('2026-12-07T05:00:00Z'), group: 'meetup:12' });
    await scheduler.schedule({ kind: 'reminder', key: 'm12:2026-12-08T05:00Z:1h', payload: {}, dueAt: at('2026-12-08T04:00:00Z'), group: 'meetup:12' });

    // Moved to 12-09 05:00Z; the one-hour reminder is no longer wanted.
    expect(
      await scheduler.replaceGroup('meetup:12', [
        { kind: 'reminder', key: 'm12:2026-12-09T05:00Z:1d', payload: {}, dueAt: at('2026-12-08T05:00:00Z') },
      ]),
    ).toEqual({ created: 1, cancelled: 2 });

    h.clock.set('2026-12-10T00:00:00Z');
    await scheduler.tick();
    expect(runs.map((r) => r.key)).toEqual(['m12:2026-12-09T05:00Z:1d']);
    expect((await job('m12:2026-12-09T05:00Z:1d')).group).toBe('meetup:12');
  });

  it('schedules in the caller\'s transaction (rolled back with it)', async () => {
    const { scheduler } = makeScheduler();
    await expect(
      h.db.$transaction(async (tx) => {
        await scheduler.schedule({ kind: 'reminder', key: 'r:tx', payload: {}, dueAt: at('2026-12-02T00:00:00Z') }, tx);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await h.db.job.count()).toBe(0);
  });
});

describe('start() and stop() with node-cron', () => {
  it('ticks once at start, skips a tick while one runs, and stop() waits for it and removes the cron task', async () => {
    const { scheduler } = makeScheduler();
    const stuck = gate();
    const started = gate();
    let runs = 0;
    scheduler.register('reminder', async () => {
      runs++;
      started.open();
      await stuck.opened;
    });
    await scheduler.schedule({ kind: 'reminder', key: 'r:start', payload: {}, dueAt: at('2026-11-30T23:00:00Z') });
    const before = cron.getTasks().size;

    scheduler.start();
    expect(cron.getTasks().size).toBe(before + 1);
    await started.opened; // the tick start() kicked off is running the job
    await scheduler.nudge(); // overlaps the running tick: skipped, returns at once
    expect(runs).toBe(1);

    const stopped = scheduler.stop();
    stuck.open();
    await stopped;
    expect(cron.getTasks().size).toBe(before);
    expect((await job('r:start')).status).toBe('done');
    await scheduler.nudge(); // stopped: does nothing
  });
});
