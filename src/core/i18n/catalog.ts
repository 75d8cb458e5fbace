// Catalog declarations: a feature's (or the core's) texts in ko and en, with
// en typed against ko so a missing or extra key is a compile error.

export interface SubcommandText {
  description: string;
  example: string;
  options: Record<string, string>;
}
export interface CommandText {
  description: string;
  subcommands: Record<string, SubcommandText>;
}
/** One catalog in one language: what a feature (or the core) contributes. */
export interface CatalogPart {
  messages?: Record<string, string>;
  /** Help, forms, Slack's manifest and Discord's registration read these. */
  commands?: Record<string, CommandText>;
  /** First word: the label shown; the rest: other words accepted as input. */
  choices?: Record<string, Record<string, readonly string[]>>;
}

type Widen<T> = T extends string ? string : T extends readonly string[] ? readonly string[] : { [K in keyof T]: Widen<T[K]> };

/** A catalog in both languages; en must have exactly ko's keys (checked by the type). */
export interface Bilingual<K extends CatalogPart> {
  ko: K;
  en: Widen<K>;
}

/** Declares a catalog: `defineCatalog(ko, en)`, en typed against ko. */
export function defineCatalog<const K extends CatalogPart>(ko: K, en: Widen<K>): Bilingual<K> {
  return { ko, en };
}

/** The message keys of a catalog, for `interface Messages extends MessagesOf<typeof catalog> {}`. */
export type MessagesOf<C extends Bilingual<CatalogPart>> = Record<keyof NonNullable<C['ko']['messages']> & string, string>;
/** The choice groups of a catalog, for `interface Choices extends ChoicesOf<typeof catalog> {}`. */
export type ChoicesOf<C extends Bilingual<CatalogPart>> = NonNullable<C['ko']['choices']>;

