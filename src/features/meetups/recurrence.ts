// Recurrence of meetup series: what users write -> an RFC 5545 RRULE (stored),
// and the RRULE -> the dates of a window, shifted for holidays. Pure, no I/O.
//
// Written forms (options or Korean phrases):
//   once | 한 번
//   weekly:화 | 매주 화요일
//   monthly:2:화 | monthly:last:금 | 매월 둘째 화요일 | 매월 마지막 금요일
//   monthly-day:15 | 매월 15일
//   yearly:01-10 | 매년 1월 10일
// Seoul has no daylight saving time, so wall-clock times are expanded as
// "floating" UTC (the rrule library's recommended way) and read back as Seoul.
import rrulePackage from 'rrule';
import { UserError } from '../../core/errors.ts';
import { shiftForHoliday, type Closures, type HolidayPolicy } from '../../core/calendar/holidays.ts';
import { daysInMonth, weekdayFromName, type Weekday } from '../../core/calendar/index.ts';

const { RRule, rrulestr } = rrulePackage as unknown as typeof import('rrule');

export type Recurrence =
  | { kind: 'once' }
  | { kind: 'weekly'; weekday: Weekday }
  | { kind: 'monthly-nth'; nth: number; weekday: Weekday } // nth 1..5, or -1 = last
  | { kind: 'monthly-day'; day: number }
  | { kind: 'yearly'; month: number; day: number };

const ORDINALS: Record<string, number> = {
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, last: -1, '-1': -1,
  첫째: 1, 첫번째: 1, 둘째: 2, 두번째: 2, 셋째: 3, 세번째: 3, 넷째: 4, 네번째: 4, 다섯째: 5, 다섯번째: 5, 마지막: -1,
};
// Indexed by the calendar's Weekday (0 = Monday), which is rrule's order too.
const RRULE_DAYS = () => [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

const bad = (value: string): never => {
  throw new UserError('meetup.badRepeat', { value });
};

export function parseRecurrence(input: string): Recurrence {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === 'once' || text === '한 번' || text === '한번' || text === '1회') return { kind: 'once' };

  // Option forms: weekly:화, monthly:2:화, monthly-day:15, yearly:01-10
  const parts = text.split(':');
  if (parts.length > 1) {
    const [kind, a, b] = parts;
    if (kind === 'weekly' && a !== undefined && parts.length === 2) {
      const day = weekdayFromName(a);
      return day === undefined ? bad(input) : { kind: 'weekly', weekday: day };
    }
    if (kind === 'monthly' && a !== undefined && b !== undefined && parts.length === 3) {
      const nth = ORDINALS[a];
      const day = weekdayFromName(b);
      return nth === undefined || day === undefined ? bad(input) : { kind: 'monthly-nth', nth, weekday: day };
    }
    if (kind === 'monthly-day' && a !== undefined && parts.length === 2) return monthlyDay(Number(a), input);
    if (kind === 'yearly' && a !== undefined && parts.length === 2) {
      const m = /^(\d{1,2})-(\d{1,2})$/.exec(a);
      return m ? yearly(Number(m[1]), Number(m[2]), input) : bad(input);
    }
    return bad(input);
  }

  // Korean phrases
  let m = /^매주 (\S+?)(요일)?$/.exec(text);
  if (m) {
    const day = weekdayFromName(m[1]);
    return day === undefined ? bad(input) : { kind: 'weekly', weekday: day };
  }
  m = /^매월 (\S+) (\S+?)(요일)?$/.exec(text);
  if (m && ORDINALS[m[1]] !== undefined && weekdayFromName(m[2]) !== undefined) {
    return { kind: 'monthly-nth', nth: ORDINALS[m[1]], weekday: weekdayFromName(m[2]) as Weekday };
  }
  m = /^매(월|달) (\d{1,2})일$/.exec(text);
  if (m) return monthlyDay(Number(m[2]), input);
  m = /^매년 (\d{1,2})월 (\d{1,2})일$/.exec(text);
  if (m) return yearly(Number(m[1]), Number(m[2]), input);
  return bad(input);
}

function monthlyDay(day: number, input: string): Recurrence {
  return Number.isInteger(day) && day >= 1 && day <= 31 ? { kind: 'monthly-day', day } : bad(input);
}

function yearly(month: number, day: number, input: string): Recurrence {
  // A leap year, so 매년 2월 29일 is accepted (rrule skips it in other years).
  const ok = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2024, month);
  return ok ? { kind: 'yearly', month, day } : bad(input);
}

const floating = (date: string, time: string) => new Date(`${date}T${time}:00Z`);
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** RFC 5545 text (DTSTART + RRULE) for a series starting on `start` at `time` (Seoul). */
export function toRRule(rec: Recurrence, start: string, time: string, until?: string): string {
  const base = { dtstart: floating(start, time), until: until ? floating(until, '23:59') : null };
  const days = RRULE_DAYS();
  switch (rec.kind) {
    case 'once':
      return new RRule({ ...base, freq: RRule.DAILY, count: 1, until: null }).toString();
    case 'weekly':
      return new RRule({ ...base, freq: RRule.WEEKLY, byweekday: [days[rec.weekday]] }).toString();
    case 'monthly-nth':
      return new RRule({ ...base, freq: RRule.MONTHLY, byweekday: [days[rec.weekday].nth(rec.nth)] }).toString();
    case 'monthly-day':
      return new RRule({ ...base, freq: RRule.MONTHLY, bymonthday: [rec.day] }).toString();
    case 'yearly':
      return new RRule({ ...base, freq: RRule.YEARLY, bymonth: [rec.month], bymonthday: [rec.day] }).toString();
  }
}

export interface PlannedDate {
  /** The date the rule gives: the occurrence's identity (RSVPs and changes hang on it). */
  original: string;
  /** Where it lands after the holiday policy. */
  date: string;
  time: string;
}

/**
 * Occurrences whose original date lies in [from, to] (Seoul days), shifted by
 * the holiday policy; `skip` drops those on non-working days.
 */
export function plannedDates(
  rrule: string,
  from: string,
  to: string,
  policy: HolidayPolicy,
  closures?: Closures,
): PlannedDate[] {
  const rule = rrulestr(rrule);
  const out: PlannedDate[] = [];
  for (const instant of rule.between(floating(from, '00:00'), floating(to, '23:59'), true)) {
    const original = dateOf(instant);
    const time = instant.toISOString().slice(11, 16);
    const date = shiftForHoliday(original, policy, closures);
    if (date) out.push({ original, date, time });
  }
  return out;
}

export function recurrenceFromRRule(rrule: string): Recurrence {
  const options = rrulestr(rrule).origOptions;
  const days = RRULE_DAYS();
  const dayIndex = (d: unknown) => days.findIndex((x) => x.weekday === (d as { weekday: number }).weekday) as Weekday;
  const byweekday = ([] as unknown[]).concat(options.byweekday ?? []);
  if (options.count === 1) return { kind: 'once' };
  if (options.freq === RRule.WEEKLY) return { kind: 'weekly', weekday: dayIndex(byweekday[0]) };
  if (options.freq === RRule.MONTHLY && byweekday.length) {
    return { kind: 'monthly-nth', nth: (byweekday[0] as { n?: number }).n ?? 1, weekday: dayIndex(byweekday[0]) };
  }
  const monthday = ([] as number[]).concat(options.bymonthday ?? [])[0];
  if (options.freq === RRule.MONTHLY) return { kind: 'monthly-day', day: monthday };
  return { kind: 'yearly', month: ([] as number[]).concat(options.bymonth ?? [])[0], day: monthday };
}
