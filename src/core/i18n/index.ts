// Catalog lookup. Every user-facing string lives in a catalog: the core's own
// (core.ts) and one per feature (src/features/<name>/catalog.ts), each with ko
// (the default and the reference shape) and en side by side. A feature's
// catalog is registered when the feature is defined; its keys join the typed
// key sets below by interface augmentation, so `t('poll.voted')` is checked at
// compile time and a missing English text is a type error.
import { core } from './core.ts';
import type { Bilingual, CatalogPart, CommandText } from './catalog.ts';

export { defineCatalog, type Bilingual, type CatalogPart, type CommandText, type SubcommandText } from './catalog.ts';

/** Message key -> text. Augmented by every catalog (see catalogTypes below). */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface Messages {}
/** Choice group -> { canonical value -> [label, ...aliases] }. Augmented likewise. */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface Choices {}

export type Locale = 'ko' | 'en';
export const LOCALES: readonly Locale[] = ['ko', 'en'];
export type MessageKey = keyof Messages & string;
export type ChoiceGroup = keyof Choices & string;

export interface Catalog {
  messages: Record<MessageKey, string>;
  commands: Record<string, CommandText>;
  choices: Record<string, Record<string, readonly string[]>>;
}

export const catalogs: Record<Locale, Catalog> = {
  ko: { messages: {} as Catalog['messages'], commands: {}, choices: {} },
  en: { messages: {} as Catalog['messages'], commands: {}, choices: {} },
};

const registered = new WeakSet<object>();

/** Adds a catalog to the running set. Registering the same one twice is a no-op; a key used by two catalogs is a bug. */
export function registerCatalog(catalog: Bilingual<CatalogPart>): void {
  if (registered.has(catalog)) return;
  registered.add(catalog);
  for (const locale of LOCALES) {
    const part = catalog[locale] as CatalogPart;
    const target = catalogs[locale];
    for (const section of ['messages', 'commands', 'choices'] as const) {
      const into = target[section] as Record<string, unknown>;
      for (const [key, value] of Object.entries(part[section] ?? {})) {
        if (key in into) throw new Error(`i18n: "${section}.${key}" is defined by two catalogs`);
        into[key] = value;
      }
    }
  }
}

registerCatalog(core);

export type Params = Record<string, string | number>;
export type Translator = ((key: MessageKey, params?: Params) => string) & { locale: Locale; catalog: Catalog };

export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const translators = new Map<Locale, Translator>();

export function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (!t) {
    const catalog = catalogs[locale];
    t = ((key: MessageKey, params?: Params) => {
      const template = catalog.messages[key];
      if (template === undefined) throw new Error(`i18n: no text for "${key}" (is its feature registered?)`);
      return interpolate(template, params);
    }) as Translator;
    t.locale = locale;
    t.catalog = catalog;
    translators.set(locale, t);
  }
  return t;
}

/** Display label of a choice value, e.g. orgKind 'welfare-centre' -> '사회복지관'. */
export function choiceLabel(t: Translator, group: ChoiceGroup, value: string): string {
  return t.catalog.choices[group]?.[value]?.[0] ?? value;
}

/** Canonical values of a choice group. */
export function choiceValues(group: ChoiceGroup): string[] {
  return Object.keys(catalogs.ko.choices[group] ?? {});
}

/** Finds the canonical value for user input in any language (value, label or alias). */
export function matchChoice<G extends ChoiceGroup>(group: G, input: string): (keyof Choices[G] & string) | undefined {
  const wanted = normalise(input);
  for (const catalog of Object.values(catalogs)) {
    for (const [value, aliases] of Object.entries(catalog.choices[group] ?? {})) {
      if (normalise(value) === wanted || aliases.some((alias) => normalise(alias) === wanted)) return value as keyof Choices[G] & string;
    }
  }
  return undefined;
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, '-');
