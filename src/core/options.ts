// Turns the words and key=value pairs of a parsed command into typed options,
// or a UserError naming the option with a correct example.
//
// Every value is checked for its length first (MAX_TEXT_LENGTH, before any
// pattern runs over it), then for line breaks (every option is one line
// unless declared `multiline`), then passes the privacy guard
// (src/core/privacy/): string options with their declared profile (see
// textProfile), every other value with the 'free' profile. So nothing with a resident identifier, a control or
// bidi character reaches a handler, the database or the logs. Refusals name
// the option and show the catalog's example, never the value typed.
//
// Dates and times accept the Korean and numeric forms of ./korean-input.ts;
// relative dates (내일, 다음주 화요일) are resolved on the Seoul day of `now`
// (the injected clock), and handlers always receive 'YYYY-MM-DD' / 'HH:MM'.
import type { OptionDecl, Options } from './command.ts';
import { seoulDate } from './calendar/index.ts';
import { UserError } from './errors.ts';
import { catalogs, choiceValues, matchChoice, type ChoiceGroup, type Locale } from './i18n/index.ts';
import { parseDateInput, parseTimeInput } from './korean-input.ts';
import { positionals, subcommandText, usage, type AnyCommand } from './registry.ts';
import { hasLineBreak, requireCleanText, type TextProfile } from './privacy/index.ts';

export const MAX_TEXT_LENGTH = 500;
const YES = ['yes', 'y', 'true', 'on', '예', '네', '응', '함', '사용', 'o'];
const NO = ['no', 'n', 'false', 'off', '아니오', '아니요', '아니', '아뇨', '안함', '안 함', '미사용', 'x'];

/** What binding needs besides the words: the time (relative dates) and the reader's language (lists of allowed values). */
export interface BindContext {
  now: Date;
  locale?: Locale;
  /** Members of the directory among the names with titles in the values (see residentNameCandidates): not residents. */
  known?: ReadonlySet<string>;
}

export function bindOptions(command: AnyCommand, sub: string, words: string[], named: [string, string][], context: BindContext): Options {
  const decl = command.subcommands[sub];
  const declared = decl.options ?? [];
  const example = subcommandText(catalogs.ko, command.name, sub).example;
  const where = { example, usage: usage(command, sub) };
  const raw = new Map<string, string>();

  for (const [key, value] of named) {
    const option = declared.find((o) => o.name === key);
    if (!option) {
      // A key of Latin letters alone (date=, titel=) cannot carry an identifier, so it is named; anything else is not shown.
      throw new UserError(/^[A-Za-z_-]{1,24}$/.test(key) ? 'error.unknownOptionNamed' : 'error.unknownOption', {
        option: key,
        choices: declared.map((o) => o.name).join(', ') || '-',
        example,
      });
    }
    if (raw.has(key)) throw new UserError('error.duplicateOption', { option: key, example });
    raw.set(key, checked(option, key, value, context));
  }

  const bare = [...words];
  for (const option of positionals(decl)) {
    if (raw.has(option.name) || bare.length === 0) continue;
    const value = option.rest ? bare.splice(0).join(' ') : (bare.shift() as string);
    raw.set(option.name, checked(option, option.name, value, context));
  }
  if (bare.length) {
    // Not shown back, but still guarded: an identifier in a stray word is named as such.
    requireCleanText('free', `/${command.name}${sub ? ` ${sub}` : ''}`, bare.join(' '), context.known);
    throw new UserError('error.tooManyArguments', where);
  }

  const options: Options = {};
  for (const option of declared) {
    const value = raw.get(option.name);
    if (value === undefined || value.trim() === '') {
      if (option.required) throw new UserError('error.missingOption', { option: option.name, ...where });
      continue;
    }
    options[option.name] = convert(option, value.trim(), example, context);
  }
  return options;
}

/** One value of an option, in order: its length, one line unless `multiline`, the privacy guard. Returns the clean text. */
function checked(option: OptionDecl, field: string, value: string, context: BindContext): string {
  if (value.trim().length > MAX_TEXT_LENGTH) throw new UserError('error.textTooLong', { option: field, length: value.trim().length, max: MAX_TEXT_LENGTH });
  if (!option.multiline && hasLineBreak(value)) throw new UserError('error.lineBreakInName', { option: field });
  return requireCleanText(valueProfile(option), field, value, context.known);
}

/**
 * The identifier profile of a string option: declared with `text:`, else
 * 'contact' for a member's own work phone/email, 'name' for names and
 * references to organisations or members, 'free' for other text.
 */
export function textProfile(option: OptionDecl): TextProfile {
  if (option.text) return option.text;
  if (option.name === 'phone' || option.name === 'email') return 'contact';
  if (option.name === 'name' || option.suggest) return 'name';
  return 'free';
}

/** Strings use their profile; other values are checked as free text. */
const valueProfile = (option: OptionDecl): TextProfile => (option.type === 'string' ? textProfile(option) : 'free');

/** http(s) only, with a host and without user:password; a bare `www.…` gets https://. */
export function parseUrl(value: string): string | undefined {
  const text = /^www\./i.test(value) ? `https://${value}` : value;
  if (/\s/.test(text)) return undefined;
  try {
    const url = new URL(text);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname || url.username || url.password) return undefined;
    return text;
  } catch {
    return undefined;
  }
}

function convert(option: OptionDecl, value: string, example: string, context: BindContext): string | number | boolean {
  const params = { option: option.name, example };
  switch (option.type) {
    case 'string':
      return value;
    case 'url': {
      const url = parseUrl(value);
      if (!url) throw new UserError('error.badUrl', { option: option.name, example });
      return url;
    }
    case 'integer': {
      const digits = value.replace(/^#/, '').replace(/\s*번$/, ''); // #3, 3번
      if (!/^\d{1,9}$/.test(digits)) throw new UserError('error.badInteger', params);
      return Number(digits);
    }
    case 'date': {
      const date = parseDateInput(value, seoulDate(context.now));
      if (!date) throw new UserError('error.badDate', params);
      return date;
    }
    case 'time': {
      const time = parseTimeInput(value);
      if (!time) throw new UserError('error.badTime', params);
      return time;
    }
    case 'boolean': {
      const lower = value.toLowerCase();
      if (YES.includes(lower)) return true;
      if (NO.includes(lower)) return false;
      throw new UserError('error.badBoolean', params);
    }
    case 'choice': {
      const group = option.choices as ChoiceGroup;
      const match = matchChoice(group, value);
      if (!match) throw new UserError('error.badChoice', { ...params, choices: choiceList(group, context.locale ?? 'ko') });
      return match;
    }
  }
}

/**
 * The allowed values of a choice group for an error: in Korean the label
 * first with the value people may also type, `정례모임(regular), …`; in
 * English the values, `regular (regular meeting), …`.
 */
export function choiceList(group: ChoiceGroup, locale: Locale): string {
  return choiceValues(group)
    .map((value) => {
      const label = catalogs[locale].choices[group]?.[value]?.[0];
      if (!label || label === value) return value;
      return locale === 'ko' ? `${label}(${value})` : `${value} (${label})`;
    })
    .join(', ');
}
