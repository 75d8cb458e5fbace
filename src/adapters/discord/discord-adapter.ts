// Discord through discord.js: the gateway delivers interactions, REST answers
// them. Every registry command is an application command (see commands.ts and
// `npm run discord:register`). A slash command's options arrive split, so they
// go to the core as ParsedText; a command without its required options opens
// a modal built from its declaration (its id carries a nonce: a form is sent
// once, its receipt kept as for interactions); buttons and selects carry their command
// (core/actions.ts). A command that takes longer than `deferAfterMs` is
// deferred ("thinking…") and its answer edited in.
import { createHash } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  Client,
  ComponentType,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  HTTPError,
  MessageFlags,
  RateLimitError,
  Routes,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
  type RESTOptions,
} from 'discord.js';
import { declaresSubcommand, formValues, type AdapterDeps, type ChatAdapter } from '../../core/adapter.ts';
import { decodeAction } from '../../core/actions.ts';
import { cut, type Card, type Reply } from '../../core/card.ts';
import { DIRECT, type Invocation } from '../../core/command.ts';
import { DeliveryError, type OutgoingMessage, type SentMessage } from '../../core/deliver.ts';
import { formToParsed } from '../../core/forms.ts';
import { subcommandHelp } from '../../core/help.ts';
import type { ParsedText } from '../../core/parse.ts';
import type { DiscordConfig } from './config.ts';
import { attachments, cardToMessage, decodeFormId, formNonce, formOpenedAt, formToModal, modalPlan, SELECT_ID } from './components.ts';

/** Discord error codes that no retry can fix. */
const PERMANENT_CODES = new Set([
  10003, // Unknown Channel
  10004, // Unknown Guild
  10013, // Unknown User
  50001, // Missing Access
  50007, // Cannot send messages to this user
  50013, // Missing Permissions
]);

export interface DiscordAdapterOptions {
  /** Defer an answer that is not ready after this long (Discord allows 3 s for the first response). Default 1500. */
  deferAfterMs?: number;
  /**
   * Rate limits longer than this are not waited out inside discord.js: the
   * request fails (an outbox send becomes a transient DeliveryError with
   * retryAfterMs) instead of blocking. Default 5000.
   */
  maxRateLimitWaitMs?: number;
  /** Overrides for @discordjs/rest (tests: `{ retries: 0, timeout: 2000 }`). */
  rest?: Partial<RESTOptions>;
  /**
   * Replicas: only the holder of this lock connects to the gateway (Discord
   * delivers each interaction to one gateway session of a bot; two sessions
   * would both answer). Returns undefined when another process holds it;
   * `onLost` is called when a held lock is lost. Absent: always held.
   */
  gatewayLock?: (onLost: (error: Error) => void) => Promise<{ release(): Promise<void> } | undefined>;
  /** How often a process without the gateway tries to take it over. Default 15 s. */
  gatewayRetryMs?: number;
}

type Answerable = ChatInputCommandInteraction | MessageComponentInteraction | ModalSubmitInteraction;

interface AnswerMode {
  /** The reply replaces the message the component sits on (unless it is ephemeral). */
  update: boolean;
  /** A form may be shown as a modal (not possible in answer to a modal). */
  forms: boolean;
}

export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  readonly client: Client;
  readonly #deferAfterMs: number;
  readonly #inFlight = new Set<Promise<void>>();
  /** Nonces of forms whose submission is running now (a second press arrives before the first one's receipt). */
  readonly #formsRunning = new Set<string>();
  /** user id -> DM channel id; bounded (oldest dropped first). */
  readonly #dmChannels = new Map<string, string>();
  readonly #gatewayLock: NonNullable<DiscordAdapterOptions['gatewayLock']>;
  readonly #gatewayRetryMs: number;
  #lock: { release(): Promise<void> } | undefined;
  #standby: NodeJS.Timeout | undefined;
  #stopped = true;

  constructor(
    private readonly config: DiscordConfig,
    private readonly deps: AdapterDeps,
    options: DiscordAdapterOptions = {},
  ) {
    this.#deferAfterMs = options.deferAfterMs ?? 1500;
    this.#gatewayLock = options.gatewayLock ?? (async () => ({ release: async () => {} }));
    this.#gatewayRetryMs = options.gatewayRetryMs ?? 15_000;
    const maxWait = options.maxRateLimitWaitMs ?? 5000;
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      // Nothing the bot says pings anyone (names in cards are plain text).
      allowedMentions: { parse: [] },
      rest: {
        api: config.apiUrl,
        retries: 1,
        timeout: 10_000,
        rejectOnRateLimit: (limit) => limit.retryAfter > maxWait,
        ...options.rest,
      },
    });
    // Without a listener an 'error' event would crash the process.
    this.client.on(Events.Error, (error) => this.deps.logger.error({ err: error, platform: 'discord' }, 'discord client error'));
    this.client.on(Events.InteractionCreate, (interaction) => this.#track(this.#onInteraction(interaction)));
  }

  /**
   * REST (sending, answering) works in every process at once; the gateway
   * (receiving interactions) only in the one holding the gateway lock. The
   * others stand by and try again every gatewayRetryMs, so when the holder
   * dies (its lock goes with its database connection) another one connects
   * within that time.
   */
  async start(): Promise<void> {
    this.#stopped = false;
    this.client.rest.setToken(this.config.token);
    if (!(await this.#takeGateway())) {
      this.deps.logger.info({ platform: 'discord' }, 'discord: another process holds the gateway; sending only, standing by');
      this.#standBy();
    }
  }

  /** For /readyz: a process standing by (another holds the gateway) sends over REST and is ready; the holder once connected. */
  ready(): boolean {
    return !this.#lock || this.client.isReady();
  }

  /** True when this process now holds the gateway. */
  get gatewayHeld(): boolean {
    return this.#lock !== undefined;
  }

  async #takeGateway(): Promise<boolean> {
    const lock = await this.#gatewayLock((error) => void this.#gatewayLost(error));
    if (!lock) return false;
    if (this.#stopped) {
      await lock.release();
      return false;
    }
    this.#lock = lock;
    try {
      const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
      await this.client.login(this.config.token);
      await ready;
    } catch (error) {
      this.#lock = undefined;
      await lock.release();
      throw error;
    }
    this.deps.logger.info({ platform: 'discord', user: this.client.user?.id }, 'discord connected (gateway)');
    return true;
  }

  #standBy(): void {
    if (this.#stopped || this.#standby) return;
    this.#standby = setTimeout(() => {
      this.#standby = undefined;
      this.#takeGateway().then(
        (held) => {
          if (!held) this.#standBy();
        },
        (error: unknown) => {
          this.deps.logger.warn({ err: error, platform: 'discord' }, 'discord: could not take the gateway; will try again');
          this.#standBy();
        },
      );
    }, this.#gatewayRetryMs);
    this.#standby.unref();
  }

  async #gatewayLost(error: Error): Promise<void> {
    if (this.#stopped || !this.#lock) return;
    this.deps.logger.warn({ err: error, platform: 'discord' }, 'discord: gateway lock lost (database connection); leaving the gateway');
    this.#lock = undefined;
    await this.client.destroy().catch(() => undefined);
    this.client.rest.setToken(this.config.token); // destroy() clears it; sending goes on
    this.#standBy();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#standby);
    this.#standby = undefined;
    await this.idle();
    await this.client.destroy();
    await this.#lock?.release();
    this.#lock = undefined;
  }

  /** Resolves when every interaction received so far has been answered. */
  async idle(): Promise<void> {
    while (this.#inFlight.size) await Promise.allSettled([...this.#inFlight]);
  }

  #track(work: Promise<void>): void {
    const tracked = work.finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }

  // ---------- Inbound ----------

  async #onInteraction(interaction: Interaction): Promise<void> {
    const log = { platform: 'discord', interaction: interaction.id, type: interaction.type };
    try {
      if (interaction.isAutocomplete()) {
        await this.#autocomplete(interaction);
        return;
      }
      // Gateway replays and double deliveries: handle each interaction once.
      // The id is a snowflake holding its creation time: an interaction older
      // than its token (15 min) cannot be answered and is dropped, and so is one
      // more than a minute ahead of our clock (no real one is: memory alone
      // would answer for it, so after a restart it would run again). One created
      // before this process started (or within the skew after) is also looked up in the database.
      const createdAt = snowflakeTime(interaction.id);
      const age = Date.now() - createdAt;
      if (age > INTERACTION_TTL_MS || age < -INTERACTION_FUTURE_MS) {
        this.deps.logger.warn(log, age > 0 ? 'discord interaction too old, dropped' : 'discord interaction from the future, dropped');
        return;
      }
      if (!(await this.deps.firstTime(`discord:${interaction.id}`, { signedAt: createdAt }))) return;
      if (interaction.isChatInputCommand()) await this.#command(interaction);
      else if (interaction.isButton() || interaction.isStringSelectMenu()) await this.#component(interaction);
      else if (interaction.isModalSubmit()) await this.#modal(interaction);
    } catch (error) {
      // Ids only: never the command text or option values.
      this.deps.logger.error({ err: error, ...log }, 'discord interaction failed');
    }
  }

  async #command(interaction: ChatInputCommandInteraction): Promise<void> {
    const parsed = toParsed(interaction.commandName, interaction.options.data);
    const work = this.deps.bot.handleParsed(parsed, this.#invocation(interaction, true));
    await this.#answer(interaction, work, { update: false, forms: true });
  }

  async #component(interaction: MessageComponentInteraction): Promise<void> {
    const id = interaction.isStringSelectMenu() && interaction.customId === SELECT_ID ? interaction.values[0] : interaction.customId;
    const action = id ? decodeAction(id) : undefined;
    if (!action) {
      // Not ours (or from an older version of a card): acknowledge quietly.
      await interaction.deferUpdate();
      return;
    }
    const work = this.deps.bot.press(action.command, this.#invocation(interaction, true));
    await this.#answer(interaction, work, { update: action.updatesMessage, forms: true });
  }

  async #modal(interaction: ModalSubmitInteraction): Promise<void> {
    const form = decodeFormId(interaction.customId);
    const found = form ? this.deps.bot.registry.get(form.command) : undefined;
    // The custom_id comes back from the client: a subcommand the command does not declare (or __proto__) is not trusted.
    const command = found && form && declaresSubcommand(found, form.sub) ? found : undefined;
    if (!form || !command) {
      // A form of a command this version no longer has: the core says so, in the caller's language.
      const work = this.deps.bot.handleParsed({ command: form?.command ?? '?', words: [], named: [] }, this.#invocation(interaction, false));
      await this.#answer(interaction, work, { update: false, forms: false });
      return;
    }
    // Used once, as Slack's forms: a second submission (the modal left open after a slow answer, a replay) runs nothing.
    const t = this.deps.bot.translator();
    const refuse = (key: 'error.formExpired' | 'error.formUsed') =>
      this.#answer(interaction, Promise.resolve({ card: { tone: 'error', lines: [t(key)] }, ephemeral: true }), { update: false, forms: false });
    const openedAt = formOpenedAt(form.nonce);
    if (openedAt === undefined || Date.now() - openedAt > FORM_TTL_MS) return refuse('error.formExpired');
    const receipt = `discord-form:${form.nonce}`;
    if (this.#formsRunning.has(form.nonce) || (await this.deps.handled(receipt))) return refuse('error.formUsed');
    this.#formsRunning.add(form.nonce);
    // What the command already gave rides in the modal's id when the form had more than five fields.
    const values = Object.assign(formValues(), form.given);
    for (const field of interaction.fields.fields.values()) {
      if (field.type === ComponentType.TextInput) values[field.customId] = field.value;
    }
    // A second form cannot follow a form: missing options become an error message.
    const work = this.deps.bot
      .handleParsed(formToParsed(command, form.sub, values), this.#invocation(interaction, false))
      .then(async (reply) => {
        // A mistake wrote nothing: the form may be sent again, corrected.
        if (reply.card.tone !== 'error') await this.deps.firstTime(receipt, { retry: true });
        return reply;
      })
      .finally(() => this.#formsRunning.delete(form.nonce));
    await this.#answer(interaction, work, { update: false, forms: false });
  }

  async #autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const command = this.deps.bot.registry.get(interaction.commandName, 'discord');
    const sub = command?.subcommands[interaction.options.getSubcommand(false) ?? DIRECT];
    const kind = sub?.options?.find((option) => option.name === focused.name)?.suggest;
    let choices: { name: string; value: string }[] = [];
    if (kind) {
      try {
        const suggestions = await this.deps.suggest(kind, String(focused.value ?? ''));
        choices = suggestions.slice(0, 25).map((s) => ({ name: cut(s.label, 100), value: s.value.slice(0, 100) }));
      } catch (error) {
        this.deps.logger.warn({ err: error, platform: 'discord', interaction: interaction.id }, 'suggestions failed');
      }
    }
    await interaction.respond(choices);
  }

  #invocation(interaction: Answerable, supportsForms: boolean): Invocation {
    const { user } = interaction;
    return {
      platform: 'discord',
      platformUserId: user.id,
      displayName: user.globalName ?? user.username,
      channelId: interaction.channelId ?? '',
      supportsForms,
    };
  }

  /**
   * Answers with the reply once it is ready. Discord wants a first response
   * within 3 s: if the core has not answered after `deferAfterMs`, the
   * interaction is deferred and the reply edited in afterwards.
   */
  async #answer(interaction: Answerable, work: Promise<Reply>, mode: AnswerMode): Promise<void> {
    const ready = await settleWithin(work, this.#deferAfterMs);
    if (ready) {
      await this.#respond(interaction, ready.reply, mode);
      return;
    }
    const update = mode.update && interaction.isMessageComponent();
    if (update) await interaction.deferUpdate();
    // Public "thinking…": whether the answer is ephemeral is known only later (see below).
    else await interaction.deferReply();
    let reply = await work;
    // A modal can only be the first response; ask for the options in a message instead.
    if (reply.form) reply = this.#formHint(reply);
    const message = this.#message(interaction, reply.card, update);
    if (!reply.ephemeral) {
      await interaction.editReply({ ...message, files: attachments(reply.files) });
      return;
    }
    if (!update) {
      // A deferred response keeps its visibility, and so would the first
      // follow-up. Resolve the placeholder, answer privately, remove it.
      await interaction.editReply({ content: '…', embeds: [], components: [] });
    }
    await interaction.followUp({ ...message, files: attachments(reply.files), flags: MessageFlags.Ephemeral });
    if (!update) await interaction.deleteReply();
  }

  async #respond(interaction: Answerable, reply: Reply, mode: AnswerMode): Promise<void> {
    if (reply.form) {
      // A Discord modal holds five fields; a command needing more gets its usage page instead.
      const fits = modalPlan(reply.form) !== undefined;
      if (mode.forms && fits && !interaction.isModalSubmit()) {
        await interaction.showModal(formToModal(reply.form, formNonce(Date.now())));
        return;
      }
      reply = this.#formHint(reply);
    }
    const files = attachments(reply.files);
    if (mode.update && !reply.ephemeral && interaction.isMessageComponent()) {
      await interaction.update({ ...this.#message(interaction, reply.card, true), files });
      return;
    }
    const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
    await interaction.reply({ ...this.#message(interaction, reply.card, false), files, ...(flags ? { flags } : {}) });
  }

  /** The rendered card; an update keeps the notifying style of the message it replaces. */
  #message(interaction: Answerable, card: Card, update: boolean) {
    const notify = update && interaction.isMessageComponent() && interaction.message.content !== '';
    return cardToMessage(card, { notify });
  }

  /** When a form cannot be shown: the card if it says something, else the subcommand's usage. */
  #formHint(reply: Reply): Reply {
    const card = reply.card;
    const empty = !card.title && !card.lines?.some((l) => l.trim()) && !card.fields?.length;
    const form = reply.form;
    const command = form ? this.deps.bot.registry.get(form.command) : undefined;
    const hint = empty && form && command ? subcommandHelp(this.deps.bot.translator(), command, form.sub) : card;
    return { card: hint, ephemeral: true };
  }

  // ---------- Transport (outbox) ----------

  /**
   * Posts through REST (no channel cache needed). The nonce, derived from the
   * outbox key, with enforce_nonce makes Discord return the earlier message
   * instead of creating a second one when the same key is sent again within
   * its dedupe window (a few minutes): a quick restart is absorbed there.
   * Beyond that window findSent() reads the channel's history.
   */
  async send(message: OutgoingMessage): Promise<SentMessage> {
    try {
      const channelId = message.to.kind === 'user' ? await this.#dmChannel(message.to.id) : message.to.id;
      const body = {
        ...cardToMessage(message.card, { notify: true }),
        allowed_mentions: { parse: [] },
        nonce: nonceFor(message.key),
        enforce_nonce: true,
      };
      const sent = (await this.client.rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
      return { ref: sent.id };
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  /**
   * After a crash: was this message posted? Discord's history does not show
   * nonces, so it looks for a message by this bot since `since` with the
   * same text and embed, skipping messages other outbox rows already account
   * for (`known`). Needs View Channel + Read Message History in guild
   * channels (DMs always); without them a permanent DeliveryError: the
   * outbox sends again, with the same nonce.
   */
  async findSent(message: OutgoingMessage, since: Date, known: ReadonlySet<string> = new Set()): Promise<SentMessage | undefined> {
    try {
      const channelId = message.to.kind === 'user' ? await this.#dmChannel(message.to.id) : message.to.id;
      const expected = cardToMessage(message.card, { notify: true });
      const signature = JSON.stringify([expected.content, expected.embeds[0]?.title ?? null, expected.embeds[0]?.description ?? null]);
      const botId = this.client.user?.id;
      let after = snowflakeAt(since.getTime());
      for (let page = 0; page < 10; page++) {
        const query = new URLSearchParams({ after, limit: '100' });
        const batch = (await this.client.rest.get(Routes.channelMessages(channelId), { query })) as {
          id: string;
          author?: { id: string };
          content?: string;
          embeds?: { title?: string; description?: string }[];
        }[];
        // Oldest first: the first unaccounted match is ours.
        const ordered = [...batch].sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
        for (const m of ordered) {
          if (botId && m.author?.id !== botId) continue;
          if (known.has(m.id)) continue;
          const seen = JSON.stringify([m.content ?? '', m.embeds?.[0]?.title ?? null, m.embeds?.[0]?.description ?? null]);
          if (seen === signature) return { ref: m.id };
        }
        if (batch.length < 100) return undefined;
        after = ordered[ordered.length - 1].id;
      }
      throw new DeliveryError('history too long to search', true);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async #dmChannel(userId: string): Promise<string> {
    const known = this.#dmChannels.get(userId);
    if (known) return known;
    const channel = (await this.client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id?: string };
    if (!channel.id) throw new DeliveryError('Discord returned no DM channel', false);
    if (this.#dmChannels.size >= MAX_DM_CHANNELS) this.#dmChannels.delete(this.#dmChannels.keys().next().value as string);
    this.#dmChannels.set(userId, channel.id);
    return channel.id;
  }
}

/** Interaction tokens live 15 minutes. */
const INTERACTION_TTL_MS = 15 * 60_000;
/**
 * How far ahead of our clock an interaction id may be: clock skew. Not more
 * than receipts' SKEW_MS (src/delivery/receipts.ts), so one accepted just
 * before a restart falls before the new process's floor plus skew and its
 * stored receipt answers.
 */
const INTERACTION_FUTURE_MS = 60_000;
/** How long an opened modal can be sent: within the hour inbound receipts are kept (as Slack's forms). */
const FORM_TTL_MS = 30 * 60_000;
const MAX_DM_CHANNELS = 2000;
const DISCORD_EPOCH = 1420070400000n;

/** When a snowflake was created (ms); 0 for something that is not one. */
export function snowflakeTime(id: string): number {
  try {
    return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
  } catch {
    return 0;
  }
}

/** The smallest snowflake created at `ms` (for `after=` in history queries). */
export function snowflakeAt(ms: number): string {
  return String((BigInt(Math.max(0, Math.floor(ms))) - DISCORD_EPOCH) << 22n);
}

/** Discord's nonce holds at most 25 characters: a hash of the outbox key. */
export function nonceFor(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 25);
}

/** Slash-command options -> the core's ParsedText (every value as text; booleans as yes/no). */
export function toParsed(command: string, data: readonly CommandInteractionOption[]): ParsedText {
  let words: string[] = [];
  let options = data;
  const first = data[0];
  if (first && (first.type === ApplicationCommandOptionType.Subcommand || first.type === ApplicationCommandOptionType.SubcommandGroup)) {
    words = [first.name];
    options = first.options ?? [];
    // Groups are not declared today; a group's subcommand would be the second word.
    const nested = options[0];
    if (first.type === ApplicationCommandOptionType.SubcommandGroup && nested) {
      words.push(nested.name);
      options = nested.options ?? [];
    }
  }
  const named: [string, string][] = [];
  for (const option of options) {
    if (option.value === undefined || option.value === null) continue;
    const value = typeof option.value === 'boolean' ? (option.value ? 'yes' : 'no') : String(option.value);
    if (value.trim()) named.push([option.name, value]);
  }
  return { command, words, named };
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    return new DeliveryError(`rate limited on ${error.route}`, false, Math.max(1, Math.ceil(error.retryAfter)));
  }
  if (error instanceof DiscordAPIError) {
    const what = `Discord ${error.status} (code ${error.code})`;
    if (PERMANENT_CODES.has(Number(error.code))) return new DeliveryError(what, true);
    if (error.status === 429 || error.status === 408 || error.status >= 500) return new DeliveryError(what, false);
    // Other 4xx: a missing channel, a revoked token, a payload Discord refuses — retrying will not help.
    return new DeliveryError(what, error.status >= 400);
  }
  if (error instanceof HTTPError) {
    const transient = error.status >= 500 || error.status === 408 || error.status === 429;
    return new DeliveryError(`Discord HTTP ${error.status}`, !transient && error.status >= 400);
  }
  // Network failures and timeouts (AbortError).
  const e = error as { name?: string; message?: string };
  return new DeliveryError(`${e.name ?? 'Error'}: ${e.message ?? String(error)}`, false);
}

/** The value if the promise settles within `ms`; undefined when it takes longer (0: always "later"). */
async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<{ reply: T } | undefined> {
  if (ms <= 0) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise.then((reply) => ({ reply })), late]);
  } finally {
    clearTimeout(timer);
  }
}
