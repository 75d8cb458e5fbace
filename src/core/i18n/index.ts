// Catalog lookup. ko is the default and the reference shape; en must provide
// every key (enforced by the Catalog type at compile time).
import { ko } from './ko.ts';
import { en } from './en.ts';

type Widen<T> = T extends string
  ? string
  : T extends readonly string[]
    ? readonly string[]
    : { [K in keyof T]: Widen<T[K]> };

export type Catalog = Widen<typeof ko>;
export type Locale = 'ko' | 'en';
export type MessageKey = keyof typeof ko.messages;
export const LOCALES: readonly Locale[] = ['ko', 'en'];

export const catalogs: Record<Locale, Catalog> = { ko, en };

export type Params = Record<string, string | number>;
export type Translator = ((key: MessageKey, params?: Params) => string) & { locale: Locale; catalog: Catalog };

export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translator(locale: Locale): Translator {
  const catalog = catalogs[locale];
  const t = ((key: MessageKey, params?: Params) => interpolate(catalog.messages[key], params)) as Translator;
  t.locale = locale;
  t.catalog = catalog;
  return t;
}

/** Display label of a choice value, e.g. orgKind 'welfare-centre' -> '사회복지관'. */
export function choiceLabel(t: Translator, group: ChoiceGroup, value: string): string {
  const labels = (t.catalog.choices[group] as Record<string, readonly string[]>)[value];
  return labels?.[0] ?? value;
}

export type ChoiceGroup = keyof typeof ko.choices;

/** Canonical values of a choice group. */
export function choiceValues(group: ChoiceGroup): string[] {
  return Object.keys(ko.choices[group]);
}

/** Finds the canonical value for user input in any language (value, label or alias). */
export function matchChoice(group: ChoiceGroup, input: string): string | undefined {
  const wanted = normalise(input);
  for (const catalog of Object.values(catalogs)) {
    const entries = Object.entries(catalog.choices[group] as Record<string, readonly string[]>);
    for (const [value, aliases] of entries) {
      if (normalise(value) === wanted || aliases.some((alias) => normalise(alias) === wanted)) return value;
    }
  }
  return undefined;
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');
