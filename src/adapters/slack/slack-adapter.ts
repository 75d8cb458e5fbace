// Slack through @slack/bolt. Socket Mode when an app token is configured (no
// public URL needed), HTTP mode otherwise, at /slack/events on the one HTTP
// listener (src/http.ts) through Bolt's HTTPReceiver request listener: the
// signature is verified by Bolt on the raw bytes,
// and a timestamp more than five minutes from now in either direction is
// refused here first (Bolt only refuses old ones). Every registry command is a
// slash command: ack() at once, work after, answer through response_url.
// Buttons and selects carry their command (core/actions.ts); a command without
// its required options opens a modal built from its declaration, whose
// private_metadata (command, subcommand, answer channel, user, a nonce and
// the opening time) is signed with an HMAC so a submitted form cannot send its
// answer elsewhere, and is used once: its nonce goes into the inbound receipts
// when a submission runs (a mistake keeps the form open), and a form older
// than FORM_TTL_MS is refused, since receipts are kept only so long.
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { declaresSubcommand, type AdapterDeps, type ChatAdapter, type HttpRoute } from '../../core/adapter.ts';
import { decodeAction } from '../../core/actions.ts';
import type { FormRequest, Reply } from '../../core/card.ts';
import type { Invocation } from '../../core/command.ts';
import { DeliveryError, type OutgoingMessage, type SentMessage } from '../../core/deliver.ts';
import { formToParsed } from '../../core/forms.ts';
import type { SlackConfig } from './config.ts';
import { cardToBlocks, FORM_CALLBACK, formToModal, modalValues } from './blocks.ts';

/** Slack errors that no retry can fix. */
const PERMANENT_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'not_authed',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  'missing_scope',
  'restricted_action',
  'msg_too_long',
  'invalid_blocks',
]);

/** Slack's window for X-Slack-Request-Timestamp, applied in both directions. */
export const TIMESTAMP_WINDOW_S = 5 * 60;

/** How long an opened form can be submitted: within the hour inbound receipts are kept. */
export const FORM_TTL_MS = 30 * 60_000;

interface FormMetadata {
  command: string;
  sub: string;
  channel: string;
  /** Who opened the form: only they may submit it. */
  user: string;
  /** Random: the form's receipt key (one submission runs). */
  nonce: string;
  /** When it was opened (ms). */
  at: number;
}

type SlackBody = Record<string, unknown> & {
  trigger_id?: string;
  event_id?: string;
  user?: { id: string; name?: string; username?: string };
  user_id?: string;
};

export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  #app: App | undefined;
  #socket: SocketModeReceiver | undefined;
  #http: HTTPReceiver | undefined;
  /** Socket Mode: the WebSocket is open (for /readyz). */
  #socketConnected = false;
  /** Signs form metadata: from the signing secret, or the bot token in Socket Mode. */
  readonly #formKey: Buffer;
  /** Nonces of forms whose submission is running now (a double click arrives before the first one's receipt). */
  readonly #formsRunning = new Set<string>();

  constructor(
    private readonly config: SlackConfig,
    private readonly deps: AdapterDeps,
    /** Wall clock (ms) for timestamp checks; tests may shift it. */
    private readonly now: () => number = Date.now,
  ) {
    this.#formKey = createHash('sha256').update(`form-metadata\0${config.signingSecret ?? config.botToken}`).digest();
  }

  get app(): App {
    if (!this.#app) throw new Error('Slack adapter not started');
    return this.#app;
  }

  async start(): Promise<void> {
    const { config } = this;
    const clientOptions = {
      slackApiUrl: config.apiUrl,
      // The outbox owns retries and rate-limit pauses (durable, per platform).
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
    };
    // Check the token once, here, with a clear error; Bolt would otherwise
    // call auth.test in its constructor and leave a failure unobserved.
    const identity = await new webApi.WebClient(config.botToken, clientOptions).auth.test().catch((error: unknown) => {
      throw new Error(`Slack rejected SLACK_BOT_TOKEN (auth.test): ${(error as Error).message}`);
    });
    this.#socket = config.appToken
      ? new SocketModeReceiver({
          appToken: config.appToken,
          logLevel: LogLevel.ERROR,
          installerOptions: { clientOptions: { slackApiUrl: config.apiUrl } },
        })
      : undefined;
    const http = this.#socket
      ? undefined
      : new HTTPReceiver({
          signingSecret: config.signingSecret ?? '',
          logLevel: LogLevel.ERROR,
          // Tells Slack "received" before the listener finishes (ack first, work after).
          processBeforeResponse: false,
          // The signing time and signature reach the middleware below (replay check).
          customPropertiesExtractor: (req) => ({
            slackTimestamp: Number(req.headers['x-slack-request-timestamp']),
            slackSignature: String(req.headers['x-slack-signature'] ?? ''),
          }),
        });
    this.#http = http;
    this.#app = new App({
      token: config.botToken,
      botId: identity.bot_id,
      botUserId: identity.user_id,
      tokenVerificationEnabled: false,
      receiver: this.#socket ?? http,
      logLevel: LogLevel.ERROR,
      clientOptions,
    });
    this.#register();
    if (this.#socket) {
      this.#socket.client.on('connected', () => (this.#socketConnected = true));
      this.#socket.client.on('disconnected', () => (this.#socketConnected = false));
      await this.#app.start();
      this.#socketConnected = true;
    }
  }

  /** HTTP mode: Slack's requests at /slack/events. A stale timestamp is refused before Bolt sees the request. */
  routes(): HttpRoute[] {
    const http = this.#http;
    if (!http) return [];
    const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
      if (!this.#freshTimestamp(req.headers['x-slack-request-timestamp'])) {
        // Same answer as Bolt's for a stale or badly signed request.
        res.writeHead(401);
        res.end();
        return;
      }
      // Bolt checks the signature on these bytes (it reads req.rawBody when present, as on serverless hosts).
      Object.assign(req, { rawBody: body });
      http.requestListener(req, res);
    };
    // Slack's own limit for an event payload is far below this; a modal submission is the largest.
    return [{ method: 'POST', path: '/slack/events', bodyLimit: 1024 * 1024, handle }];
  }

  ready(): boolean {
    return this.#socket ? this.#socketConnected : this.#app !== undefined;
  }

  async stop(): Promise<void> {
    // HTTP mode has nothing of its own to close: the listener is the app's.
    // stop() does not wait for the close handshake; disconnect() does.
    if (this.#socket) await this.#socket.client.disconnect();
  }

  /** Within five minutes of now, either way (Bolt refuses only the past). */
  #freshTimestamp(header: string | string[] | undefined): boolean {
    const ts = Number(header);
    return Number.isFinite(ts) && Math.abs(this.now() / 1000 - ts) <= TIMESTAMP_WINDOW_S;
  }

  #register(): void {
    const { bot, firstTime, handled, logger } = this.deps;

    // Slack re-sends what it believes failed, and a signed request can be
    // replayed within its window: handle each request once. The key comes from
    // the body (event_id, trigger_id: a retry keeps them, a replay too), else
    // from the signature. Requests signed before this process started are also
    // looked up in the database (see delivery/receipts.ts).
    this.app.use(async (args) => {
      const body = args.body as SlackBody;
      const context = args.context as { retryNum?: number; slackTimestamp?: number; slackSignature?: string };
      const key =
        body.event_id ?? body.trigger_id ?? (context.slackSignature ? `sig:${context.slackSignature.slice(3, 43)}` : undefined);
      const signedAt = context.slackTimestamp && Number.isFinite(context.slackTimestamp) ? context.slackTimestamp * 1000 : undefined;
      const retry = context.retryNum !== undefined && context.retryNum > 0;
      if (key && !(await firstTime(`slack:${key}`, { signedAt, retry }))) {
        const ack = (args as { ack?: () => Promise<void> }).ack;
        if (ack) await ack();
        return;
      }
      await args.next();
    });

    for (const command of bot.registry.all('slack')) {
      this.app.command(`/${command.name}`, async ({ command: payload, ack, respond, client }) => {
        await ack();
        const invocation = this.#invocation(payload.user_id, payload.user_name, payload.channel_id, true);
        const reply = await bot.handleText(`/${command.name} ${payload.text ?? ''}`, invocation);
        if (reply.form) {
          await this.#openForm(client, reply.form, payload.trigger_id, payload.channel_id, payload.user_id);
          return;
        }
        await respond(this.#response(reply) as never);
        await this.#sendFiles(reply, payload.user_id);
      });
    }

    this.app.action(/^(cmd:|select$)/, async ({ action, body, ack, respond, client }) => {
      await ack();
      const value =
        (action as { selected_option?: { value: string } }).selected_option?.value ?? (action as { action_id: string }).action_id;
      const decoded = decodeAction(value);
      if (!decoded) return;
      const b = body as unknown as SlackBody & { channel?: { id: string } };
      const user = b.user ?? { id: 'unknown' };
      const channel = b.channel?.id ?? '';
      const invocation = this.#invocation(user.id, user.username ?? user.name, channel, Boolean(b.trigger_id));
      const reply = await bot.press(decoded.command, invocation);
      if (reply.form && b.trigger_id) {
        await this.#openForm(client, reply.form, b.trigger_id, channel, user.id);
        return;
      }
      const replace = decoded.updatesMessage && !reply.ephemeral;
      await respond({ ...(this.#response(reply) as object), replace_original: replace } as never);
      await this.#sendFiles(reply, user.id);
    });

    this.app.view(FORM_CALLBACK, async ({ view, body, ack, client }) => {
      // Only metadata this bot signed, for the person who opened the form, is
      // trusted: it decides where the answer goes.
      const metadata = this.#readMetadata(view.private_metadata);
      const command = metadata ? bot.registry.get(metadata.command) : undefined;
      if (!metadata || metadata.user !== body.user.id || !command || !declaresSubcommand(command, metadata.sub)) {
        logger.warn({ platform: 'slack', user: body.user.id }, 'form submission with unverifiable metadata refused');
        await ack({ response_action: 'clear' } as never);
        return;
      }
      const first = Object.keys(view.state.values)[0];
      if (this.now() - metadata.at > FORM_TTL_MS) {
        await ack({ response_action: 'errors', errors: { [first]: bot.translator()('error.formExpired') } } as never);
        return;
      }
      // Used once: a second submission (a double click, a replay with other values) runs nothing.
      const receipt = `slack-form:${metadata.nonce}`;
      if (this.#formsRunning.has(metadata.nonce) || (await handled(receipt))) {
        logger.warn({ platform: 'slack', user: body.user.id }, 'form submitted again, refused');
        await ack({ response_action: 'clear' } as never);
        return;
      }
      this.#formsRunning.add(metadata.nonce);
      let reply: Reply;
      try {
        const values = modalValues(view.state.values as never);
        const invocation = this.#invocation(body.user.id, body.user.name, metadata.channel, false);
        reply = await bot.handleParsed(formToParsed(command, metadata.sub, values), invocation);
        // A mistake wrote nothing: the form stays open for the corrected submission.
        if (reply.card.tone !== 'error') await firstTime(receipt, { retry: true });
      } finally {
        this.#formsRunning.delete(metadata.nonce);
      }
      if (reply.card.tone === 'error') {
        // Keep the form open and show the problem under the first field.
        await ack({ response_action: 'errors', errors: { [first]: (reply.card.lines ?? []).join('\n').slice(0, 300) } } as never);
        return;
      }
      await ack();
      const { text, blocks } = cardToBlocks(reply.card);
      try {
        if (reply.ephemeral) {
          await client.chat.postEphemeral({ channel: metadata.channel, user: body.user.id, text, blocks: blocks as never });
        } else {
          await client.chat.postMessage({ channel: metadata.channel, text, blocks: blocks as never });
        }
      } catch (error) {
        // The bot may not be in that channel (not_in_channel): the answer goes to the person instead.
        logger.warn({ err: error, platform: 'slack' }, 'form answer could not be posted in the channel; sending it by DM');
        const dm = await client.conversations.open({ users: body.user.id });
        if (dm.channel?.id) await client.chat.postMessage({ channel: dm.channel.id, text, blocks: blocks as never });
      }
      await this.#sendFiles(reply, body.user.id);
    });

    this.app.error(async (error) => {
      logger.error({ err: error, platform: 'slack' }, 'slack listener failed');
    });
  }

  async #openForm(client: App['client'], form: FormRequest, triggerId: string, channel: string, user: string): Promise<void> {
    const metadata: FormMetadata = { command: form.command, sub: form.sub, channel, user, nonce: randomBytes(12).toString('base64url'), at: this.now() };
    await client.views.open({
      trigger_id: triggerId,
      view: formToModal(form, this.#signMetadata(metadata)) as never,
    });
  }

  /** `<json>.<hmac>`: Slack hands private_metadata back verbatim (at most 3000 characters). */
  #signMetadata(metadata: FormMetadata): string {
    const json = JSON.stringify(metadata);
    return `${json}.${createHmac('sha256', this.#formKey).update(json).digest('base64url')}`;
  }

  #readMetadata(text: string | undefined): FormMetadata | undefined {
    if (typeof text !== 'string') return undefined;
    const dot = text.lastIndexOf('.');
    if (dot < 0) return undefined;
    const json = text.slice(0, dot);
    const given = Buffer.from(text.slice(dot + 1));
    const expected = Buffer.from(createHmac('sha256', this.#formKey).update(json).digest('base64url'));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const m = JSON.parse(json) as Partial<FormMetadata>;
      const ok = [m.command, m.sub, m.channel, m.user, m.nonce].every((v) => typeof v === 'string') && Number.isFinite(m.at);
      return ok ? (m as FormMetadata) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Files (e.g. an .ics) go to the caller's DM: Slack cannot attach a file to an ephemeral answer. */
  async #sendFiles(reply: Reply, userId: string): Promise<void> {
    for (const file of reply.files ?? []) {
      const dm = await this.app.client.conversations.open({ users: userId });
      if (!dm.channel?.id) continue;
      await this.app.client.files.uploadV2({
        channel_id: dm.channel.id,
        filename: file.name,
        file: Buffer.from(file.content, 'utf8'),
        title: file.name,
      });
    }
  }

  #invocation(userId: string, userName: string | undefined, channelId: string, supportsForms: boolean): Invocation {
    return { platform: 'slack', platformUserId: userId, displayName: userName ?? userId, channelId, supportsForms };
  }

  #response(reply: Reply) {
    const { text, blocks } = cardToBlocks(reply.card);
    return { response_type: reply.ephemeral ? 'ephemeral' : 'in_channel', text, blocks };
  }

  // ---------- Transport (outbox) ----------

  async send(message: OutgoingMessage): Promise<SentMessage> {
    try {
      const channel = await this.#channelFor(message);
      const { text, blocks } = cardToBlocks(message.card);
      const result = await this.app.client.chat.postMessage({
        channel,
        text,
        blocks: blocks as never,
        // Lets findSent() recognise the message after a crash.
        metadata: { event_type: 'outbox_message', event_payload: { key: message.key } },
      });
      return { ref: `${result.channel ?? channel}:${result.ts ?? ''}` };
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  /**
   * After a crash: was this message posted? Looks for its outbox key in the
   * metadata of the destination's history since `since` (channels:history,
   * groups:history, im:history, mpim:history). A missing scope or a channel
   * the bot cannot read throws a permanent DeliveryError: the outbox then
   * sends again (see delivery/sender.ts).
   */
  async findSent(message: OutgoingMessage, since: Date): Promise<SentMessage | undefined> {
    try {
      const channel = await this.#channelFor(message);
      let cursor: string | undefined;
      for (let page = 0; page < 10; page++) {
        const history = await this.app.client.conversations.history({
          channel,
          oldest: String(since.getTime() / 1000),
          limit: 200,
          include_all_metadata: true,
          ...(cursor ? { cursor } : {}),
        });
        const found = (history.messages ?? []).find(
          (m) => (m as { metadata?: { event_payload?: { key?: string } } }).metadata?.event_payload?.key === message.key,
        );
        if (found?.ts) return { ref: `${channel}:${found.ts}` };
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) return undefined;
      }
      throw new DeliveryError('history too long to search', true);
    } catch (error) {
      throw toDeliveryError(error);
    }
  }

  async #channelFor(message: OutgoingMessage): Promise<string> {
    if (message.to.kind === 'channel') return message.to.id;
    const opened = await this.app.client.conversations.open({ users: message.to.id });
    const id = opened.channel?.id;
    if (!id) throw new DeliveryError('conversations.open returned no channel', false);
    return id;
  }
}

export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; message?: string };
  if (e.code === 'slack_webapi_rate_limited_error') {
    return new DeliveryError('rate limited', false, Math.max(1, e.retryAfter ?? 1) * 1000);
  }
  if (e.code === 'slack_webapi_platform_error') {
    const reason = e.data?.error ?? 'unknown_error';
    return new DeliveryError(reason, PERMANENT_ERRORS.has(reason));
  }
  if (e.code === 'slack_webapi_http_error' && e.statusCode && e.statusCode < 500 && e.statusCode !== 429) {
    return new DeliveryError(`HTTP ${e.statusCode}`, true);
  }
  return new DeliveryError(e.message ?? String(error), false);
}
