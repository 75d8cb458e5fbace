import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysInMonth,
  firstDayOfMonth,
  formatSeoulDateTime,
  formatSeoulTime,
  isClockTime,
  isIsoDate,
  isoDate,
  isWeekend,
  lastDayOfMonth,
  monthOf,
  seoulDate,
  seoulInstant,
  weekday,
  weekdayFromName,
  yearOf,
} from '../../../src/core/calendar/index.ts';

describe('Seoul instants', () => {
  it('seoulInstant is the wall clock at UTC+9, also across a UTC date line', () => {
    expect(seoulInstant('2026-12-01', '08:30').toISOString()).toBe('2026-11-30T23:30:00.000Z');
    expect(seoulInstant('2026-12-01', '09:00').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(seoulInstant('2027-01-01').toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect(seoulInstant('2026-03-31', '23:59').toISOString()).toBe('2026-03-31T14:59:00.000Z');
    expect(seoulInstant('2026-12-01', '08:30')).not.toHaveProperty('timeZone'); // a plain Date
  });

  it('seoulDate: an instant just before midnight UTC is already the next Seoul day', () => {
    expect(seoulDate(new Date('2026-12-31T14:59:59Z'))).toBe('2026-12-31');
    expect(seoulDate(new Date('2026-12-31T15:00:00Z'))).toBe('2027-01-01');
    expect(seoulDate(new Date('2026-02-28T23:59:59Z'))).toBe('2026-03-01');
  });

  it('formats date-times and times in Seoul', () => {
    expect(formatSeoulDateTime(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01 08:30');
    expect(formatSeoulTime(new Date('2026-11-30T15:05:00Z'))).toBe('00:05');
  });

  it('round-trips any date and time', () => {
    const date = fc.integer({ min: 0, max: 30 * 366 }).map((n) => addDays('2000-01-01', n));
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(
      ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    );
    fc.assert(
      fc.property(date, time, (d, t) => {
        const instant = seoulInstant(d, t);
        expect(seoulDate(instant)).toBe(d);
        expect(formatSeoulDateTime(instant)).toBe(`${d} ${t}`);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what is not a date or a time instead of rolling over', () => {
    expect(() => seoulInstant('2026-02-29', '10:00')).toThrow(RangeError);
    expect(() => seoulInstant('2026-02-28', '24:00')).toThrow(RangeError);
    expect(() => seoulInstant('2026-2-3', '10:00')).toThrow(RangeError);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isClockTime('23:59')).toBe(true);
    expect(isClockTime('9:30')).toBe(false);
  });
});

describe('day arithmetic', () => {
  it('crosses month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('daysBetween inverts addDays', () => {
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2027-01-01', '2026-01-01')).toBe(-365);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: -800, max: 800 }), (start, n) => {
        const from = addDays('1990-01-01', start);
        expect(daysBetween(from, addDays(from, n))).toBe(n);
      }),
    );
  });

  it('numbers weekdays 0 = Monday … 6 = Sunday', () => {
    expect(weekday('2026-11-30')).toBe(0); // a Monday
    expect(weekday('2026-12-05')).toBe(5);
    expect(weekday('2026-12-06')).toBe(6);
    expect(weekday('2028-02-29')).toBe(1);
    expect([isWeekend('2026-12-04'), isWeekend('2026-12-05'), isWeekend('2026-12-06')]).toEqual([false, true, true]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (n) => {
        const day = addDays('2000-01-03', n); // a Monday
        expect(weekday(day)).toBe(n % 7);
      }),
    );
  });

  it('reads weekday names in Korean and English', () => {
    expect(['월', '화요일', 'tue', 'Sunday', ' 일요일 '].map(weekdayFromName)).toEqual([0, 1, 1, 6, 6]);
    expect(weekdayFromName('매일')).toBeUndefined();
  });
});

describe('months', () => {
  it('knows month lengths and leap years', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect([4, 6, 9, 11].map((m) => daysInMonth(2026, m))).toEqual([30, 30, 30, 30]);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('first and last days, and month steps across year ends', () => {
    expect(firstDayOfMonth('2026-02')).toBe('2026-02-01');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-01', 14)).toBe('2027-03');
    expect(monthOf('2026-07-31')).toBe('2026-07');
    expect(yearOf('2026-07-31')).toBe(2026);
    expect(() => lastDayOfMonth('2026-13')).toThrow(RangeError);
  });

  it('builds dates from numbers, refusing impossible ones', () => {
    expect(isoDate(2026, 3, 1)).toBe('2026-03-01');
    expect(() => isoDate(2026, 2, 29)).toThrow(RangeError);
    expect(() => isoDate(2026, 0, 1)).toThrow(RangeError);
  });
});
