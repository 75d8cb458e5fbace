// invocation -> parse -> actor -> permission -> options -> handler -> Reply.
// A UserError becomes a friendly ephemeral reply; anything else is logged
// with a correlation id and the user sees only that id.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Card, Reply } from './card.ts';
import type { Clock } from './clock.ts';
import { DIRECT, isLinked, type Actor, type Invocation, type Options, type Role } from './command.ts';
import { UserError } from './errors.ts';
import { choiceLabel, translator, type ChoiceGroup, type Locale, type MessageKey, type Translator } from './i18n/index.ts';
import { bindOptions } from './options.ts';
import { checkCommandLength, parseText, type ParsedText } from './parse.ts';
import { ALWAYS_FORBIDDEN, detectIdentifier, requireCleanText, residentNameCandidates, withKnownNames } from './privacy/index.ts';
import { hasSubcommands, subcommandText, type Registry } from './registry.ts';
import { commandHelp, subcommandHelp } from './help.ts';
import { buildForm, givenValues, missingRequired } from './forms.ts';

export interface BotDeps<Ctx> {
  registry: Registry;
  /** The feature context for one command, acting as its caller. */
  context: (actor: Actor) => Ctx;
  clock: Clock;
  logger: Logger;
  /** Language of answers given before the caller is known. */
  defaultLocale: Locale;
  /** Who is calling: a linked member, or an unlinked chat user (no memberId). */
  resolveActor: (invocation: Invocation) => Promise<Actor>;
  /**
   * Which of these names are members of the directory (one indexed query on
   * Member.name over those names only): a member with a title (김민수 님) is
   * not a resident. Absent: every such name is refused.
   */
  knownNames?: (names: string[]) => Promise<ReadonlySet<string>>;
}

export class Bot<Ctx = unknown> {
  constructor(readonly deps: BotDeps<Ctx>) {}

  get registry(): Registry {
    return this.deps.registry;
  }

  /** Answers before the caller is known (the bot's language, BOT_LOCALE). */
  translator(): Translator {
    return translator(this.deps.defaultLocale);
  }

  /** A pressed button or chosen option: its command, run as the person who pressed it. */
  press(command: string, invocation: Invocation): Promise<Reply> {
    return this.handleText(command, { ...invocation, fromButton: true });
  }

  /** Handles the text form, e.g. `/org add 사회복지관 행복종합사회복지관`. */
  async handleText(text: string, invocation: Invocation): Promise<Reply> {
    const tooLong = this.#tooLong(text.length);
    if (tooLong) return tooLong;
    return this.#guard(invocation, async (actor) => {
      refuseIdentifiers(text);
      return this.#run(parseText(text), invocation, actor);
    });
  }

  /** Handles a command whose options arrive already split (Discord, modals). */
  async handleParsed(parsed: ParsedText, invocation: Invocation): Promise<Reply> {
    const tooLong = this.#tooLong([parsed.command, ...parsed.words, ...parsed.named.flat()].reduce((n, part) => n + part.length + 1, 0));
    if (tooLong) return tooLong;
    return this.#guard(invocation, async (actor) => {
      refuseIdentifiers([...parsed.words, ...parsed.named.map(([, v]) => v)].join(' '));
      return this.#run(parsed, invocation, actor);
    });
  }

  /** A command over the length limit is refused before anything else, in the bot's language (the caller is not looked up). */
  #tooLong(length: number): Reply | undefined {
    try {
      checkCommandLength(length);
      return undefined;
    } catch (error) {
      return errorReply(this.translator(), error as UserError);
    }
  }

  async #guard(invocation: Invocation, work: (actor: Actor) => Promise<Reply>): Promise<Reply> {
    let t: Translator = translator(this.deps.defaultLocale);
    try {
      const actor = await this.deps.resolveActor(invocation);
      t = translator(actor.locale);
      return await work(actor);
    } catch (error) {
      if (error instanceof UserError) return errorReply(t, error);
      const id = randomUUID().slice(0, 8);
      // Never log the command text: it may hold what a user should not have typed.
      this.deps.logger.error({ err: error, correlationId: id, platform: invocation.platform }, 'command failed');
      return { card: { tone: 'error', lines: [t('error.internal', { id })] }, ephemeral: true };
    }
  }

  async #run(parsed: ParsedText, invocation: Invocation, actor: Actor): Promise<Reply> {
    const { registry } = this.deps;
    const t = translator(actor.locale);

    const command = registry.get(parsed.command, invocation.platform);
    // Refusals never show what was typed back (only declared names and catalog examples). Words that
    // fit nowhere still pass the guard, so an identifier or control character is named as such wherever it stands.
    if (!command) {
      requireCleanText('name', 'command', parsed.command);
      throw new UserError('error.unknownCommand');
    }

    let sub = DIRECT;
    let words = parsed.words;
    if (hasSubcommands(command)) {
      const names = Object.keys(command.subcommands);
      const example = subcommandText(t.catalog, command.name, names[0]).example;
      if (!words[0] || words[0] === 'help') return { card: commandHelp(t, command), ephemeral: true };
      sub = words[0].toLowerCase();
      if (!Object.hasOwn(command.subcommands, sub)) {
        requireCleanText('name', 'command', words[0]);
        throw new UserError('error.unknownSubcommand', { command: command.name, choices: names.join(', '), example });
      }
      words = words.slice(1);
    } else if (words[0] === 'help' && parsed.named.length === 0) {
      return { card: commandHelp(t, command), ephemeral: true };
    }
    if (words[0] === 'help' && words.length === 1 && parsed.named.length === 0) {
      return { card: subcommandHelp(t, command, sub), ephemeral: true };
    }

    const decl = command.subcommands[sub];
    if (decl.platforms && !decl.platforms.includes(invocation.platform)) {
      throw new UserError('error.unknownSubcommand', { command: command.name, choices: Object.keys(command.subcommands).join(', '), example: '' });
    }
    if (!isLinked(actor) && !decl.allowUnlinked) throw new UserError('error.notLinked');
    if (!mayRun(actor, decl.roles)) {
      const allowed = decl.roles === 'any' ? [] : decl.roles;
      throw new UserError('error.forbidden', {
        command: `${command.name}${sub ? ` ${sub}` : ''}`,
        roles: ['admin', ...allowed].map((r) => t(`role.${r}` as 'role.admin')).join(', '),
        current: [...actor.roles].map((r) => t(`role.${r}` as 'role.admin')).join(', ') || t('role.none'),
      });
    }

    if (invocation.supportsForms && missingRequired(command, sub, words, parsed.named).length) {
      // The card is the usage page: what an adapter that cannot open the form shows instead.
      return { card: subcommandHelp(t, command, sub), form: buildForm(t, command, sub, givenValues(command, sub, words, parsed.named)), ephemeral: true };
    }
    const known = await this.#knownNames([...words, ...parsed.named.map(([, value]) => value)]);
    const options: Options = bindOptions(command, sub, words, parsed.named, { now: this.deps.clock.now(), locale: actor.locale, known });
    // The write-time guard lets the same directory names through (see privacy/known-names.ts).
    const result = await withKnownNames(known, () =>
      decl.handler({ ...this.deps.context(actor), actor, clock: this.deps.clock, options, invocation, registry, t }),
    );
    return 'card' in result ? result : { card: result };
  }

  /** The members among the names with titles in the values (no query when there are none). */
  async #knownNames(values: string[]): Promise<ReadonlySet<string> | undefined> {
    const names = [...new Set(values.flatMap(residentNameCandidates))];
    if (names.length === 0 || !this.deps.knownNames) return undefined;
    return this.deps.knownNames(names);
  }
}

function refuseIdentifiers(text: string): void {
  const kind = detectIdentifier(text, ALWAYS_FORBIDDEN);
  if (kind) throw new UserError('error.residentIdentifier', { what: `pii.${kind}` });
}

function mayRun(actor: Actor, roles: readonly string[] | 'any'): boolean {
  if (actor.roles.has('admin') || roles === 'any') return true;
  return roles.some((role) => actor.roles.has(role as Role));
}

function errorReply(t: Translator, error: UserError): Reply {
  // Parameters naming a catalog entry (pii.rrn, seat.member) or a choice
  // (choice:orgKind:council) are shown in the reader's language.
  const params = Object.fromEntries(
    Object.entries(error.params).map(([k, v]) => {
      if (typeof v !== 'string') return [k, v];
      if (v in t.catalog.messages) return [k, t(v as MessageKey)];
      const choice = /^choice:(\w+):(.+)$/.exec(v);
      return [k, choice ? choiceLabel(t, choice[1] as ChoiceGroup, choice[2]) : v];
    }),
  );
  const card: Card = { tone: 'error', lines: [t(error.key, params)] };
  return { card, ephemeral: true };
}
