// Recurrence of meetup series: what users write -> an RFC 5545 RRULE (stored),
// and the RRULE -> the dates of a window, shifted for holidays. Pure, no I/O.
//
// Written forms (options, Korean phrases, or an RRULE the model can hold):
//   once | 한 번 | 한번 | 1회
//   weekly:화 | 매주 화요일 | 매주 화 | 화요일마다
//   biweekly:화 | 격주 화요일 | 2주마다 화요일 (every other week from the start date)
//   monthly:2:화 | monthly:last:금 | 매월 둘째 화요일 | 매월 셋째주 화요일 |
//     매월 셋째 주 화요일 | 매달 3번째 화요일 | 매월 마지막 금요일 | 매월 마지막 주 금요일
//   several weeks on one weekday: monthly:2,4:화 | 매월 둘째·넷째 화요일 | 매월 둘째, 넷째 화요일 |
//     매월 2·4주 화요일 | 매달 2,4째주 화 | 매월 첫째·마지막 금요일 | every 2nd and 4th tuesday
//   monthly-day:15 | 매월 15일 | 매달 15일 | monthly-day:last | 매월 말일
//   yearly:01-10 | 매년 1월 10일
//   RRULE:FREQ=MONTHLY;BYDAY=3TU (or FREQ=…; no DTSTART: start= gives it)
// 매월 and 매달 are the same; a trailing 마다 or 에 is ignored.
// Seoul has no daylight saving time, so wall-clock times are expanded as
// "floating" UTC (the rrule library's recommended way) and read back as Seoul.
import rrulePackage from 'rrule';
import { UserError } from '../../core/errors.ts';
import { shiftForHoliday, type Closures, type HolidayPolicy } from '../../core/calendar/holidays.ts';
import { daysInMonth, weekdayFromName, type Weekday } from '../../core/calendar/index.ts';

const { RRule, rrulestr } = rrulePackage as unknown as typeof import('rrule');

export type Recurrence =
  | { kind: 'once' }
  | { kind: 'weekly'; weekday: Weekday; /** 2 = every other week (격주) */ interval?: number }
  | { kind: 'monthly-nth'; /** ascending, each 1..5 or -1 = last (last at the end) */ nths: number[]; weekday: Weekday }
  | { kind: 'monthly-day'; day: number } // day -1 = the last day (말일)
  | { kind: 'yearly'; month: number; day: number };

const ORDINALS: Record<string, number> = {
  '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, last: -1, '-1': -1,
  첫째: 1, 첫번째: 1, 첫: 1, 둘째: 2, 두번째: 2, 셋째: 3, 세번째: 3, 넷째: 4, 네번째: 4, 다섯째: 5, 다섯번째: 5, 마지막: -1,
  '1번째': 1, '2번째': 2, '3번째': 3, '4번째': 4, '5번째': 5,
  '1st': 1, '2nd': 2, '3rd': 3, '4th': 4, '5th': 5, first: 1, second: 2, third: 3, fourth: 4, fifth: 5,
};
// Between the ordinals of one rule: 둘째·넷째, 둘째, 넷째, 2,4째주, 2nd and 4th.
const ORDINAL_SEPARATORS = /[\s·ㆍ・,，、&/]+/;
const ORDINAL_FILLERS = new Set(['', '주', '및', 'and']);
// Indexed by the calendar's Weekday (0 = Monday), which is rrule's order too.
const RRULE_DAYS = () => [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU];

const bad = (value: string): never => {
  throw new UserError('meetup.badRepeat');
};

/**
 * Weeks of the month on one weekday: `words` are the ordinals (`둘째·넷째`, `2·4주`, `2nd and 4th`), `dayName` the weekday.
 * Wrong ordinals, one written twice, or no weekday each get their own error with an example.
 */
function monthlyNth(words: string, dayName: string | undefined, input: string): Recurrence {
  const tokens = words.split(ORDINAL_SEPARATORS).map((w) => w.replace(/(?<=.)주$/, '')).filter((w) => !ORDINAL_FILLERS.has(w));
  if (!tokens.length) return bad(input);
  const nths = tokens.map(ordinal).filter((n) => n !== undefined);
  if (nths.length < tokens.length) {
    // 여섯째, 6, 6th: an ordinal out of range; anything else is not a month rule at all.
    if (tokens.every((w) => ordinal(w) !== undefined || /(째|^\d+|\d(st|nd|rd|th))$/.test(w))) throw new UserError('meetup.badRepeatNth');
    return bad(input);
  }
  if (new Set(nths).size < nths.length) throw new UserError('meetup.repeatNthTwice');
  const weekday = dayName === undefined ? undefined : weekdayFromName(dayName);
  if (weekday === undefined) throw new UserError('meetup.repeatNoWeekday');
  return { kind: 'monthly-nth', nths: inMonthOrder(nths), weekday };
}

const ordinal = (word: string): number | undefined => {
  const w = word.replace(/^(\d)째$/, '$1'); // 4째(주)
  return Object.hasOwn(ORDINALS, w) ? ORDINALS[w] : undefined;
};

/** 1st, 2nd, … 5th, then the last. */
const inMonthOrder = (nths: number[]) => [...nths].sort((a, b) => (a === -1 ? 6 : a) - (b === -1 ? 6 : b));

export function parseRecurrence(input: string): Recurrence {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/(마다|에| of the month)$/, '')
    .replace(/^매달/, '매월')
    .trim();
  if (text === 'once' || text === '한 번' || text === '한번' || text === '1회') return { kind: 'once' };
  if (/^(rrule:|freq=)/.test(text)) return fromRRuleText(input);

  // Option forms: weekly:화, biweekly:화, monthly:2:화, monthly-day:15, yearly:01-10
  const parts = text.split(':');
  if (parts.length > 1) {
    const [kind, a, b] = parts;
    if ((kind === 'weekly' || kind === 'biweekly') && a !== undefined && parts.length === 2) return weekly(a, kind === 'biweekly' ? 2 : 1, input);
    if (kind === 'monthly' && a !== undefined && b !== undefined && parts.length === 3) return monthlyNth(a, b, input);
    if (kind === 'monthly-day' && a !== undefined && parts.length === 2) return a === 'last' ? { kind: 'monthly-day', day: -1 } : monthlyDay(Number(a), input);
    if (kind === 'yearly' && a !== undefined && parts.length === 2) {
      const m = /^(\d{1,2})-(\d{1,2})$/.exec(a);
      return m ? yearly(Number(m[1]), Number(m[2]), input) : bad(input);
    }
    return bad(input);
  }

  // Korean phrases
  let m = /^(매주|매 주|every) ?(\S+)$/.exec(text) ?? /^(\S+요일)$/.exec(text);
  if (m) return weekly(m[2] ?? m[1], 1, input);
  m = /^(격주|2주마다|2주에 한 번|2주 간격|every other) ?(\S+)$/.exec(text);
  if (m) return weekly(m[2], 2, input);
  if (/^매월 (말일|마지막 ?날)$/.test(text)) return { kind: 'monthly-day', day: -1 };
  m = /^매월 (\d{1,2}) ?일$/.exec(text);
  if (m) return monthlyDay(Number(m[1]), input);
  // 매월 둘째·넷째 화요일, every 2nd and 4th tuesday (of the month): the last word is the weekday when it names one.
  m = /^(?:매월|every) (?:(.+) )?(\S+)$/.exec(text);
  if (m) return weekdayFromName(m[2]) === undefined ? monthlyNth(`${m[1] ?? ''} ${m[2]}`, undefined, input) : monthlyNth(m[1] ?? '', m[2], input);
  m = /^매년 (\d{1,2}) ?월 (\d{1,2}) ?일$/.exec(text);
  if (m) return yearly(Number(m[1]), Number(m[2]), input);
  return bad(input);
}

function weekly(name: string, interval: number, input: string): Recurrence {
  const day = weekdayFromName(name);
  if (day === undefined) return bad(input);
  return interval === 1 ? { kind: 'weekly', weekday: day } : { kind: 'weekly', weekday: day, interval };
}

/** An RRULE typed by hand: accepted when the model holds it exactly (the start date and time come from start= and time=). */
function fromRRuleText(input: string): Recurrence {
  const body = input.trim().replace(/^rrule:/i, '');
  let rec: Recurrence;
  try {
    rec = recurrenceFromRRule(`RRULE:${body.toUpperCase()}`);
  } catch {
    return bad(input);
  }
  // Round trip: the rule the model writes must say the same (nothing dropped).
  const again = toRRule(rec, '2026-01-01', '10:00').split('\n').find((l) => l.startsWith('RRULE:')) ?? '';
  // BYDAY=4TU,2TU says the same as BYDAY=2TU,4TU.
  const part = (p: string) => p.replace(/=(.*)$/, (_, list: string) => `=${list.split(',').sort().join(',')}`);
  const norm = (r: string) =>
    new Set(r.replace(/^RRULE:/, '').replace(/\+/g, '').split(';').filter((p) => !p.startsWith('INTERVAL=1') && !p.startsWith('WKST=')).map(part));
  const wanted = norm(body.toUpperCase());
  const got = norm(again);
  if (wanted.size !== got.size || [...wanted].some((p) => !got.has(p))) return bad(input);
  return rec;
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
      return new RRule({ ...base, freq: RRule.WEEKLY, interval: rec.interval ?? 1, byweekday: [days[rec.weekday]] }).toString();
    case 'monthly-nth':
      return new RRule({ ...base, freq: RRule.MONTHLY, byweekday: rec.nths.map((n) => days[rec.weekday].nth(n)) }).toString();
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
  if (options.freq === RRule.WEEKLY && byweekday.length === 1) {
    const interval = options.interval ?? 1;
    return interval > 1 ? { kind: 'weekly', weekday: dayIndex(byweekday[0]), interval } : { kind: 'weekly', weekday: dayIndex(byweekday[0]) };
  }
  if (options.freq === RRule.MONTHLY && byweekday.length) {
    return { kind: 'monthly-nth', nths: inMonthOrder(byweekday.map((d) => (d as { n?: number }).n ?? 1)), weekday: dayIndex(byweekday[0]) };
  }
  const monthday = ([] as number[]).concat(options.bymonthday ?? [])[0];
  if (options.freq === RRule.MONTHLY) return { kind: 'monthly-day', day: monthday };
  return { kind: 'yearly', month: ([] as number[]).concat(options.bymonth ?? [])[0], day: monthday };
}
