// Resident identifiers must never pass through the bot (개인정보보호법 §24-2),
// and stored text must not carry control, bidi or invisible characters.
//   rules.ts    the table of identifier rules and the profiles they apply in
//   hygiene.ts  control / bidi / zero-width characters, lone surrogates, NFC
//   guard.ts    guardText(profile, field, value): the one check for a field
// Refusals name the kind and the field, never the value.
import { firstRule, RULES, type IdentifierKind } from './rules.ts';

export { knownNamesInScope, withKnownNames } from './known-names.ts';
export { cleanText, hasLineBreak, stripInvisible, type Hygiene, type HygieneProblem } from './hygiene.ts';
export {
  detect,
  normaliseForDetection,
  PROFILES,
  residentNameCandidates,
  RULES,
  validYymmdd,
  viewOf,
  type IdentifierKind,
  type Rule,
  type TextProfile,
} from './rules.ts';
export { guardText, refusalText, requireCleanText } from './guard.ts';

/** The kinds that are never legitimate anywhere in the bot, even in staff data: checked on the whole command text. */
export const ALWAYS_FORBIDDEN: readonly IdentifierKind[] = ['rrn', 'foreignerNumber', 'passport', 'driverLicence'];

/**
 * The first identifier of the given kinds in a text (rules of the 'free'
 * profile, i.e. without the stricter case-only rules), or undefined.
 */
export function detectIdentifier(text: string, kinds: readonly IdentifierKind[] = RULES.map((r) => r.kind)): IdentifierKind | undefined {
  return firstRule(
    text,
    RULES.filter((rule) => rule.profiles.includes('free') && kinds.includes(rule.kind)),
  )?.kind;
}
