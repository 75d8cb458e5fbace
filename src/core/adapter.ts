// The adapter contract, small on purpose (cf. Hubot's Adapter): receive from
// the platform into the Bot, send outbox messages out, start, stop. A
// platform is one folder in src/adapters/ whose index.ts exports an
// AdapterDefinition, and one line in src/adapters/index.ts; app.ts and the
// HTTP listener loop over that list (docs/architecture.md, "Adding a platform").
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Card } from './card.ts';
import type { Transport } from './deliver.ts';
import type { Platform, SuggestKind } from './command.ts';
import type { Bot } from './dispatch.ts';

/** A running adapter: its transport is the outbox sender's way out; it may serve HTTP paths and report readiness. */
export interface ChatAdapter extends Transport {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Paths it serves on the one HTTP listener (src/http.ts); read after start(). */
  routes?(): HttpRoute[];
  /** For /readyz: true while connected to its platform (absent: always ready once started). */
  ready?(): boolean;
}

/** An inbound HTTP path. The body arrives whole as bytes (signature checks need them unparsed); the handler writes the answer. */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Largest body accepted, in bytes: a bigger one is answered 413 before the handler runs. */
  bodyLimit: number;
  handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> | void;
}

/** What every adapter's configure() gets besides its own variables. */
export interface SharedSettings {
  /** HOST, resolved (loopback unless PUBLIC_URL is set). */
  host: string;
  /** PUBLIC_URL without a trailing slash: where the listener is reached from outside. */
  publicUrl?: string;
}

/**
 * One platform, declared. `kind`: 'chat' adapters take people's commands; the
 * 'fallback' (the console) runs only when no chat adapter is on; 'beside'
 * adapters (e-mail) run with whichever does.
 */
export interface AdapterDefinition<P extends Platform = Platform, C = unknown, E extends z.ZodRawShape = z.ZodRawShape> {
  platform: P;
  kind: 'chat' | 'fallback' | 'beside';
  /** Its environment variables and their validation: each message names a correct example. */
  env: E;
  /**
   * Its configuration from its validated variables, or undefined when it is
   * off. A missing companion variable is pushed to `problems` as
   * `  NAME: missing — why`.
   */
  configure(vars: z.output<z.ZodObject<E>>, shared: SharedSettings, problems: string[]): C | undefined;
  /** True when this configuration serves HTTP paths (the listener starts only when something needs it). */
  listens(config: C): boolean;
  /** Builds it; chat libraries load here, not at import, so the console starts light. */
  create(config: C, deps: AdapterDeps): Promise<ChatAdapter>;
  /** Its card renderer (the platform's message format): what a card-limits test runs every card through. */
  render(card: Card): unknown;
}

/** Declares an adapter with its platform name kept literal (Config's keys come from the list). */
export function defineAdapter<P extends Platform, C, E extends z.ZodRawShape>(definition: AdapterDefinition<P, C, E>): AdapterDefinition<P, C, E> {
  return definition;
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
  /**
   * A lock one process of all replicas holds (a PostgreSQL advisory lock; on
   * SQLite always held): undefined when another holds it; `onLost` when a held
   * one goes with its database connection.
   */
  lock: (name: 'discord-gateway', onLost: (error: Error) => void) => Promise<{ release(): Promise<void> } | undefined>;
  /** The default locale (BOT_LOCALE): for pages and messages that reach no known member. */
  locale: 'ko' | 'en';
  /** Per-platform tuning from AppOptions.tuning (tests shorten timeouts); the adapter knows its shape. */
  tuning?: unknown;
  /** The console's terminal (main.ts gives it; tests give streams). */
  io?: { input: Readable; output: Writable; notices: Writable; interactive: boolean };
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
