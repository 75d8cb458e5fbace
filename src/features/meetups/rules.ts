// Pure rules of meetups: reminder lead times, RSVP answers, windows.
import { UserError } from '../../core/errors.ts';

export const MEETUP_KINDS = ['regular', 'heads', 'case-conference', 'briefing', 'workshop', 'other'] as const;
export type MeetupKind = (typeof MEETUP_KINDS)[number];
export type Answer = 'yes' | 'no' | 'maybe';

/** How far ahead reminder jobs are kept scheduled; a daily job extends it. */
export const PLANNING_HORIZON_DAYS = 45;
/** The longest window /meetup list and .ics expand. */
export const MAX_WINDOW_DAYS = 400;

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** "7d,1d,1h" -> [{label:'7d', ms}, …], longest first. */
export function parseLeads(input: string): { label: string; ms: number }[] {
  const parts = input
    .split(/[,\s]+/)
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean);
  const leads = parts.map((part) => {
    const m = /^(\d{1,3})([dhm])$/.exec(part);
    if (!m || Number(m[1]) === 0) throw new UserError('meetup.badRemind', { value: input });
    return { label: part, ms: Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] };
  });
  if (leads.length === 0 || leads.length > 5) throw new UserError('meetup.badRemind', { value: input });
  return [...new Map(leads.map((l) => [l.ms, l])).values()].sort((a, b) => b.ms - a.ms);
}

/** The lead at which members who have not answered get a DM. */
export const NUDGE_LEAD_MS = 86_400_000;
