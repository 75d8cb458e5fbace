// Forgiving input: the dates, times and durations people actually type, in
// Korean or in numbers, turned into the canonical values the features store.
// Pure: relative words (오늘, 내일, 다음주 화요일) are resolved against a
// Seoul calendar day the caller takes from the injected clock.
//
// Dates (-> 'YYYY-MM-DD'):
//   2026-12-24 · 2026.12.24 · 2026. 12. 24. · 2026/12/24 · 2026년 12월 24일
//   12/24 · 12.24 · 12-24 · 12월 24일 — without a year: the next such day from
//     today, today included (on 2026-12-24, `12월 24일` is today; on 12-25 it
//     is 2027-12-24). 2월 29일 without a year: the next leap day.
//   올해 · 내년 · 작년 (금년, 명년, 후년, 재작년) before a month-day: that
//     month-day in that year (`내년 1월 1일`, `올해 12/24`).
//   오늘 · 내일 · 모레 · 글피 · 어제 (also today, tomorrow, yesterday)
//   화요일 / 화 / tue — the next Tuesday after today (today excluded: say 오늘
//     for today). 이번주 화요일 / 이번 주 화요일 — Tuesday of this week
//     (weeks start on Monday; it may have passed). 다음주 / 다음 주 / 담주 화요일
//     — Tuesday of next week. 지난주 화요일 — of last week.
//   A trailing weekday in brackets, `12월 24일(목)`, is checked: a wrong one is refused.
// Times (-> 'HH:MM', 24-hour):
//   14:00 · 9:30 · 14시 · 14시 30분 · 14시30분 · 2시 반 (a bare 1시–6시 is
//   13:00–18:00, office hours; 7시–12시 as written; HH:MM is always 24-hour) · 오후 2시 · 오후 2시 30분 ·
//   오후 2:30 · 오전 9시 · 아침 9시 · 낮 2시 · 저녁 7시 · 밤 9시 · 새벽 5시 · 정오 ·
//   자정 · 2pm · 2:30pm · 9 am. (오후 12시 = 12:00, 오전 12시 = 00:00.)
// Date and time together (poll deadlines): `<date> <time>`, e.g.
//   `12월 24일 오후 5시`, `내일 18:00`, `2026-12-24 18:00`; a date alone means
//   its DEFAULT_DAY_END (18:00), a time alone means today.
// Durations (-> minutes, 1..1440):
//   90 · 90분 · 1시간 · 1시간 30분 · 1시간 반 · 1.5시간 · 1h30m · 1h · 90m · 90min
import { addDays, daysInMonth, isoDate, weekday, weekdayFromName, type IsoDate } from './calendar/index.ts';

/** The time a deadline given as a date alone closes at (the end of a working day). */
export const DEFAULT_DAY_END = '18:00';

const squash = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** A day (1–31) of a month (1–12) in a year, when such a day exists. */
function dayIn(year: number, month: number, day: number): IsoDate | undefined {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1) return undefined;
  if (year < 1900 || year > 2200 || day > daysInMonth(year, month)) return undefined;
  return isoDate(year, month, day);
}

/** Month-day without a year: the next such day from today, today included. */
function nextMonthDay(month: number, day: number, today: IsoDate): IsoDate | undefined {
  const year = Number(today.slice(0, 4));
  for (let y = year; y <= year + 8; y++) {
    const date = dayIn(y, month, day);
    if (date && date >= today) return date;
  }
  return undefined;
}

/** A weekday alone: 화, 화요일, tue, tuesday. */
const WEEKDAY_WORD = /^([월화수목금토일](요일)?|mon(day)?|tue(sday)?|wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?)$/;

const RELATIVE_DAYS: Record<string, number> = {
  오늘: 0, 금일: 0, today: 0, 내일: 1, 명일: 1, tomorrow: 1, 모레: 2, 내일모레: 2, 글피: 3, 어제: -1, yesterday: -1,
};

/** The Monday of the week `date` lies in. */
const mondayOf = (date: IsoDate) => addDays(date, -weekday(date));

/** A date as people write it (see the top of this file), or undefined. */
export function parseDateInput(input: string, today: IsoDate): IsoDate | undefined {
  let text = squash(input);
  // A weekday in brackets after the date is a check, not a part of it.
  let stated: number | undefined;
  const bracket = /^(.*\S)\s*\(\s*([^()\s]+)\s*\)$/.exec(text);
  if (bracket) {
    stated = weekdayFromName(bracket[2]);
    if (stated === undefined) return undefined;
    text = bracket[1];
  }
  const date = parseDatePart(text, today);
  if (date === undefined || (stated !== undefined && weekday(date) !== stated)) return undefined;
  return date;
}

const RELATIVE_YEARS: Record<string, number> = { 올해: 0, 금년: 0, 내년: 1, 명년: 1, 후년: 2, 작년: -1, 재작년: -2 };

function parseDatePart(text: string, today: IsoDate): IsoDate | undefined {
  if (text in RELATIVE_DAYS) return addDays(today, RELATIVE_DAYS[text]);
  const inYear = /^(올해|금년|내년|명년|후년|작년|재작년)\s*(?:(\d{1,2})\s*[-./]\s*(\d{1,2})\.?|(\d{1,2})\s*월\s*(\d{1,2})\s*일)$/.exec(text);
  if (inYear) {
    const year = Number(today.slice(0, 4)) + RELATIVE_YEARS[inYear[1]];
    return dayIn(year, Number(inYear[2] ?? inYear[4]), Number(inYear[3] ?? inYear[5]));
  }
  let m = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?$/.exec(text);
  if (m) return dayIn(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일$/.exec(text);
  if (m) return dayIn(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*[-./]\s*(\d{1,2})\.?$/.exec(text) ?? /^(\d{1,2})\s*월\s*(\d{1,2})\s*일$/.exec(text);
  if (m) return nextMonthDay(Number(m[1]), Number(m[2]), today);
  m = /^(이번|금|다음|담|다다음|지난|저번)\s*주\s*(\S+?)(에)?$/.exec(text) ?? /^(this|next|last) week (\S+)$/.exec(text);
  if (m) {
    const day = weekdayFromName(m[2]);
    if (day === undefined) return undefined;
    const shift = { 이번: 0, 금: 0, this: 0, 다음: 7, 담: 7, next: 7, 다다음: 14, 지난: -7, 저번: -7, last: -7 }[m[1]] ?? 0;
    return addDays(mondayOf(today), shift + day);
  }
  const day = WEEKDAY_WORD.test(text) ? weekdayFromName(text) : undefined;
  if (day !== undefined) {
    const ahead = (day - weekday(today) + 7) % 7 || 7;
    return addDays(today, ahead);
  }
  return undefined;
}

const PERIODS: Record<string, 'am' | 'pm' | 'night'> = {
  오전: 'am', 아침: 'am', 새벽: 'am', am: 'am', 'a.m.': 'am',
  오후: 'pm', 낮: 'pm', 저녁: 'pm', pm: 'pm', 'p.m.': 'pm',
  밤: 'night',
};

/** A time of day as people write it (see the top of this file) -> 'HH:MM', or undefined. */
export function parseTimeInput(input: string): string | undefined {
  const text = squash(input);
  if (text === '정오') return '12:00';
  if (text === '자정') return '00:00';
  let period: 'am' | 'pm' | 'night' | undefined;
  let rest = text;
  const before = /^(오전|오후|아침|새벽|낮|저녁|밤)\s*(.+)$/.exec(rest);
  if (before) {
    period = PERIODS[before[1]];
    rest = before[2];
  } else {
    const after = /^(.+?)\s*(am|pm|a\.m\.|p\.m\.)$/.exec(rest);
    if (after) {
      period = PERIODS[after[2]];
      rest = after[1];
    }
  }
  let hour: number;
  let minute = 0;
  let m = /^(\d{1,2}):(\d{2})$/.exec(rest);
  if (m) {
    hour = Number(m[1]);
    minute = Number(m[2]);
  } else if ((m = /^(\d{1,2})\s*시(?:\s*(\d{1,2})\s*분|\s*(반))?$/.exec(rest))) {
    hour = Number(m[1]);
    minute = m[3] ? 30 : Number(m[2] ?? 0);
    // Office hours: a bare 1시–6시 is the afternoon (nobody meets at 2 a.m.).
    if (!period && hour >= 1 && hour <= 6) hour += 12;
  } else if (period && (m = /^(\d{1,2})$/.exec(rest))) {
    hour = Number(m[1]); // 2pm, 오후 2
  } else {
    return undefined;
  }
  if (minute > 59) return undefined;
  if (period === 'am') {
    if (hour > 12) return undefined;
    if (hour === 12) hour = 0; // 오전 12시 = 00:00
  } else if (period === 'pm') {
    if (hour >= 1 && hour < 12) hour += 12; // 오후 14시 is read as 14:00
    if (hour === 0) return undefined;
  } else if (period === 'night') {
    if (hour >= 6 && hour < 12) hour += 12; // 밤 9시 = 21:00, 밤 1시 = 01:00
    else if (hour === 12) hour = 0; // 밤 12시 = 자정
  }
  if (hour > 23) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/**
 * A date and a time together -> Seoul date and 'HH:MM'. The date comes first
 * (`12월 24일 오후 5시`, `내일 18:00`); a date alone means DEFAULT_DAY_END, a
 * time alone means today. Undefined when no split of the words reads as both.
 */
export function parseDateTimeInput(input: string, today: IsoDate): { date: IsoDate; time: string } | undefined {
  const text = squash(input).replace(/^(\d{4}-\d{2}-\d{2})t(\d)/, '$1 $2');
  const words = text.split(' ');
  for (let i = words.length - 1; i >= 1; i--) {
    const date = parseDateInput(words.slice(0, i).join(' '), today);
    const time = date && parseTimeInput(words.slice(i).join(' '));
    if (date && time) return { date, time };
  }
  const date = parseDateInput(text, today);
  if (date) return { date, time: DEFAULT_DAY_END };
  const time = parseTimeInput(text);
  return time ? { date: today, time } : undefined;
}

/** Longest duration a meeting may have: a day. */
export const MAX_DURATION_MIN = 24 * 60;

/** A duration as people write it (see the top of this file) -> whole minutes 1..1440, or undefined. */
export function parseDurationInput(input: string): number | undefined {
  const text = squash(input).replace(/\s+/g, '');
  let minutes: number | undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{1,4})(분|m|min|mins|minutes?)?$/.exec(text))) minutes = Number(m[1]);
  else if ((m = /^(\d{1,2}(?:\.\d{1,2})?)(시간|h|hr|hrs|hours?)$/.exec(text))) minutes = Number(m[1]) * 60;
  else if ((m = /^(\d{1,2})(?:시간|h|hr|hrs|hours?)(?:(\d{1,2})(?:분|m|min|mins|minutes?)?|(반))$/.exec(text))) {
    minutes = Number(m[1]) * 60 + (m[3] ? 30 : Number(m[2]));
  }
  if (minutes === undefined || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_DURATION_MIN) return undefined;
  return minutes;
}
