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
   * False when this inbound request was handled before. Pass `maybeRepeat`
   * when the platform says it is a re-delivery (then it is also looked up in
   * the database, across restarts).
   */
  firstTime: (key: string, maybeRepeat?: boolean) => Promise<boolean>;
  /** Autocomplete values (Discord) for options that name an organisation or a member. */
  suggest: (kind: SuggestKind, query: string) => Promise<{ label: string; value: string }[]>;
}
