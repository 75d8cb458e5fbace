// Small hardening items of meetups: one duration rule for create and edit,
// start dates far in the past, 매년 2월 29일, and /meetup ics months= as
// calendar months.
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts } from '../../support/db-snapshot.ts';
import { createHarness, type Harness } from '../../support/harness.ts';
import { createSeries, editSeries, monthsWindowEnd } from '../../../src/features/meetups/service.ts';
import { parseRecurrence, plannedDates, toRRule } from '../../../src/features/meetups/recurrence.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness(); // clock: 2026-11-25 10:00 KST
  await h.run('/org add 사회복지관 행복종합사회복지관 dong=모라3동', '/org add 행정복지센터 모라3동행정복지센터 dong=모라3동');
});
afterEach(() => h.close());

const CREATE = '/meetup create title="모라3동 민관 정례모임" org=행복종합사회복지관 with=모라3동행정복지센터 repeat="매월 넷째 목요일" start=2026-09-01 time=14:00';

describe('duration: the same rule on create and on edit', () => {
  it('duration=0 is refused by edit as by create, typed or not, and nothing changes', async () => {
    expect(await h.say(`${CREATE} duration=0`)).toContain('모임 길이(`duration`)를 알 수 없습니다');
    await h.say(`${CREATE} duration=90`);
    const before = await rowCounts(h.db);
    for (const value of ['0', '0분', '-30', '0시간', '25시간']) expect(await h.say(`/meetup edit 1 duration=${value}`)).toContain('모임 길이');
    // Whatever calls the service (a form, a script), the rule holds there too.
    const ctx = h.app.context();
    for (const minutes of [0, -5, 1.5, 24 * 60 + 1]) {
      await expect(editSeries(ctx, 1, { durationMin: minutes })).rejects.toMatchObject({ key: 'meetup.badDuration' });
      await expect(
        createSeries(ctx, { title: 'x', organiserRef: '행복종합사회복지관', repeat: '매주 화요일', start: '2026-12-01', time: '10:00', durationMin: minutes }),
      ).rejects.toMatchObject({ key: 'meetup.badDuration' });
    }
    expect(await rowCounts(h.db)).toEqual(before);
    expect((await h.db.meetupSeries.findUniqueOrThrow({ where: { id: 1 } })).durationMin).toBe(90);
    expect(await h.say('/meetup edit 1 duration=1시간 30분')).not.toContain('✖');
  });
});

describe('start dates', () => {
  it('start=1900-01-01 is refused and writes nothing; a start within a year is fine and plans only future meetings', async () => {
    const before = await rowCounts(h.db);
    const refused = await h.say('/meetup create title="옛날 모임" org=행복종합사회복지관 repeat="매주 화요일" start=1900-01-01 time=14:00');
    expect(refused).toContain('시작일 1900-01-01은(는) 너무 오래전입니다. 2025-11-24 이후 날짜로');
    expect(await rowCounts(h.db)).toEqual(before);

    expect(await h.say('/meetup create title="주간 모임" org=행복종합사회복지관 repeat="매주 화요일" start=2025-12-02 time=14:00')).toContain('#1');
    const jobs = await h.db.job.findMany({ where: { kind: { in: ['meetup.reminder', 'meetup.nudge'] } } });
    expect(jobs.length).toBeGreaterThan(0);
    // Every planned job is for a meeting still ahead (2026-12-01 is the first Tuesday after today).
    const dates = jobs.map((j) => (JSON.parse(j.payload) as { original: string }).original);
    expect(dates.every((d) => d >= '2026-12-01')).toBe(true);
  });
});

describe('매년 2월 29일', () => {
  it('follows RRULE: BYMONTHDAY=29 in February gives leap years only', () => {
    const rule = toRRule(parseRecurrence('yearly:02-29'), '2026-12-01', '10:00');
    expect(plannedDates(rule, '2026-12-01', '2033-03-01', 'keep').map((d) => d.original)).toEqual(['2028-02-29', '2032-02-29']);
    expect(parseRecurrence('매년 2월 29일')).toEqual({ kind: 'yearly', month: 2, day: 29 });
    expect(() => parseRecurrence('yearly:02-30')).toThrow();
  });

  it('is accepted in a non-leap year; the next date is the next 2월 29일, more than a year ahead', async () => {
    const created = await h.say('/meetup create title="윤일 모임" org=행복종합사회복지관 repeat="yearly:02-29" start=2026-12-01 time=14:00');
    expect(created).toContain('(매년 2월 29일(윤년에만), 14:00)');
    expect(created).toContain('다음 일정: 2028-02-29 (화) 14:00');
    const korean = await h.say('/meetup create title="윤일 모임 2" org=행복종합사회복지관 repeat="매년 2월 29일" start=2027-01-01 time=10:00');
    expect(korean).toContain('다음 일정: 2028-02-29 (화) 10:00');
    expect(await h.say('/meetup show 1')).toContain('2028-02-29');
  });
});

describe('/meetup ics months=', () => {
  it('counts calendar months, not 31-day blocks', async () => {
    expect(monthsWindowEnd('2026-11-25', 12)).toBe('2027-11-24');
    expect(monthsWindowEnd('2026-11-25', 1)).toBe('2026-12-24');
    expect(monthsWindowEnd('2027-01-31', 1)).toBe('2027-02-28');
    expect(monthsWindowEnd('2028-01-31', 1)).toBe('2028-02-29');
    // Monthly on the 25th from 2026-11-25: 12 months hold 12 meetings (12 × 31 days held a 13th, 2027-11-25).
    await h.say('/meetup create title="월례회" org=행복종합사회복지관 repeat="매월 25일" start=2026-11-25 time=18:00 holiday=keep');
    const out = await h.say('/meetup ics 1 months=12');
    const events = new ICAL.Component(ICAL.parse(out.slice(out.indexOf('BEGIN:VCALENDAR')))).getAllSubcomponents('vevent');
    const starts = events.map((v) => new ICAL.Event(v).startDate.toJSDate().toISOString().slice(0, 10));
    expect(starts).toHaveLength(12);
    expect(starts[0]).toBe('2026-11-25');
    expect(starts.at(-1)).toBe('2027-10-25');
  });
});
