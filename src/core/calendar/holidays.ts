// Korean public holidays (관공서 공휴일) and working days, with the admin
// closures (휴관일) passed in as a set of dates. Pure rules: no I/O, no clock;
// the closure rows are read by the caller (meetups' closuresBetween). Dates
// and weekdays are the calendar's (./index.ts).
//
// Where the dates come from
// - Lunar holidays (설날, 부처님오신날, 추석): `korean-lunar-calendar`, a
//   zero-dependency table of the Korean (KASI) lunar calendar up to 2050. We
//   only ask it for the solar date of lunar 1/1, 4/8 and 8/15.
// - Everything else is the law, written out below (공휴일에 관한 법률 and
//   관공서의 공휴일에 관한 규정), plus a small table of election days and
//   임시공휴일 that cannot be computed.
// Why not the alternatives (checked against the official 월력요항 dates):
// - `date-holidays` (KR) gets the tested substitutes right but has no 노동절,
//   a public holiday since 2026; its 2033 추석 is 10-07 where KASI has 09-08
//   (the "2033 leap month" question, settled in Korea as 윤11월); it lists one
//   day twice when two substitutes coincide (2025-05-06); and it brings
//   lodash, js-yaml and a moment-timezone tree for what is ~15 rules here.
// - `@hyunbinseo/holidays-kr` is the gazette itself, but only 2018–2027 and
//   async; the scheduler plans series years ahead. Its data is what the tests
//   compare against for those years.
import lunarModule from 'korean-lunar-calendar';
import { addDays, isoDate, isWeekend, monthOf, weekday, yearOf, type IsoDate } from './index.ts';

export type HolidayKind = 'fixed' | 'lunar' | 'substitute' | 'election' | 'extra';

export interface Holiday {
  /** Seoul calendar day, 'YYYY-MM-DD'. */
  readonly date: IsoDate;
  /** Korean name, e.g. '설날', '추석', '대체공휴일(추석)'. */
  readonly name: string;
  readonly kind: HolidayKind;
}

/** What to do with a meeting that falls on a day that is not a working day. */
export type HolidayPolicy = 'next' | 'previous' | 'skip' | 'keep';

/**
 * Years this module answers for. From 2018: the first year whose election days
 * and 임시공휴일 are verified in AD_HOC below. To 2050: the end of the lunar
 * table. Other years throw a RangeError rather than guess.
 */
export const HOLIDAY_YEARS = { min: 2018, max: 2050 } as const;

/**
 * Election days (임기만료 선거일 are public holidays by law) and 임시공휴일
 * (designated by the government, case by case). Dates up to 2026 are in the
 * official 월력요항 / gazette data. Later election days follow from 공직선거법
 * §34 (the law fixes them; 월력요항 lists them once published):
 * - 국회의원: the first Wednesday from the 50th day before the term ends
 *   (5/29) — 2024: 4/9 → 4/10 (the table above agrees); 2028: 4/9 (Sun) → 4/12.
 * - 대통령: the first Wednesday from the 70th day before the term ends. The
 *   21st president took office on 2025-06-04 after the 2025-06-03 by-election
 *   (so there is no 2027 presidential election); the term ends 2030-06-03:
 *   3/25 (Mon) → 3/27.
 * - 지방선거: the first Wednesday from the 30th day before the term ends
 *   (6/30) — 2026: 5/31 (Sun) → 6/3 (agrees); 2030: 5/31 (Fri) → 6/5, but a
 *   day next to a public holiday (6/6 현충일) moves it to the next week's
 *   Wednesday (§34②): 6/12.
 * A by-election, a changed law or a 임시공휴일 is added when it is fixed;
 * until then an admin closure covers it.
 */
const AD_HOC: readonly Holiday[] = [
  { date: '2018-06-13', name: '제7회 전국동시지방선거', kind: 'election' },
  { date: '2020-04-15', name: '제21대 국회의원 선거', kind: 'election' },
  { date: '2020-08-17', name: '임시공휴일', kind: 'extra' },
  { date: '2022-03-09', name: '제20대 대통령 선거', kind: 'election' },
  { date: '2022-06-01', name: '제8회 전국동시지방선거', kind: 'election' },
  { date: '2023-10-02', name: '임시공휴일', kind: 'extra' },
  { date: '2024-04-10', name: '제22대 국회의원 선거', kind: 'election' },
  { date: '2024-10-01', name: '임시공휴일(국군의 날)', kind: 'extra' },
  { date: '2025-01-27', name: '임시공휴일', kind: 'extra' },
  // A presidential by-election: legally a 임시공휴일, listed as an election.
  { date: '2025-06-03', name: '제21대 대통령 선거', kind: 'election' },
  { date: '2026-06-03', name: '제9회 전국동시지방선거', kind: 'election' },
  { date: '2028-04-12', name: '제23대 국회의원 선거', kind: 'election' },
  { date: '2030-03-27', name: '제22대 대통령 선거', kind: 'election' },
  { date: '2030-06-12', name: '제10회 전국동시지방선거', kind: 'election' },
];

/**
 * How a holiday earns a 대체공휴일 (관공서의 공휴일에 관한 규정 제3조):
 * - 'sunday-or-overlap': 설날·추석 연휴 days, when one falls on a Sunday or on
 *   another holiday. A Saturday alone does not count.
 * - 'weekend-or-overlap': the others that have one, when on a Saturday, a
 *   Sunday or another holiday.
 * The substitute is the first following day that is neither a weekend day nor
 * a holiday nor already a substitute; two substitutes never share a day.
 */
type SubstituteRule = 'sunday-or-overlap' | 'weekend-or-overlap' | 'none';

interface FixedHoliday {
  month: number;
  day: number;
  name: string;
  /** First year it is a public holiday; absent = for the whole supported range. */
  since?: number;
  /** First year it earns a substitute; absent = never. */
  substituteSince?: number;
}

// 2014: 설·추석 and 어린이날. August 2021: 3·1절, 광복절, 개천절, 한글날 (the
// 2021 rule reached 광복절 onwards; 3·1절 2021 was a Monday anyway). May 2023:
// 부처님오신날 and 성탄절 (2023-05-27 was the first). 2026: 제헌절 is a public
// holiday again (공휴일법 now names every 국경일, so the 국경일 substitute rule
// covers it: the 2027 월력요항 has 2027-07-19 대체공휴일(제헌절)), and 노동절
// (5/1) became a public holiday by the April 2026 amendment, with substitutes
// (2027-05-03 in the 2027 월력요항). 신정 and 현충일 never have one.
const FIXED: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: '신정' },
  { month: 3, day: 1, name: '3·1절', substituteSince: 2021 },
  { month: 5, day: 1, name: '노동절', since: 2026, substituteSince: 2026 },
  { month: 5, day: 5, name: '어린이날', substituteSince: 2014 },
  { month: 6, day: 6, name: '현충일' },
  { month: 7, day: 17, name: '제헌절', since: 2026, substituteSince: 2026 },
  { month: 8, day: 15, name: '광복절', substituteSince: 2021 },
  { month: 10, day: 3, name: '개천절', substituteSince: 2021 },
  { month: 10, day: 9, name: '한글날', substituteSince: 2021 },
  { month: 12, day: 25, name: '성탄절', substituteSince: 2023 },
];

const SEOLLAL_CHUSEOK_SUBSTITUTE_SINCE = 2014;
const BUDDHA_SUBSTITUTE_SINCE = 2023;

// ---------------------------------------------------------------- lunar

// The package's ESM build default-exports the class, but its bundled .d.ts is
// read as CommonJS under NodeNext, so TypeScript places the class one
// `.default` deeper than it is at run time. Accept either shape.
type LunarCalendarClass = typeof lunarModule.default;
const KoreanLunarCalendar: LunarCalendarClass =
  (lunarModule as unknown as { default?: LunarCalendarClass }).default ?? (lunarModule as unknown as LunarCalendarClass);
const lunar = new KoreanLunarCalendar();

/** The solar date of a (non-leap) Korean lunar date. */
function lunarToSolar(year: number, month: number, day: number): IsoDate {
  if (!lunar.setLunarDate(year, month, day, false)) {
    throw new RangeError(`lunar ${year}-${month}-${day} is outside the lunar table`);
  }
  const solar = lunar.getSolarCalendar();
  return isoDate(solar.year, solar.month, solar.day);
}

// ---------------------------------------------------------------- the year

interface Candidate extends Holiday {
  rule: SubstituteRule;
  /** The name a substitute carries: '대체공휴일(<label>)'. */
  label: string;
}

interface YearTable {
  list: readonly Holiday[];
  byDate: ReadonlyMap<string, readonly Holiday[]>;
}

const years = new Map<number, YearTable>();

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < HOLIDAY_YEARS.min || year > HOLIDAY_YEARS.max) {
    throw new RangeError(`Korean holidays are known for ${HOLIDAY_YEARS.min}–${HOLIDAY_YEARS.max}, not ${year}`);
  }
}

function baseHolidays(year: number): Candidate[] {
  const out: Candidate[] = [];
  for (const f of FIXED) {
    if (f.since !== undefined && year < f.since) continue;
    const rule: SubstituteRule =
      f.substituteSince !== undefined && year >= f.substituteSince ? 'weekend-or-overlap' : 'none';
    out.push({ date: isoDate(year, f.month, f.day), name: f.name, kind: 'fixed', rule, label: f.name });
  }

  const threeDays = (centre: string, label: string): void => {
    const rule: SubstituteRule = year >= SEOLLAL_CHUSEOK_SUBSTITUTE_SINCE ? 'sunday-or-overlap' : 'none';
    out.push({ date: addDays(centre, -1), name: `${label} 전날`, kind: 'lunar', rule, label });
    out.push({ date: centre, name: label, kind: 'lunar', rule, label });
    out.push({ date: addDays(centre, 1), name: `${label} 다음 날`, kind: 'lunar', rule, label });
  };
  threeDays(lunarToSolar(year, 1, 1), '설날');
  out.push({
    date: lunarToSolar(year, 4, 8),
    name: '부처님오신날',
    kind: 'lunar',
    rule: year >= BUDDHA_SUBSTITUTE_SINCE ? 'weekend-or-overlap' : 'none',
    label: '부처님오신날',
  });
  threeDays(lunarToSolar(year, 8, 15), '추석');

  for (const h of AD_HOC) {
    if (h.date.startsWith(`${year}-`)) out.push({ ...h, rule: 'none', label: h.name });
  }
  return out;
}

/** On a shared weekday, who keeps the day: no-substitute holidays, then solar ones, then lunar. */
function keepOrder(c: Candidate): number {
  if (c.rule === 'none') return 0;
  return c.kind === 'lunar' ? 2 : 1;
}

function substitutes(base: readonly Candidate[]): Holiday[] {
  const byDate = new Map<string, Candidate[]>();
  for (const c of base) byDate.set(c.date, [...(byDate.get(c.date) ?? []), c]);
  const taken = new Set(byDate.keys());
  const out: Holiday[] = [];

  for (const [date, candidates] of [...byDate].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const here = [...candidates].sort((a, b) => keepOrder(a) - keepOrder(b));
    const dow = weekday(date);
    const owed = here.filter((c, i) => {
      if (c.rule === 'none') return false;
      if (dow === 6) return true; // Sunday: every rule counts it
      if (dow === 5) return c.rule === 'weekend-or-overlap' || here.length > 1; // Saturday
      return i > 0; // a weekday: the first one keeps it, the rest overlap
    });
    for (const c of owed) {
      let day = addDays(date, 1);
      while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
      taken.add(day);
      out.push({ date: day, name: `대체공휴일(${c.label})`, kind: 'substitute' });
    }
  }
  return out;
}

function yearTable(year: number): YearTable {
  checkYear(year);
  let table = years.get(year);
  if (!table) {
    const base = baseHolidays(year);
    const all: Holiday[] = [
      ...base.map(({ date, name, kind }) => Object.freeze({ date, name, kind })),
      ...substitutes(base).map((h) => Object.freeze(h)),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const byDate = new Map<string, Holiday[]>();
    for (const h of all) byDate.set(h.date, [...(byDate.get(h.date) ?? []), h]);
    table = { list: Object.freeze(all), byDate };
    years.set(year, table);
  }
  return table;
}

// ---------------------------------------------------------------- API

/**
 * The public holidays of a year, by date (a day may carry two, e.g. 2025-05-05
 * 어린이날 and 부처님오신날). Memoised per year; the result is frozen.
 */
export function koreanHolidays(year: number): readonly Holiday[] {
  return yearTable(year).list;
}

/** The holidays on one day (empty on an ordinary day). */
export function holidaysOn(date: IsoDate): readonly Holiday[] {
  return yearTable(yearOf(date)).byDate.get(date) ?? [];
}

/** Admin closures (휴관일 etc.): days off besides the public holidays. */
export type Closures = ReadonlySet<IsoDate>;

/**
 * A public holiday, or a day in `closures`. Weekends are not holidays as
 * such: see isWorkingDay.
 */
export function isHoliday(date: IsoDate, closures?: Closures): boolean {
  const year = yearOf(date); // validates the date first
  return (closures?.has(date) ?? false) || yearTable(year).byDate.has(date);
}

/** Monday to Friday, and neither a holiday nor a closure. */
export function isWorkingDay(date: IsoDate, closures?: Closures): boolean {
  return !isWeekend(date) && !isHoliday(date, closures);
}

/** A year of closures in a row is a configuration mistake, not a calendar. */
const MAX_SHIFT_DAYS = 366;

function stepToWorkingDay(date: IsoDate, step: 1 | -1, closures?: Closures): IsoDate {
  let day = date;
  for (let i = 0; i < MAX_SHIFT_DAYS; i++) {
    day = addDays(day, step);
    if (isWorkingDay(day, closures)) return day;
  }
  throw new RangeError(`no working day within ${MAX_SHIFT_DAYS} days of ${date}`);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate, closures?: Closures): IsoDate {
  return stepToWorkingDay(date, 1, closures);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(date: IsoDate, closures?: Closures): IsoDate {
  return stepToWorkingDay(date, -1, closures);
}

/**
 * Where a meeting on `date` goes when that day is not a working day (a
 * weekend, a holiday or a closure): 'next' / 'previous' working day, 'skip'
 * (null), or 'keep' the date. A working day is returned unchanged whatever
 * the policy. A series that meets on Saturdays on purpose should ask
 * isHoliday itself, or use 'keep'.
 */
export function shiftForHoliday(date: IsoDate, policy: HolidayPolicy, closures?: Closures): IsoDate | null {
  if (isWorkingDay(date, closures)) return date;
  switch (policy) {
    case 'keep':
      return date;
    case 'skip':
      return null;
    case 'next':
      return nextWorkingDay(date, closures);
    case 'previous':
      return previousWorkingDay(date, closures);
  }
}

/** The first working day of a month (1–12), or null if closures take all of it. */
export function firstWorkingDayOfMonth(year: number, month: number, closures?: Closures): IsoDate | null {
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`not a month: ${month}`);
  checkYear(year);
  const first = isoDate(year, month, 1);
  for (let day = first; monthOf(day) === monthOf(first); day = addDays(day, 1)) {
    if (isWorkingDay(day, closures)) return day;
  }
  return null;
}
