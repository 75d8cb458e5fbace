import type { MessageKey } from './i18n/index.ts';

/**
 * A mistake the user can fix. Carries a catalog key and its parameters; the
 * dispatcher turns it into a friendly message. Nothing is written when one is
 * thrown, because handlers validate before they write (or write in a transaction).
 */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}

/** A parameter shown as the reader's label of a choice, e.g. orgKind welfare-centre -> 사회복지관. */
export const choiceParam = (group: string, value: string) => `choice:${group}:${value}`;
