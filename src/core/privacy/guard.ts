// The one guard every stored text passes: hygiene first (./hygiene.ts), then
// the identifier rules of the field's profile (./rules.ts). Option binding
// calls it for every string option; other paths (CSV import, forms, the
// console's @name speaker) call guardText() themselves.
import { UserError } from '../errors.ts';
import type { MessageKey, Translator } from '../i18n/index.ts';
import { cleanText, type HygieneProblem } from './hygiene.ts';
import { detect, type TextProfile } from './rules.ts';

const PROBLEM_KEYS: Record<HygieneProblem, MessageKey> = {
  control: 'error.controlCharacter',
  bidi: 'error.bidiCharacter',
  surrogate: 'error.brokenCharacter',
  lineBreak: 'error.lineBreakInName',
};

/**
 * Checks one text field before anything is stored, logged or echoed.
 * Returns the clean text (invisible characters stripped, NFC, trimmed) or a
 * UserError that names the field and the kind of problem, never the text.
 * `known`: names of members (from residentNameCandidates, looked up in the
 * directory) that are not residents even with a title (김민수 님).
 *
 *   const result = guardText('name', 'name', row.name);
 *   if (result instanceof UserError) …refuse (nothing written)…
 */
export function guardText(profile: TextProfile, field: string, value: string, known?: ReadonlySet<string>): string | UserError {
  const clean = cleanText(value, { singleLine: profile === 'name' });
  if ('problem' in clean) return new UserError(PROBLEM_KEYS[clean.problem], { option: field });
  const rule = detect(clean.text, profile, known);
  if (rule) return new UserError('error.identifierInField', { option: field, what: `pii.${rule.kind}` });
  return clean.text.trim();
}

/** guardText that throws the UserError. */
export function requireCleanText(profile: TextProfile, field: string, value: string, known?: ReadonlySet<string>): string {
  const result = guardText(profile, field, value, known);
  if (result instanceof UserError) throw result;
  return result;
}

/**
 * The refusal as a sentence in the reader's language, for paths that collect
 * messages instead of replying (CSV import lines): `pii.*` parameters are
 * translated. (dispatch does the same for replies.)
 */
export function refusalText(t: Translator, error: UserError): string {
  const params = Object.fromEntries(
    Object.entries(error.params).map(([k, v]) => [k, typeof v === 'string' && v in t.catalog.messages ? t(v as MessageKey) : v]),
  );
  return t(error.key, params);
}
