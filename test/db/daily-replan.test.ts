// The daily meetup re-plan touches only the series the moved horizon reaches
// (src/features/meetups/jobs.ts meetupPlan): a series with a rule date newly
// inside the 45-day horizon gets its reminders; one without is not rewritten.
// Runs on SQLite and PostgreSQL alike.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, seoulDate, seoulInstant } from '../../src/core/calendar/index.ts';
import { meetupPlan } from '../../src/features/meetups/jobs.ts';
import { PLANNING_HORIZON_DAYS } from '../../src/features/meetups/rules.ts';
import { createHarness, type Harness } from '../support/harness.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // 2026-11-25 10:00 KST (a Wednesday)
  await h.run('/org add 사회복지관 행복종합사회복지관 dong=모라3동', '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동');
});
afterEach(() => h.close());

async function dailyRun(day: string) {
  h.clock.set(seoulInstant(day, '05:00'));
  await meetupPlan.schedule(h.app.scheduler, { key: `meetup-plan:${day}`, payload: { day }, dueAt: h.clock.now() });
  await h.app.scheduler.tick();
  expect((await h.db.job.findUnique({ where: { key: `meetup-plan:${day}` } }))?.status).toBe('done');
}

describe('the daily re-plan', () => {
  it('plans the occurrence that entered the horizon and leaves the other series alone', async () => {
    // Weekly on Thursdays, and one meeting in two weeks.
    await h.say('/meetup create title="주간 회의" kind=정례모임 org=행복종합사회복지관 repeat=weekly:목 start=2026-11-26 time=14:00');
    await h.say('/meetup create title="한 번 모임" kind=정례모임 org=행복종합사회복지관 repeat=once start=2026-12-09 time=14:00');
    const day1 = addDays(seoulDate(h.clock.now()), 1); // Thursday 2026-11-26
    await dailyRun(day1);
    const onceJobs = await h.db.job.findMany({ where: { group: 'meetup:2' }, select: { id: true, dueAt: true, status: true } });

    // The next day the horizon reaches one more Thursday: day1 + 1 + 45 = 2027-01-11 is a Monday; walk until it moves past a Thursday.
    let day = day1;
    let found = false;
    for (let i = 0; i < 7 && !found; i++) {
      day = addDays(day, 1);
      await dailyRun(day);
      const horizonEnd = addDays(day, PLANNING_HORIZON_DAYS);
      const keys = (await h.db.job.findMany({ where: { group: 'meetup:1', kind: 'meetup.reminder' }, select: { key: true } })).map((j) => j.key);
      found = keys.some((k) => k.includes(`:${horizonEnd}@`) || k.includes(`:${addDays(horizonEnd, -1)}@`));
    }
    expect(found).toBe(true);
    // The one-off series was not touched: the same rows, nothing rewritten.
    expect(await h.db.job.findMany({ where: { group: 'meetup:2' }, select: { id: true, dueAt: true, status: true } })).toEqual(onceJobs);
  });

  it('a one-off run (closures changed) re-plans every series', async () => {
    await h.say('/meetup create title="한 번 모임" kind=정례모임 org=행복종합사회복지관 repeat=once start=2026-12-09 time=14:00');
    await h.db.job.deleteMany({ where: { group: 'meetup:1' } });
    await meetupPlan.schedule(h.app.scheduler, { key: 'meetup-plan:closure:test', payload: { reason: 'closure' }, dueAt: h.clock.now() });
    await h.app.scheduler.tick();
    expect(await h.db.job.count({ where: { group: 'meetup:1', status: 'pending' } })).toBeGreaterThan(0);
  });
});
