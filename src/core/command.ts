// Declarations of slash commands. Each command is a file in the top-level
// commands/ folder, declared with defineCommand(); the registry, the text parser, the help pages, the forms,
// Slack's manifest and Discord's registration are all derived from these.
// Option types are inferred from the declaration, so handlers read
// `ctx.options.id` as a number without a cast.
import type { Card, Reply } from './card.ts';
import type { Clock } from './clock.ts';
import type { ChoiceGroup, Choices, Translator } from './i18n/index.ts';
import type { TextProfile } from './privacy/rules.ts';

export type Role = 'admin' | 'coordinator' | 'head' | 'staff';
export const ROLES: readonly Role[] = ['admin', 'coordinator', 'head', 'staff'];

/**
 * Where a message goes or an invocation comes from. 'email' only sends (SMTP)
 * and receives nothing but one-click unsubscribes (src/adapters/email/).
 */
export type Platform = 'console' | 'slack' | 'discord' | 'email';

export interface Actor {
  /** undefined while a chat user is not linked to a member yet (and for the scheduler's system actor). */
  memberId?: number;
  name: string;
  roles: ReadonlySet<Role>;
  orgId?: number;
  locale: Locale;
  platform: Platform;
  platformUserId: string;
}

/** The caller of a command that needs a linked member (every one not declared `allowUnlinked`): dispatch checked it. */
export interface LinkedActor extends Actor {
  memberId: number;
}

export const isLinked = (actor: Actor): actor is LinkedActor => actor.memberId !== undefined;

/** The actor a handler sees: any caller when the subcommand allows unlinked users, else a linked member. */
export type ActorFor<Unlinked extends boolean> = Unlinked extends true ? Actor : LinkedActor;

type Locale = Translator['locale'];

/** 'url': an http(s) link (anything else, e.g. javascript:, is refused). */
export type OptionType = 'string' | 'url' | 'integer' | 'date' | 'time' | 'choice' | 'boolean';

/** What an option's free text names; adapters offer completions (Discord autocomplete). */
export type SuggestKind = 'org' | 'member';

export interface OptionDecl {
  readonly name: string;
  readonly type: OptionType;
  readonly required?: boolean;
  /** Taken from the bare words after the subcommand, in declaration order. */
  readonly positional?: boolean;
  /** A positional that swallows the remaining bare words (free text with spaces). */
  readonly rest?: boolean;
  /** For type 'choice': the catalog group under `choices` holding labels and aliases. */
  readonly choices?: ChoiceGroup;
  /** The value names an organisation or a member: adapters may offer completions. */
  readonly suggest?: SuggestKind;
  /**
   * For type 'string': which identifier rules guard the text (src/core/privacy/rules.ts).
   * Default: 'contact' for options named phone/email, 'name' for options named
   * name and for references (suggest), 'free' otherwise. Use 'case' for fields about a case.
   */
  readonly text?: TextProfile;
  /**
   * For type 'string': the text may take several lines (a case summary, a
   * handover note). Every other option is one line: a line break in it is
   * refused (it could fake a second line of a message or a CSV row).
   */
  readonly multiline?: boolean;
}

export type OptionValue = string | number | boolean;
export type Options = Record<string, OptionValue | undefined>;

/** The value one declared option yields: dates 'YYYY-MM-DD', times 'HH:MM', choices their canonical value. */
type ValueOf<O extends OptionDecl> = O['type'] extends 'integer'
  ? number
  : O['type'] extends 'boolean'
    ? boolean
    : O['type'] extends 'choice'
      ? O['choices'] extends ChoiceGroup
        ? keyof Choices[O['choices']] & string
        : string
      : string;

/** The typed options object of a subcommand, inferred from its declaration. */
export type OptionsOf<Os extends readonly OptionDecl[]> = readonly OptionDecl[] extends Os
  ? Options // not a literal declaration: the registry's erased view
  : { [O in Os[number] as O['name']]: O['required'] extends true ? ValueOf<O> : ValueOf<O> | undefined };

export interface Invocation {
  platform: Platform;
  platformUserId: string;
  displayName: string;
  channelId: string;
  /** Set when this invocation is a button press on a message. */
  fromButton?: boolean;
  /** The adapter can open a form when required options are missing (Slack, Discord). */
  supportsForms?: boolean;
  /** Console only (`@@name`): a speaker of that name may be created as a new member. */
  newSpeaker?: boolean;
}

/** The declared commands as a handler may read them (/help); the registry is one. */
export interface CommandLookup {
  /** The command as seen from a platform: one limited to other platforms does not exist there. */
  get(name: string, platform?: Platform): CommandDecl | undefined;
  /** Every command, or those a platform offers. */
  all(platform?: Platform): CommandDecl[];
}

/** What the core adds to the feature context for one command. */
export interface CommandContext<O> {
  actor: Actor;
  clock: Clock;
  options: O;
  invocation: Invocation;
  registry: CommandLookup;
  /** In the caller's language. */
  t: Translator;
}

export type HandlerContext<Ctx, O = Options, Unlinked extends boolean = boolean> = Omit<Ctx, keyof CommandContext<O>> &
  CommandContext<O> & { actor: ActorFor<Unlinked> };

export interface SubcommandDecl<Ctx = unknown, Os extends readonly OptionDecl[] = readonly OptionDecl[], Unlinked extends boolean = boolean> {
  options?: Os;
  /** Roles allowed besides admin (admin may do everything). 'any' = every linked member. */
  roles: readonly Role[] | 'any';
  /** Allowed before the chat user is linked to a member (/help, /member me). */
  allowUnlinked?: Unlinked;
  /** Only on these platforms (e.g. the console's /clock); absent = everywhere. */
  platforms?: readonly Platform[];
  // Method syntax on purpose: a command holds subcommands of different option
  // types, which only a bivariant handler lets it list side by side.
  handler(ctx: HandlerContext<Ctx, OptionsOf<Os>, Unlinked>): Promise<Reply | Card> | Reply | Card;
}

export interface CommandDecl<Ctx = unknown> {
  name: string;
  /** The features whose services it calls: without one of them running, the command does not exist. */
  features: readonly string[];
  /** A command either has subcommands or is itself the single action (key ''). */
  subcommands: Record<string, SubcommandDecl<Ctx>>;
  /** Only on these platforms; absent = everywhere. Slack's manifest and Discord's registration leave the others out. */
  platforms?: readonly Platform[];
}

/** The name under which a command without subcommands keeps its one action. */
export const DIRECT = '';

/**
 * `commandDefiner<Ctx>()` gives a feature layer its `defineCommand` and
 * `subcommand`: each subcommand's options are inferred from its literal
 * declaration (a const type parameter), and its handler sees `Ctx` plus
 * those typed options, and a LinkedActor unless it says `allowUnlinked: true`. (One call per subcommand: TypeScript cannot infer a
 * separate option list for each key of one object literal.)
 */
export function commandDefiner<Ctx>() {
  return {
    defineCommand: (decl: CommandDecl<Ctx>): CommandDecl<Ctx> => decl,
    subcommand: <const Os extends readonly OptionDecl[] = [], const Unlinked extends boolean = false>(
      decl: SubcommandDecl<Ctx, Os, Unlinked>,
    ): SubcommandDecl<Ctx, Os, NoInfer<Unlinked>> => decl,
  };
}
