// Declarations of slash commands. One file per command under commands/ calls
// defineCommand(); the registry, the text parser, the help pages, Slack's
// manifest and Discord's registration are all derived from these.
import type { Card, Reply } from './card.ts';
import type { Clock } from './clock.ts';
import type { Locale, Translator } from './i18n/index.ts';
import type { Registry } from './registry.ts';

export type Role = 'admin' | 'coordinator' | 'head' | 'staff';
export const ROLES: readonly Role[] = ['admin', 'coordinator', 'head', 'staff'];

export type Platform = 'console' | 'slack' | 'discord';

export interface Actor {
  /** undefined while a chat user is not linked to a member yet. */
  memberId?: number;
  name: string;
  roles: ReadonlySet<Role>;
  orgId?: number;
  locale: Locale;
  platform: Platform;
  platformUserId: string;
}

export type OptionType = 'string' | 'integer' | 'date' | 'time' | 'choice' | 'boolean';

export interface OptionDecl {
  name: string;
  type: OptionType;
  required?: boolean;
  /** Taken from the bare words after the subcommand, in declaration order. */
  positional?: boolean;
  /** A positional that swallows the remaining bare words (free text with spaces). */
  rest?: boolean;
  /** For type 'choice': the catalog group under `choices` holding labels and aliases. */
  choices?: string;
}

export type OptionValue = string | number | boolean | Date;
export type Options = Record<string, OptionValue | undefined>;

export interface Invocation {
  platform: Platform;
  platformUserId: string;
  displayName: string;
  channelId: string;
  /** Set when this invocation is a button press on a message. */
  fromButton?: boolean;
  /** The adapter can open a form when required options are missing (Slack, Discord). */
  supportsForms?: boolean;
}

export interface HandlerContext<Services = unknown> {
  actor: Actor;
  options: Options;
  invocation: Invocation;
  services: Services;
  clock: Clock;
  registry: Registry;
  t: Translator;
}

export interface SubcommandDecl<Services = unknown> {
  options?: OptionDecl[];
  /** Roles allowed besides admin (admin may do everything). 'any' = every linked member. */
  roles: readonly Role[] | 'any';
  /** Allowed before the chat user is linked to a member (/help, /member me). */
  allowUnlinked?: boolean;
  handler: (ctx: HandlerContext<Services>) => Promise<Reply | Card> | Reply | Card;
}

export interface CommandDecl<Services = unknown> {
  name: string;
  /** A command either has subcommands or is itself the single action (key ''). */
  subcommands: Record<string, SubcommandDecl<Services>>;
}

/** The name under which a command without subcommands keeps its one action. */
export const DIRECT = '';

export function defineCommand<S>(decl: CommandDecl<S>): CommandDecl<S> {
  return decl;
}
