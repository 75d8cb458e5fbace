// Pure rules of meetups: reminder lead times, RSVP answers, windows.
import { UserError } from '../../core/errors.ts';

export const MEETUP_KINDS = ['regular', 'heads', 'case-conference', 'briefing', 'workshop', 'other'] as const;
export type MeetupKind = (typeof MEETUP_KINDS)[number];
export type Answer = 'yes' | 'no' | 'maybe';

/** How far ahead reminder jobs are kept scheduled; a daily job extends it. */
export const PLANNING_HORIZON_DAYS = 45;
/** The longest window /meetup list and .ics expand. */
export const MAX_WINDOW_DAYS = 400;
/** How far ahead the next date of a series is looked for: 매년 2월 29일 may be 8 years away (2096 → 2104). */
export const NEXT_DATE_SEARCH_DAYS = 8 * 366;
/** How far back start= may lie: a year (an older start is a typo, and would only make every expansion longer). */
export const MAX_START_AGE_DAYS = 366;

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** The reminders of a series without remind=. */
export const DEFAULT_LEADS = '7d,1d,1h';

const KOREAN_UNITS: Record<string, keyof typeof UNIT_MS | 'w'> = { 일: 'd', 주: 'w', 주일: 'w', 시간: 'h', 분: 'm' };

/**
 * Reminder lead times, longest first, labelled canonically ('7d', '1h', '30m'):
 * `7d,1d,1h` · `1일전,1시간전` · `7일 전, 1일 전, 1시간 전` · `하루 전` · `1주 전`
 * (= 7d) · `30분 전`; separated by commas or spaces, up to five.
 */
export function parseLeads(input: string): { label: string; ms: number }[] {
  const text = input
    .toLowerCase()
    .replace(/하루/g, '1일')
    .replace(/(\d)\s+(일|주일|주|시간|분|[dhmw])(?![a-z가-힣])/g, '$1$2') // 7 일 전 -> 7일 전
    .replace(/\s*(전|before)/g, ','); // 전 / before ends a lead
  const parts = text
    .split(/[,，\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const leads = parts.map((part) => {
    const m = /^(\d{1,3})(d|h|m|w|일|주일|주|시간|분)$/.exec(part);
    if (!m || Number(m[1]) === 0) throw new UserError('meetup.badRemind');
    let n = Number(m[1]);
    let unit = (KOREAN_UNITS[m[2]] ?? m[2]) as keyof typeof UNIT_MS | 'w';
    if (unit === 'w') [n, unit] = [n * 7, 'd'];
    return { label: `${n}${unit}`, ms: n * UNIT_MS[unit] };
  });
  if (leads.length === 0 || leads.length > 5) throw new UserError('meetup.badRemind');
  return [...new Map(leads.map((l) => [l.ms, l])).values()].sort((a, b) => b.ms - a.ms);
}

/** Words in a title that tell the kind of meeting, checked in this order; none: 'regular' (정례모임). */
const KIND_HINTS: [RegExp, MeetupKind][] = [
  [/사례\s*(회의|관리)|솔루션\s*위원회|case/i, 'case-conference'],
  [/간담회|동장|관장|heads/i, 'heads'],
  [/설명회|briefing/i, 'briefing'],
  [/워크\s*(숍|샵)|연수|교육|workshop/i, 'workshop'],
];

/** The kind a meetup gets when kind= is not given: from its title, else 정례모임. */
export function kindFromTitle(title: string): MeetupKind {
  return KIND_HINTS.find(([pattern]) => pattern.test(title))?.[1] ?? 'regular';
}

/** The lead at which members who have not answered get a DM. */
export const NUDGE_LEAD_MS = 86_400_000;
