// The adapter contract, small on purpose (cf. Hubot's Adapter): receive from
// the platform into the Bot, send outbox messages out, start, stop.
import type { Logger } from 'pino';
import type { Transport } from './deliver.ts';
import type { SuggestKind } from './command.ts';
import type { Bot } from './dispatch.ts';

export interface ChatAdapter extends Transport {
  start(): Promise<void>;
  stop(): Promise<void>;
}


export interface AdapterDeps {
  bot: Bot;
  logger: Logger;
  /**
   * False when this inbound request was handled before. Pass when the
   * platform signed or created it (`signedAt`, ms): requests from before this
   * process started are also looked up in the database, across restarts, and
   * fresh ones only in memory. `retry`: the platform says it is a
   * re-delivery (always looked up). A boolean is `retry`.
   */
  firstTime: (key: string, check?: boolean | { signedAt?: number; retry?: boolean }) => Promise<boolean>;
  /**
   * True when firstTime has taken this key before (in memory or the
   * database); takes nothing. For what may only be taken once it succeeds (a
   * form: a mistake in it keeps it open for the corrected submission).
   */
  handled: (key: string) => Promise<boolean>;
  /** Autocomplete values (Discord) for options that name an organisation or a member. */
  suggest: (kind: SuggestKind, query: string) => Promise<{ label: string; value: string }[]>;
}

/**
 * Does `sub` name a subcommand this command declares (its own key, never an
 * inherited one such as `__proto__` or `constructor`)? Forms carry the
 * subcommand back from the platform, so adapters check it before the core runs.
 */
export function declaresSubcommand(command: { subcommands: object }, sub: string): boolean {
  return typeof sub === 'string' && Object.hasOwn(command.subcommands, sub);
}

/** Values of a submitted form keyed by field name, without a prototype (a field named `__proto__` is just a key). */
export function formValues(): Record<string, string | undefined> {
  return Object.create(null) as Record<string, string | undefined>;
}
