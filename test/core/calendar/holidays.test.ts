import { getDay } from 'date-fns/getDay';
import { parseISO } from 'date-fns/parseISO';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  firstWorkingDayOfMonth,
  HOLIDAY_YEARS,
  holidaysOn,
  isHoliday,
  isWorkingDay,
  koreanHolidays,
  shiftForHoliday,
  type Holiday,
} from '../../../src/core/calendar/holidays.ts';

/** Weekday by date-fns, independently of the module: 0 = Sunday … 6 = Saturday. */
const dow = (date: string): number => getDay(parseISO(date));
const SUN = 0;
const SAT = 6;

const datesOf = (year: number): string[] => [...new Set(koreanHolidays(year).map((h) => h.date))].sort();
const on = (date: string): string[] => holidaysOn(date).map((h) => h.name);
const substitutesOf = (year: number): Holiday[] => koreanHolidays(year).filter((h) => h.kind === 'substitute');

describe('known dates (domain.md)', () => {
  it('2025: 설 1/28–30; 추석 10/5–7 with 대체 10/8', () => {
    expect(on('2025-01-28')).toEqual(['설날 전날']);
    expect(on('2025-01-29')).toEqual(['설날']);
    expect(on('2025-01-30')).toEqual(['설날 다음 날']);
    expect(on('2025-10-05')).toEqual(['추석 전날']);
    expect(on('2025-10-06')).toEqual(['추석']);
    expect(on('2025-10-07')).toEqual(['추석 다음 날']);
    // 10/5 is a Sunday; 10/6–7 are 추석 itself, so the first free day is 10/8.
    expect(dow('2025-10-05')).toBe(SUN);
    expect(holidaysOn('2025-10-08')).toEqual([{ date: '2025-10-08', name: '대체공휴일(추석)', kind: 'substitute' }]);
  });

  it('2026: 설 2/16–18; 추석 9/24–26 and no 대체 (a Saturday does not trigger one)', () => {
    expect(koreanHolidays(2026).filter((h) => h.kind === 'lunar' && h.name.startsWith('설날')).map((h) => h.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
    ]);
    expect(koreanHolidays(2026).filter((h) => h.name.includes('추석')).map((h) => h.date)).toEqual([
      '2026-09-24',
      '2026-09-25',
      '2026-09-26',
    ]);
    expect(dow('2026-09-26')).toBe(SAT);
    expect(isHoliday('2026-09-28')).toBe(false);
  });
});

describe('fixed holidays and substitutes', () => {
  it('제헌절 is a holiday from 2026 only', () => {
    expect(on('2026-07-17')).toEqual(['제헌절']);
    expect(isHoliday('2025-07-17')).toBe(false);
    expect(koreanHolidays(2025).some((h) => h.name === '제헌절')).toBe(false);
  });

  it('어린이날 2024 on a Sunday -> 2024-05-06', () => {
    expect(dow('2024-05-05')).toBe(SUN);
    expect(on('2024-05-06')).toEqual(['대체공휴일(어린이날)']);
  });

  it('부처님오신날 2025 coincides with 어린이날 -> one substitute on 2025-05-06', () => {
    expect(on('2025-05-05').sort()).toEqual(['부처님오신날', '어린이날']);
    expect(dow('2025-05-05')).toBe(1);
    expect(on('2025-05-06')).toEqual(['대체공휴일(부처님오신날)']);
    expect(isHoliday('2025-05-07')).toBe(false);
  });

  it('성탄절 2027 on a Saturday -> 2027-12-27', () => {
    expect(dow('2027-12-25')).toBe(SAT);
    expect(on('2027-12-27')).toEqual(['대체공휴일(성탄절)']);
  });

  it('신정 never gets a substitute (2028-01-01 is a Saturday, 2023-01-01 a Sunday)', () => {
    expect(dow('2028-01-01')).toBe(SAT);
    expect(dow('2023-01-01')).toBe(SUN);
    expect(isHoliday('2028-01-03')).toBe(false);
    expect(isHoliday('2023-01-02')).toBe(false);
    for (let y = HOLIDAY_YEARS.min; y <= HOLIDAY_YEARS.max; y++) {
      expect(substitutesOf(y).filter((h) => h.name.includes('신정'))).toEqual([]);
    }
  });

  it('현충일 never gets a substitute (2027-06-06 is a Sunday)', () => {
    expect(dow('2027-06-06')).toBe(SUN);
    expect(isHoliday('2027-06-07')).toBe(false);
    for (let y = HOLIDAY_YEARS.min; y <= HOLIDAY_YEARS.max; y++) {
      expect(substitutesOf(y).filter((h) => h.name.includes('현충일'))).toEqual([]);
    }
  });

  it('광복절 2026-08-15 (Saturday) -> 08-17; 개천절 2026-10-03 (Saturday) -> 10-05', () => {
    expect(dow('2026-08-15')).toBe(SAT);
    expect(on('2026-08-17')).toEqual(['대체공휴일(광복절)']);
    expect(dow('2026-10-03')).toBe(SAT);
    expect(on('2026-10-05')).toEqual(['대체공휴일(개천절)']);
  });

  it('3·1절 2026 on a Sunday -> 03-02', () => {
    expect(dow('2026-03-01')).toBe(SUN);
    expect(on('2026-03-02')).toEqual(['대체공휴일(3·1절)']);
  });

  it('제헌절 and 노동절 earn substitutes from 2026 (2027 월력요항: 07-19, 05-03)', () => {
    expect(dow('2027-07-17')).toBe(SAT);
    expect(on('2027-07-19')).toEqual(['대체공휴일(제헌절)']);
    expect(dow('2027-05-01')).toBe(SAT);
    expect(on('2027-05-03')).toEqual(['대체공휴일(노동절)']);
  });

  it('a 설/추석 day on a weekday holiday earns one: 2028 추석 meets 개천절 -> 10-05', () => {
    expect(on('2028-10-03').sort()).toEqual(['개천절', '추석']);
    expect(on('2028-10-05')).toEqual(['대체공휴일(추석)']);
    expect(isHoliday('2028-10-06')).toBe(false);
  });

  it('substitutes older than their rule do not exist (성탄절 2021 Saturday, 개천절 2020 Saturday)', () => {
    expect(dow('2021-12-25')).toBe(SAT);
    expect(isHoliday('2021-12-27')).toBe(false);
    expect(dow('2020-10-03')).toBe(SAT);
    expect(isHoliday('2020-10-05')).toBe(false);
  });

  it('election days and 임시공휴일 are in the table', () => {
    expect(holidaysOn('2025-06-03')).toEqual([{ date: '2025-06-03', name: '제21대 대통령 선거', kind: 'election' }]);
    expect(holidaysOn('2026-06-03')[0]).toMatchObject({ kind: 'election', name: '제9회 전국동시지방선거' });
    expect(holidaysOn('2024-04-10')[0]).toMatchObject({ kind: 'election' });
    expect(holidaysOn('2022-03-09')[0]).toMatchObject({ kind: 'election' });
    expect(holidaysOn('2022-06-01')[0]).toMatchObject({ kind: 'election' });
    expect(holidaysOn('2024-10-01')[0]).toMatchObject({ kind: 'extra' });
    expect(holidaysOn('2025-01-27')[0]).toMatchObject({ kind: 'extra' });
  });

  // 공직선거법 §34: the first Wednesday from the 50th (국회), 70th (대통령) or 30th
  // (지방) day before the term ends; a day next to a public holiday moves a week.
  it('election days fixed by law ahead of the gazette: 2028 국회의원, 2030 대통령 and 지방선거', () => {
    expect(holidaysOn('2028-04-12')).toEqual([{ date: '2028-04-12', name: '제23대 국회의원 선거', kind: 'election' }]);
    expect(dow('2028-04-12')).toBe(3);
    expect(holidaysOn('2030-03-27')[0]).toMatchObject({ kind: 'election', name: '제22대 대통령 선거' });
    // 2030-06-05 would sit next to 현충일 (6/6): the next Wednesday.
    expect(isHoliday('2030-06-05')).toBe(false);
    expect(holidaysOn('2030-06-12')[0]).toMatchObject({ kind: 'election', name: '제10회 전국동시지방선거' });
    // The 21st presidential election was the 2025 by-election: none in 2027.
    expect(koreanHolidays(2027).filter((h) => h.kind === 'election')).toEqual([]);
    expect(koreanHolidays(2028).filter((h) => h.kind === 'election').map((h) => h.date)).toEqual(['2028-04-12']);
  });

  // The 2033 leap month was disputed; KASI settled on 윤11월, which keeps 추석
  // on 09-08 (a Chinese-style computation gives 10-07). Revisit if KASI changes.
  it('2033 추석 follows KASI: 09-07..09-09', () => {
    expect(on('2033-09-08')).toEqual(['추석']);
  });
});

// Official 월력요항 dates (as published in @hyunbinseo/holidays-kr 5.2027.1,
// which follows the gazette and the 2026 amendments: 노동절, 제헌절).
const GAZETTE: Record<number, string> = {
  2018: '01-01 02-15 02-16 02-17 03-01 05-05 05-07 05-22 06-06 06-13 08-15 09-23 09-24 09-25 09-26 10-03 10-09 12-25',
  2019: '01-01 02-04 02-05 02-06 03-01 05-05 05-06 05-12 06-06 08-15 09-12 09-13 09-14 10-03 10-09 12-25',
  2020: '01-01 01-24 01-25 01-26 01-27 03-01 04-15 04-30 05-05 06-06 08-15 08-17 09-30 10-01 10-02 10-03 10-09 12-25',
  2021: '01-01 02-11 02-12 02-13 03-01 05-05 05-19 06-06 08-15 08-16 09-20 09-21 09-22 10-03 10-04 10-09 10-11 12-25',
  2022: '01-01 01-31 02-01 02-02 03-01 03-09 05-05 05-08 06-01 06-06 08-15 09-09 09-10 09-11 09-12 10-03 10-09 10-10 12-25',
  2023: '01-01 01-21 01-22 01-23 01-24 03-01 05-05 05-27 05-29 06-06 08-15 09-28 09-29 09-30 10-02 10-03 10-09 12-25',
  2024: '01-01 02-09 02-10 02-11 02-12 03-01 04-10 05-05 05-06 05-15 06-06 08-15 09-16 09-17 09-18 10-01 10-03 10-09 12-25',
  2025: '01-01 01-27 01-28 01-29 01-30 03-01 03-03 05-05 05-06 06-03 06-06 08-15 10-03 10-05 10-06 10-07 10-08 10-09 12-25',
  2026: '01-01 02-16 02-17 02-18 03-01 03-02 05-01 05-05 05-24 05-25 06-03 06-06 07-17 08-15 08-17 09-24 09-25 09-26 10-03 10-05 10-09 12-25',
  2027: '01-01 02-06 02-07 02-08 02-09 03-01 05-01 05-03 05-05 05-13 06-06 07-17 07-19 08-15 08-16 09-14 09-15 09-16 10-03 10-04 10-09 10-11 12-25 12-27',
};

describe('against the official 월력요항 2018–2027', () => {
  for (const [year, days] of Object.entries(GAZETTE)) {
    it(`${year}`, () => {
      expect(datesOf(Number(year))).toEqual(days.split(' ').map((md) => `${year}-${md}`));
    });
  }
});

describe('invariants over every supported year', () => {
  it('holds for 2018–2050', () => {
    for (let y = HOLIDAY_YEARS.min; y <= HOLIDAY_YEARS.max; y++) {
      const all = koreanHolidays(y);
      expect(all.every((h) => h.date.startsWith(`${y}-`))).toBe(true);
      expect([...all].map((h) => h.date)).toEqual([...all].map((h) => h.date).sort());
      const subs = substitutesOf(y);
      const others = new Set(all.filter((h) => h.kind !== 'substitute').map((h) => h.date));
      for (const s of subs) {
        expect(dow(s.date), `${s.date} ${s.name}`).not.toBe(SAT);
        expect(dow(s.date), `${s.date} ${s.name}`).not.toBe(SUN);
        expect(others.has(s.date), `${s.date} ${s.name}`).toBe(false);
      }
      expect(new Set(subs.map((s) => s.date)).size).toBe(subs.length);
      // 설 and 추석 are three consecutive days each.
      for (const label of ['설날', '추석']) {
        const block = all.filter((h) => h.kind === 'lunar' && h.name.startsWith(label)).map((h) => h.date);
        expect(block).toHaveLength(3);
        expect((Date.parse(block[2]) - Date.parse(block[0])) / 86_400_000).toBe(2);
      }
      // 설/추석 substitutes only come from a Sunday or a shared day inside the block.
      for (const label of ['설날', '추석']) {
        const block = all.filter((h) => h.kind === 'lunar' && h.name.startsWith(label)).map((h) => h.date);
        const triggers = block.filter((d) => dow(d) === SUN || holidaysOn(d).length > 1).length;
        expect(subs.filter((s) => s.name === `대체공휴일(${label})`)).toHaveLength(triggers);
      }
    }
  });

  it('memoises per year and hands out frozen results', () => {
    expect(koreanHolidays(2026)).toBe(koreanHolidays(2026));
    expect(Object.isFrozen(koreanHolidays(2026))).toBe(true);
    expect(Object.isFrozen(koreanHolidays(2026)[0])).toBe(true);
  });

  it('refuses years it cannot answer for and malformed dates', () => {
    expect(() => koreanHolidays(2017)).toThrow(RangeError);
    expect(() => koreanHolidays(2051)).toThrow(RangeError);
    expect(() => koreanHolidays(2026.5)).toThrow(RangeError);
    expect(() => isHoliday('2026-02-30')).toThrow(RangeError);
    expect(() => isHoliday('2026-2-3')).toThrow(RangeError);
    expect(() => isWorkingDay('20260203')).toThrow(RangeError);
    expect(() => firstWorkingDayOfMonth(2026, 13)).toThrow(RangeError);
  });
});

describe('working days and shifting', () => {
  it('weekends and holidays are not working days; weekends are not holidays', () => {
    expect(isWorkingDay('2026-09-23')).toBe(true);
    expect(isWorkingDay('2026-09-24')).toBe(false);
    expect(isHoliday('2026-09-27')).toBe(false);
    expect(isWorkingDay('2026-09-27')).toBe(false);
  });

  it('a meeting on 2026-09-24 (추석 전날)', () => {
    expect([dow('2026-09-27'), dow('2026-09-28')]).toEqual([SUN, 1]);
    expect(shiftForHoliday('2026-09-24', 'next')).toBe('2026-09-28');
    expect(shiftForHoliday('2026-09-24', 'previous')).toBe('2026-09-23');
    expect(shiftForHoliday('2026-09-24', 'skip')).toBeNull();
    expect(shiftForHoliday('2026-09-24', 'keep')).toBe('2026-09-24');
  });

  it('a working day stays whatever the policy', () => {
    for (const policy of ['next', 'previous', 'skip', 'keep'] as const) {
      expect(shiftForHoliday('2026-09-23', policy)).toBe('2026-09-23');
    }
  });

  it('honours admin closures in extra', () => {
    const extra = new Set(['2026-12-24', '2026-09-28']);
    expect(isHoliday('2026-12-24', extra)).toBe(true);
    expect(isWorkingDay('2026-12-24', extra)).toBe(false);
    expect(isWorkingDay('2026-12-24')).toBe(true);
    // 12/24 closed, 12/25 성탄절, 26–27 weekend.
    expect(shiftForHoliday('2026-12-24', 'next', extra)).toBe('2026-12-28');
    expect(shiftForHoliday('2026-12-24', 'previous', extra)).toBe('2026-12-23');
    expect(shiftForHoliday('2026-09-24', 'next', extra)).toBe('2026-09-29');
  });

  it('first working day of a month', () => {
    expect(firstWorkingDayOfMonth(2026, 1)).toBe('2026-01-02');
    // 3/1 is a Sunday and 3/2 its substitute.
    expect(firstWorkingDayOfMonth(2026, 3)).toBe('2026-03-03');
    expect(firstWorkingDayOfMonth(2026, 2)).toBe('2026-02-02');
    expect(firstWorkingDayOfMonth(2026, 3, new Set(['2026-03-03']))).toBe('2026-03-04');
    const wholeMonth = new Set(Array.from({ length: 28 }, (_, i) => `2027-02-${String(i + 1).padStart(2, '0')}`));
    expect(firstWorkingDayOfMonth(2027, 2, wholeMonth)).toBeNull();
  });
});

describe('properties', () => {
  const DAY = 86_400_000;
  // Keep a margin from the supported range so 'previous' and 'next' stay inside it.
  const day = fc
    .integer({ min: Date.UTC(2018, 0, 15) / DAY, max: Date.UTC(2050, 11, 15) / DAY })
    .map((n) => new Date(n * DAY).toISOString().slice(0, 10));
  const gap = (a: string, b: string): number => (Date.parse(b) - Date.parse(a)) / DAY;

  it("'next' lands on a working day within 10 days, skipping only non-working days", () => {
    fc.assert(
      fc.property(day, (date) => {
        const next = shiftForHoliday(date, 'next')!;
        expect(isWorkingDay(next)).toBe(true);
        expect(gap(date, next)).toBeGreaterThanOrEqual(0);
        expect(gap(date, next)).toBeLessThanOrEqual(10);
        for (let d = 1; d < gap(date, next); d++) {
          expect(isWorkingDay(new Date(Date.parse(date) + d * DAY).toISOString().slice(0, 10))).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("'previous' lands on a working day within 10 days before", () => {
    fc.assert(
      fc.property(day, (date) => {
        const previous = shiftForHoliday(date, 'previous')!;
        expect(isWorkingDay(previous)).toBe(true);
        expect(gap(previous, date)).toBeGreaterThanOrEqual(0);
        expect(gap(previous, date)).toBeLessThanOrEqual(10);
      }),
      { numRuns: 500 },
    );
  });

  it("'skip' is null exactly on non-working days and 'keep' never moves", () => {
    fc.assert(
      fc.property(day, fc.uniqueArray(day, { maxLength: 5 }), (date, closed) => {
        const extra = new Set(closed);
        expect(shiftForHoliday(date, 'skip', extra) === null).toBe(!isWorkingDay(date, extra));
        expect(shiftForHoliday(date, 'keep', extra)).toBe(date);
        const next = shiftForHoliday(date, 'next', extra)!;
        expect(isWorkingDay(next, extra)).toBe(true);
        expect(extra.has(next)).toBe(false);
        expect(gap(date, next)).toBeLessThanOrEqual(10 + closed.length);
      }),
      { numRuns: 300 },
    );
  });
});
