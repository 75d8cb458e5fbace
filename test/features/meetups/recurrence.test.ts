import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRecurrence, plannedDates, recurrenceFromRRule, toRRule } from '../../../src/features/meetups/recurrence.ts';
import type { Weekday } from '../../../src/core/calendar/index.ts';
import { UserError } from '../../../src/core/errors.ts';
import { translator } from '../../../src/core/i18n/index.ts';
import { describeRecurrence } from '../../../src/features/meetups/cards.ts';

describe('parseRecurrence', () => {
  it.each([
    ['once', { kind: 'once' }],
    ['한 번', { kind: 'once' }],
    ['weekly:화', { kind: 'weekly', weekday: 1 }],
    ['weekly:tue', { kind: 'weekly', weekday: 1 }],
    ['매주 수요일', { kind: 'weekly', weekday: 2 }],
    ['monthly:2:화', { kind: 'monthly-nth', nths: [2], weekday: 1 }],
    ['monthly:last:금', { kind: 'monthly-nth', nths: [-1], weekday: 4 }],
    ['매월 둘째 화요일', { kind: 'monthly-nth', nths: [2], weekday: 1 }],
    ['매월 마지막 금요일', { kind: 'monthly-nth', nths: [-1], weekday: 4 }],
    ['monthly:2,4:화', { kind: 'monthly-nth', nths: [2, 4], weekday: 1 }],
    ['monthly:last,1:fri', { kind: 'monthly-nth', nths: [1, -1], weekday: 4 }],
    ['monthly-day:15', { kind: 'monthly-day', day: 15 }],
    ['매월 15일', { kind: 'monthly-day', day: 15 }],
    ['yearly:01-10', { kind: 'yearly', month: 1, day: 10 }],
    ['매년 1월 10일', { kind: 'yearly', month: 1, day: 10 }],
  ])('%s', (input, expected) => {
    expect(parseRecurrence(input)).toEqual(expected);
  });

  it.each(['weekly:x', 'monthly-day:32', 'yearly:02-30', 'daily', 'monthly:2', 'monthly:2,x:화'])(
    'refuses %s with a Korean example',
    (input) => {
      expect(() => parseRecurrence(input)).toThrowError(expect.objectContaining({ key: 'meetup.badRepeat' }));
      expect(() => parseRecurrence(input)).toThrow(UserError);
    },
  );

  it.each([
    ['monthly:6:화', 'meetup.badRepeatNth'],
    ['monthly:2,6:화', 'meetup.badRepeatNth'],
    ['monthly:2,2:화', 'meetup.repeatNthTwice'],
    ['monthly:2,4:x', 'meetup.repeatNoWeekday'],
  ])('refuses %s with %s', (input, key) => {
    expect(() => parseRecurrence(input)).toThrowError(expect.objectContaining({ key }));
  });
});

describe('plannedDates', () => {
  it('second Tuesdays of 2026, shifted for holidays by policy', () => {
    const rule = toRRule(parseRecurrence('monthly:2:화'), '2026-01-01', '14:00');
    const dates = plannedDates(rule, '2026-01-01', '2026-12-31', 'next').map((d) => d.date);
    expect(dates).toEqual([
      '2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14', '2026-05-12', '2026-06-09',
      '2026-07-14', '2026-08-11', '2026-09-08', '2026-10-13', '2026-11-10', '2026-12-08',
    ]);
  });

  it('a Thursday on 추석 2026 moves by policy: next, previous, skip, keep', () => {
    const rule = toRRule(parseRecurrence('매월 넷째 목요일'), '2026-09-01', '14:00', '2026-09-30');
    expect(plannedDates(rule, '2026-09-01', '2026-09-30', 'next')).toEqual([{ original: '2026-09-24', date: '2026-09-28', time: '14:00' }]);
    expect(plannedDates(rule, '2026-09-01', '2026-09-30', 'previous')[0].date).toBe('2026-09-23');
    expect(plannedDates(rule, '2026-09-01', '2026-09-30', 'skip')).toEqual([]);
    expect(plannedDates(rule, '2026-09-01', '2026-09-30', 'keep')[0].date).toBe('2026-09-24');
  });

  it('2nd and 4th Tuesdays: one rule, both weeks, each date shifted on its own (설날 2027-02-09)', () => {
    const rule = toRRule(parseRecurrence('매월 둘째·넷째 화요일'), '2026-12-01', '14:00');
    expect(rule).toContain('RRULE:FREQ=MONTHLY;BYDAY=+2TU,+4TU');
    expect(plannedDates(rule, '2026-12-01', '2027-02-28', 'next')).toEqual([
      { original: '2026-12-08', date: '2026-12-08', time: '14:00' },
      { original: '2026-12-22', date: '2026-12-22', time: '14:00' },
      { original: '2027-01-12', date: '2027-01-12', time: '14:00' },
      { original: '2027-01-26', date: '2027-01-26', time: '14:00' },
      { original: '2027-02-09', date: '2027-02-10', time: '14:00' },
      { original: '2027-02-23', date: '2027-02-23', time: '14:00' },
    ]);
    expect(plannedDates(rule, '2027-02-01', '2027-02-28', 'skip').map((d) => d.date)).toEqual(['2027-02-23']);
  });

  it('the 5th and the last Friday are one date when a month has five', () => {
    const rule = toRRule(parseRecurrence('monthly:5,last:금'), '2027-01-01', '10:00');
    expect(plannedDates(rule, '2027-01-01', '2027-02-28', 'keep').map((d) => d.original)).toEqual(['2027-01-29', '2027-02-26']);
  });

  it('honours admin closures and until', () => {
    const rule = toRRule(parseRecurrence('weekly:목'), '2026-12-01', '10:00', '2026-12-31');
    const dates = plannedDates(rule, '2026-12-01', '2027-01-31', 'next', new Set(['2026-12-24'])).map((d) => d.date);
    expect(dates).toEqual(['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-28', '2026-12-31']);
  });

  it('round-trips every form through the stored RRULE', () => {
    for (const input of ['once', 'weekly:금', 'monthly:last:월', 'monthly:2,4:화', 'monthly:1,3,last:금', 'monthly-day:1', 'yearly:12-31']) {
      const recurrence = parseRecurrence(input);
      expect(recurrenceFromRRule(toRRule(recurrence, '2026-01-05', '09:30'))).toEqual(recurrence);
    }
  });

  it('property: weekly series land on working days, one per week, never before the start', () => {
    fc.assert(
      fc.property(fc.constantFrom<Weekday>(0, 1, 2, 3, 4), fc.integer({ min: 0, max: 300 }), (weekday, offset) => {
        const start = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const rule = toRRule({ kind: 'weekly', weekday }, start, '10:00');
        const dates = plannedDates(rule, start, '2027-12-31', 'next');
        for (const d of dates) {
          expect(d.date >= start).toBe(true);
          expect(d.date >= d.original).toBe(true);
          const day = new Date(`${d.date}T00:00:00Z`).getUTCDay();
          expect(day === 0 || day === 6).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('describeRecurrence', () => {
  it.each([
    ['매월 둘째·넷째 화요일', '매월 둘째·넷째 화요일', 'every 2nd and 4th Tue of the month'],
    ['매월 첫째·셋째·마지막 금요일', '매월 첫째·셋째·마지막 금요일', 'every 1st, 3rd, and last Fri of the month'],
    ['매월 둘째 화요일', '매월 둘째 화요일', 'every 2nd Tue of the month'],
  ])('%s', (input, ko, en) => {
    const rule = toRRule(parseRecurrence(input), '2026-12-01', '14:00');
    expect(describeRecurrence(translator('ko'), rule)).toBe(ko);
    expect(describeRecurrence(translator('en'), rule)).toBe(en);
  });
});
