// Pure rules of the organisation directory (no I/O).
import { addYears } from 'date-fns/addYears';
import { subDays } from 'date-fns/subDays';
import { ROLES, type Role } from '../../core/command.ts';
import { UserError } from '../../core/errors.ts';

export type OrgKind = 'welfare-centre' | 'community-centre' | 'council' | 'district' | 'partner';
export type PartnershipKind = 'hub' | 'mou' | 'council-of';
export type Seat = 'chair-public' | 'chair-private' | 'member';

/** Which kinds of organisation a partnership may join (from -> to); mou joins any two. */
export const PARTNERSHIP_ENDS: Record<PartnershipKind, { from: OrgKind[]; to: OrgKind[] } | undefined> = {
  hub: { from: ['welfare-centre'], to: ['community-centre'] },
  'council-of': { from: ['council'], to: ['community-centre'] },
  mou: undefined,
};

/** A 거점복지관 usually serves 2–3 dong offices; more is allowed but worth a warning. */
export const HUB_USUAL_MAX = 3;

/** Council terms are two years unless the caller says otherwise. */
export function defaultTermEnd(from: Date): Date {
  return subDays(addYears(from, 2), 1);
}

/** `coordinator,head` -> ['coordinator','head']; unknown names are a UserError. */
export function parseRoles(input: string): Role[] {
  const names = input
    .split(/[,\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = names.find((name) => !ROLES.includes(name as Role));
  if (bad || names.length === 0) throw new UserError('member.badRoles', { value: bad ?? input });
  return [...new Set(names as Role[])];
}

export function isWorkEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** Digits, spaces, hyphens, parentheses and an optional +, 7–15 digits, e.g. 051-123-4567 or 1588-0000. */
export function isPhoneNumber(value: string): boolean {
  return /^\+?[\d\s()-]+$/.test(value) && /^(\D*\d){7,15}\D*$/.test(value);
}

/** Do two closed date ranges overlap? (open ends mean unbounded) */
export function termsOverlap(a: { from?: Date | null; to?: Date | null }, b: { from?: Date | null; to?: Date | null }): boolean {
  const aFrom = a.from?.getTime() ?? -Infinity;
  const aTo = a.to?.getTime() ?? Infinity;
  const bFrom = b.from?.getTime() ?? -Infinity;
  const bTo = b.to?.getTime() ?? Infinity;
  return aFrom <= bTo && bFrom <= aTo;
}
