// Turns the words and key=value pairs of a parsed command into typed options,
// or a UserError naming the option with a correct example.
import { isValid } from 'date-fns/isValid';
import { parse as parseDate } from 'date-fns/parse';
import { format } from 'date-fns/format';
import type { OptionDecl, Options } from './command.ts';
import { UserError } from './errors.ts';
import { catalogs, choiceValues, matchChoice, type ChoiceGroup } from './i18n/index.ts';
import { positionals, subcommandText, usage, type AnyCommand } from './registry.ts';

export const MAX_TEXT_LENGTH = 500;
const YES = ['yes', 'y', 'true', '예', '네', 'on'];
const NO = ['no', 'n', 'false', '아니오', '아니요', 'off'];

export function bindOptions(command: AnyCommand, sub: string, words: string[], named: [string, string][]): Options {
  const decl = command.subcommands[sub];
  const declared = decl.options ?? [];
  const example = subcommandText(catalogs.ko, command.name, sub).example;
  const where = { example, usage: usage(command, sub) };
  const raw = new Map<string, string>();

  for (const [key, value] of named) {
    const option = declared.find((o) => o.name === key);
    if (!option) {
      throw new UserError('error.unknownOption', {
        option: key,
        choices: declared.map((o) => o.name).join(', ') || '-',
        example,
      });
    }
    if (raw.has(key)) throw new UserError('error.duplicateOption', { option: key, example });
    raw.set(key, value);
  }

  const bare = [...words];
  for (const option of positionals(decl)) {
    if (raw.has(option.name) || bare.length === 0) continue;
    raw.set(option.name, option.rest ? bare.splice(0).join(' ') : (bare.shift() as string));
  }
  if (bare.length) throw new UserError('error.tooManyArguments', { value: bare[0], ...where });

  const options: Options = {};
  for (const option of declared) {
    const value = raw.get(option.name);
    if (value === undefined || value.trim() === '') {
      if (option.required) throw new UserError('error.missingOption', { option: option.name, ...where });
      continue;
    }
    options[option.name] = convert(option, value.trim(), example);
  }
  return options;
}

function convert(option: OptionDecl, value: string, example: string): string | number | boolean {
  const params = { option: option.name, value, example };
  switch (option.type) {
    case 'string':
      if (value.length > MAX_TEXT_LENGTH) {
        throw new UserError('error.textTooLong', { option: option.name, length: value.length, max: MAX_TEXT_LENGTH });
      }
      return value;
    case 'integer': {
      const digits = value.replace(/^#/, '');
      if (!/^\d{1,9}$/.test(digits)) throw new UserError('error.badInteger', params);
      return Number(digits);
    }
    case 'date': {
      const date = parseDate(value, 'yyyy-MM-dd', new Date(2000, 0, 1));
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(date) || format(date, 'yyyy-MM-dd') !== value) {
        throw new UserError('error.badDate', params);
      }
      return value;
    }
    case 'time': {
      const match = /^(\d{1,2}):(\d{2})$/.exec(value);
      if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) throw new UserError('error.badTime', params);
      return `${match[1].padStart(2, '0')}:${match[2]}`;
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
      if (!match) throw new UserError('error.badChoice', { ...params, choices: choiceValues(group).join(', ') });
      return match;
    }
  }
}
