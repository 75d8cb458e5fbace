// Pure rules of the organisation directory (no I/O).
import { addYears } from 'date-fns/addYears';
import { subDays } from 'date-fns/subDays';
import type { Role } from '../../core/command.ts';
import { matchChoice } from '../../core/i18n/index.ts';
import { UserError } from '../../core/errors.ts';

export type OrgKind = 'welfare-centre' | 'community-centre' | 'council' | 'district' | 'partner';
export type PartnershipKind = 'hub' | 'mou' | 'council-of';
export type Seat = 'chair-public' | 'chair-private' | 'member';
/** active, or why not: 퇴직·휴직·전출·파견. */
export type MemberStatus = 'active' | 'retired' | 'leave' | 'transferred' | 'seconded';

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

/** `coordinator,head`, `기관장, 실무자` -> ['coordinator','head']; unknown names are a UserError. */
export function parseRoles(input: string): Role[] {
  const words = input.split(/[,\s/·]+/).map((s) => s.trim()).filter(Boolean);
  const roles = words.map((word) => matchChoice('role', word));
  const bad = words.find((_, i) => !roles[i]);
  if (bad || words.length === 0) throw new UserError('member.badRoles');
  return [...new Set(roles as Role[])];
}

/**
 * Every name written to the directory (commands, the console's `@@name`, CSV
 * import) has at least one letter: `-`, `---`, `2026` or `()` is no name
 * (and `-` means "clear" in edits). A refusal for the field, or undefined.
 */
export function nameProblem(field: string, name: string): UserError | undefined {
  return /\p{L}/u.test(name) ? undefined : new UserError('name.needsLetter', { option: field });
}

/** nameProblem that throws. */
export function requireNameLetter(field: string, name: string): void {
  const problem = nameProblem(field, name);
  if (problem) throw problem;
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

/** Names compare without spaces: `월성1동 행정복지센터` is `월성1동행정복지센터`. */
export const squash = (name: string): string => name.normalize('NFC').replace(/\s+/g, '');

/** Edit distance (insert, delete, substitute), for "did you mean". */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The names closest to `wanted` (spaces ignored), best first; only near misses. */
export function nearestNames<T extends { name: string }>(wanted: string, candidates: readonly T[], max = 3): T[] {
  const target = squash(wanted);
  const limit = Math.max(1, Math.min(3, Math.floor(target.length / 3)));
  return candidates
    .map((c) => ({ c, d: editDistance(target, squash(c.name)), contains: squash(c.name).includes(target) || target.includes(squash(c.name)) }))
    .filter((x) => x.d <= limit || (x.contains && target.length >= 2))
    .sort((a, b) => a.d - b.d)
    .slice(0, max)
    .map((x) => x.c);
}

/** A few characters of a name to find candidates by (its first and last two, spaces ignored). */
export function namePieces(name: string): string[] {
  const s = squash(name);
  return [...new Set([s.slice(0, 2), s.slice(-2)].filter((p) => p.length >= 1))];
}
