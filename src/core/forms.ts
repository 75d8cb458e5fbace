// Forms: when a chat command arrives without its required options, Slack and
// Discord adapters open a modal built from the declaration. These helpers say
// which fields the form needs and turn the submitted values back into the
// same ParsedText the text form produces.
import type { OptionDecl } from './command.ts';
import type { ParsedText } from './parse.ts';
import type { FormRequest } from './card.ts';
import { choiceLabel, choiceValues, type ChoiceGroup, type Translator } from './i18n/index.ts';
import { subcommandText, type AnyCommand } from './registry.ts';

/** The values given with the command, by option name (positional words included). */
export function givenValues(command: AnyCommand, sub: string, words: string[], named: [string, string][]): Record<string, string> {
  const given: Record<string, string> = Object.fromEntries(named);
  const bare = [...words];
  for (const option of command.subcommands[sub]?.options ?? []) {
    if (option.name in given || !option.positional || bare.length === 0) continue;
    given[option.name] = option.rest ? bare.splice(0).join(' ') : (bare.shift() as string);
  }
  return given;
}

/** Required options not given (by name or position). Empty = run the command directly. */
export function missingRequired(command: AnyCommand, sub: string, words: string[], named: [string, string][]): OptionDecl[] {
  const given = givenValues(command, sub, words, named);
  return (command.subcommands[sub]?.options ?? []).filter((option) => option.required && !given[option.name]);
}

/** All options of a subcommand, required first: the fields of its form. */
export function formFields(command: AnyCommand, sub: string): OptionDecl[] {
  const options = command.subcommands[sub]?.options ?? [];
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

/** Submitted form values (blank ones dropped) -> the parsed form of the command. */
export function formToParsed(command: AnyCommand, sub: string, values: Record<string, string | undefined>): ParsedText {
  const named: [string, string][] = [];
  for (const option of formFields(command, sub)) {
    const value = values[option.name]?.trim();
    if (value) named.push([option.name, value]);
  }
  return { command: command.name, words: sub ? [sub] : [], named };
}

export function buildForm(t: Translator, command: AnyCommand, sub: string, given: Record<string, string> = {}): FormRequest {
  const text = subcommandText(t.catalog, command.name, sub);
  return {
    command: command.name,
    sub,
    title: `/${command.name}${sub ? ` ${sub}` : ''}`,
    submitLabel: t('form.submit'),
    cancelLabel: t('form.cancel'),
    fields: formFields(command, sub).map((option) => ({
      name: option.name,
      label: text.options[option.name] ?? option.name,
      // A link is a text field in a form (checked as a url when submitted).
      type: option.type === 'url' ? 'string' : option.type,
      required: Boolean(option.required),
      value: given[option.name],
      choices: option.choices ? formChoices(t, option.choices) : undefined,
    })),
  };
}

function formChoices(t: Translator, group: ChoiceGroup) {
  return choiceValues(group).map((value) => ({ value, label: choiceLabel(t, group, value) }));
}
