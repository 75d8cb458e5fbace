// The one calendar: Seoul calendar days, wall-clock times and months. Every
// feature computes dates here (holidays and working days: ./holidays.ts).
//
// - A date is a Seoul calendar day written 'YYYY-MM-DD' (IsoDate); a month is
//   'YYYY-MM' (IsoMonth); a time is a Seoul wall-clock 'HH:mm'.
// - Instants (Date) are stored in UTC; they become Seoul days and times only
//   through @date-fns/tz, never through a hard-coded offset or the host's zone.
// - A calendar day has no zone, so day arithmetic runs date-fns on plain Dates
//   at local noon (clear of any DST gap: the same day on every host). A TZDate
//   there would cost ~25 µs per step (Intl), which made the holiday and
//   recurrence loops eight times slower.
// - Weekdays are numbered 0 = Monday … 6 = Sunday (ISO order from 0): the
//   order of rrule's weekdays and of the catalogs' `weekday.N` strings.
import { TZDate, tzOffset } from '@date-fns/tz';
import { addDays as addDaysFns } from 'date-fns/addDays';
import { addMonths as addMonthsFns } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { getISODay } from 'date-fns/getISODay';
import { lastDayOfMonth as lastDayOfMonthFns } from 'date-fns/lastDayOfMonth';
import { lightFormat } from 'date-fns/lightFormat';
import { SEOUL } from '../clock.ts';

/** A Seoul calendar day, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A calendar month, 'YYYY-MM'. */
export type IsoMonth = string;
/** 0 = Monday … 6 = Sunday. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

// ---------------------------------------------------------------- parsing

/** [year, month 1–12, day] of a real calendar date, or null. */
function partsOf(date: string): [number, number, number] | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Reject 02-30 and month 13 instead of letting Date roll them over.
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? [y, mo, d] : null;
}

function parts(date: IsoDate): [number, number, number] {
  const p = partsOf(date);
  if (!p) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return p;
}

function monthParts(month: IsoMonth): [number, number] {
  const m = ISO_MONTH.exec(month);
  const [y, mo] = m ? [Number(m[1]), Number(m[2])] : [NaN, NaN];
  if (!(mo >= 1 && mo <= 12)) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return [y, mo];
}

/** A calendar day as a plain Date at local noon, for date-fns. */
function noon(year: number, month: number, day: number): Date {
  const d = new Date(2000, 0, 1, 12);
  d.setFullYear(year, month - 1, day); // unlike new Date(y, …), keeps years < 100
  return d;
}

const dayOf = (date: IsoDate): Date => noon(...parts(date));
const dateOf = (d: Date): IsoDate => lightFormat(d, 'yyyy-MM-dd');

/** 'YYYY-MM-DD' naming a real day (no 02-30). */
export function isIsoDate(value: string): boolean {
  return partsOf(value) !== null;
}

/** 'HH:mm', 00:00–23:59. */
export function isClockTime(value: string): boolean {
  return CLOCK_TIME.test(value);
}

/** The date of year/month (1–12)/day; a RangeError if there is no such day. */
export function isoDate(year: number, month: number, day: number): IsoDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  parts(date);
  return date;
}

// ---------------------------------------------------------------- instants

/** The Seoul calendar day an instant falls on (today = seoulDate(clock.now())). */
export function seoulDate(instant: Date): IsoDate {
  return format(new TZDate(instant, SEOUL), 'yyyy-MM-dd');
}

/** 'YYYY-MM-DD HH:mm' in Seoul. */
export function formatSeoulDateTime(instant: Date): string {
  return format(new TZDate(instant, SEOUL), 'yyyy-MM-dd HH:mm');
}

/** 'HH:mm' in Seoul. */
export function formatSeoulTime(instant: Date): string {
  return format(new TZDate(instant, SEOUL), 'HH:mm');
}

/** The instant of a Seoul wall-clock time (midnight by default). */
export function seoulInstant(date: IsoDate, time = '00:00'): Date {
  const [y, m, d] = parts(date);
  const hm = CLOCK_TIME.exec(time);
  if (!hm) throw new RangeError(`not a time (HH:mm): ${JSON.stringify(time)}`);
  // Seoul's offset from the tz database, read at the instant itself (the second
  // read would matter only in a zone with DST). tzOffset rather than a TZDate:
  // this runs per occurrence, and a TZDate costs ~8x as much.
  const wall = Date.UTC(y, m - 1, d, Number(hm[1]), Number(hm[2]));
  const offset = tzOffset(SEOUL, new Date(wall - tzOffset(SEOUL, new Date(wall)) * 60_000));
  return new Date(wall - offset * 60_000);
}

// ---------------------------------------------------------------- days

export function addDays(date: IsoDate, days: number): IsoDate {
  return dateOf(addDaysFns(dayOf(date), days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(dayOf(to), dayOf(from));
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(date: IsoDate): Weekday {
  return (getISODay(dayOf(date)) - 1) as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 5;
}

// Korean and English names (and 3-letter prefixes) as users type them.
const WEEKDAY_NAMES: Record<string, Weekday> = {
  월: 0, 화: 1, 수: 2, 목: 3, 금: 4, 토: 5, 일: 6,
  mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6,
};

/** '화', '화요일', 'tue', 'Tuesday' -> 1; undefined for anything else. */
export function weekdayFromName(word: string): Weekday | undefined {
  const w = word.trim().toLowerCase().replace(/요일$/, '');
  return WEEKDAY_NAMES[w] ?? WEEKDAY_NAMES[w.slice(0, 3)];
}

// ---------------------------------------------------------------- months

export function yearOf(date: IsoDate): number {
  return parts(date)[0];
}

export function monthOf(date: IsoDate): IsoMonth {
  parts(date);
  return date.slice(0, 7);
}

/** Days in a month (1–12): 28–31, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(noon(year, month, 1));
}

export function firstDayOfMonth(month: IsoMonth): IsoDate {
  monthParts(month);
  return `${month}-01`;
}

export function lastDayOfMonth(month: IsoMonth): IsoDate {
  const [y, m] = monthParts(month);
  return dateOf(lastDayOfMonthFns(noon(y, m, 1)));
}

export function addMonths(month: IsoMonth, months: number): IsoMonth {
  const [y, m] = monthParts(month);
  return lightFormat(addMonthsFns(noon(y, m, 1), months), 'yyyy-MM');
}
