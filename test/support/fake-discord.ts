// A fake Discord for tests: REST API (v10) plus a JSON gateway WebSocket, on
// one `node:http` server on 127.0.0.1. The real discord.js 14.28.1 client runs
// against it unmodified (see /work/shared/notes/chat-fakes.md):
//
//   const fake = await startFakeDiscord();
//   const client = new Client({ intents: [], rest: { api: fake.apiBase, retries: 0, timeout: 2000 } });
//   await client.login('fake.bot.token');          // GET /gateway/bot -> ws -> IDENTIFY -> READY
//   fake.dispatch('INTERACTION_CREATE', chatInputInteraction({ name: 'help' }));
//   const cb = await fake.waitForCall((c) => c.path.endsWith('/callback'));
//
// Every REST call is recorded in `fake.calls`; `failNext`, `setDown` and `on`
// change the answers. Messages the bot creates are kept, so edits, fetches and
// `@original` behave consistently.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { Locale } from 'discord.js';
import type {
  APIActionRowComponent,
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataOption,
  APIAttachment,
  APIChatInputApplicationCommandInteraction,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponentButtonInteraction,
  APIMessageComponentSelectMenuInteraction,
  APIMessageTopLevelComponent,
  APIModalSubmitInteraction,
  APIUser,
  GatewayIdentifyData,
  GuildMemberFlags,
} from 'discord.js';
import { closeServer, Recorder, readRaw } from './recorder.ts';

/** Application id (also what discord.js reads from READY's `application.id`). */
export const APP_ID = '1000000000000000001';
/** The bot's user id. Real bots share the application id; a distinct id keeps mix-ups visible. */
export const BOT_ID = '1000000000000000002';
export const BOT_USERNAME = 'testbot';
export const GUILD_ID = '2000000000000000001';
/** Default guild text channel for builders. */
export const CHANNEL_ID = '3000000000000000001';
/** Default human user for builders. */
export const USER_ID = '4000000000000000001';
export const USERNAME = 'alice';

/** The bot user as Discord returns it. */
export const BOT_USER: APIUser = { id: BOT_ID, username: BOT_USERNAME, discriminator: '0', global_name: null, avatar: null, bot: true };

/** One recorded REST call. */
export interface DiscordCall {
  /** HTTP method, upper case. */
  method: string;
  /** URL-decoded path without the `/api/v10` prefix, e.g. `/webhooks/1…/itoken-1…/messages/@original`. */
  path: string;
  query: Record<string, string>;
  /** Raw `Authorization` header (`Bot <token>`); interaction callbacks carry none. */
  auth: string | undefined;
  /** Parsed JSON body (for multipart: the parsed `payload_json`); `null` when empty. */
  body: unknown;
  /** File names of multipart attachments. */
  files: string[];
  at: number;
  /** HTTP status the fake answered with. */
  status: number;
}

/** An answer override: HTTP status (default 200), extra headers, JSON body. */
export interface DiscordAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Matches a call: a RegExp tested against `"METHOD /path"`, or a predicate. */
export type DiscordCallMatcher = RegExp | ((call: DiscordCall) => boolean);

/** A custom route handler; `match` is the RegExp match against the path. */
export type DiscordRouteHandler = (call: DiscordCall, match: RegExpMatchArray) => DiscordAnswer;

export interface FakeDiscordOptions {
  /** Heartbeat interval sent in HELLO (ms). Default 45000: no heartbeats during a short test. */
  heartbeatIntervalMs?: number;
}

export interface FakeDiscord {
  readonly port: number;
  /** `http://127.0.0.1:PORT/api` — pass as `rest.api`. */
  readonly apiBase: string;
  /** `ws://127.0.0.1:PORT/gateway` */
  readonly wsUrl: string;
  /** Every REST call, in arrival order. */
  readonly calls: DiscordCall[];
  /** The `d` of the last IDENTIFY (token, intents, properties…), or null. */
  readonly identify: GatewayIdentifyData | null;
  /** Every frame the gateway client sent (heartbeats, identify, …). */
  readonly gatewayFrames: { op: number; d: unknown }[];
  /** Messages the fake knows, by id (created, edited or dispatched with interactions). */
  readonly messages: Map<string, APIMessage>;
  /** Override the next call matching `match` (queued; each override is used once). */
  failNext(match: DiscordCallMatcher, answer: DiscordAnswer): void;
  /** Answer `method` + path pattern with `handler` before the built-in routes. */
  on(method: string, path: RegExp, handler: DiscordRouteHandler): void;
  /** While down, every REST route except `/gateway/bot` answers 503. */
  setDown(down: boolean): void;
  /** Resolves with the first recorded (past or future) call matching `predicate`. */
  waitForCall(predicate: (call: DiscordCall) => boolean, timeoutMs?: number): Promise<DiscordCall>;
  /** Resolves once READY has been sent to a client. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /** Send a gateway dispatch `{op:0,t,s,d}` to every connected client. */
  dispatch(t: string, d: unknown): void;
  /** Number of open gateway connections. */
  gatewayCount(): number;
  /**
   * The next call matching `match` is processed (a posted message is stored)
   * but never answered, as if the bot died before reading the answer.
   * Resolves when that call has arrived.
   */
  holdNext(match: DiscordCallMatcher): Promise<DiscordCall>;
  /**
   * Forget the nonces of posted messages, as Discord does after its dedupe
   * window (a few minutes): a resend with the same nonce then creates a new message.
   */
  forgetNonces(): void;
  /** Messages posted to a channel (POST /channels/:id/messages), oldest first. */
  channelMessages(channelId: string): APIMessage[];
  /** Forget calls, frames, messages, overrides, routes, holds and nonces; clear `down`. */
  reset(): void;
  /** Terminate gateway clients and close the server. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Snowflakes

let snowflakeCounter = 5000000000000000000n;
/** A fresh, increasing snowflake-shaped id (shared by all fakes in the process). */
export function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return snowflakeCounter.toString();
}

let interactionCounter = 0n;
/**
 * Interaction ids are real-looking snowflakes created now (the bot reads the
 * creation time from them: interactions older than 15 minutes are dropped,
 * those from before its start are checked against stored receipts).
 */
export function nextInteractionId(at: number = Date.now()): string {
  interactionCounter = (interactionCounter + 1n) % 4096n;
  return (((BigInt(at) - 1420070400000n) << 22n) | interactionCounter).toString();
}

// ---------------------------------------------------------------------------
// Helpers


/** Parse a REST body: JSON, or multipart with `payload_json` plus files. */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: string[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
    const files: string[] = [];
    let body: unknown = {};
    for (const [key, value] of form.entries()) {
      if (typeof value !== 'string') files.push(value.name);
      else if (key === 'payload_json') body = JSON.parse(value) as unknown;
    }
    return { body, files };
  }
  const text = raw.toString('utf8');
  try {
    return { body: JSON.parse(text) as unknown, files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function normalizeAnswer(answer: DiscordAnswer): { status: number; headers: Record<string, string>; body: unknown } {
  const status = answer.status ?? 200;
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  const has = (name: string): boolean => Object.keys(headers).some((h) => h.toLowerCase() === name);
  let body = answer.body;
  if (status === 429) {
    body ??= { message: 'You are being rate limited.', retry_after: 0.05, global: false };
    const retryAfter = isRecord(body) && typeof body.retry_after === 'number' ? body.retry_after : 0.05;
    if (!has('retry-after')) headers['retry-after'] = String(retryAfter);
    if (!has('x-ratelimit-scope')) headers['x-ratelimit-scope'] = 'user';
  } else if (body === undefined && status >= 400) {
    body = { message: status === 503 ? 'Service Unavailable' : `HTTP ${status}`, code: 0 };
  }
  return { status, headers, body };
}

function send(res: ServerResponse, answer: { status: number; headers: Record<string, string>; body: unknown }): void {
  if (answer.status === 204 || answer.body === undefined) {
    res.writeHead(answer.status, answer.headers);
    res.end();
    return;
  }
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(JSON.stringify(answer.body));
}

/** Build a message object as Discord returns it. */
export function makeMessage(fields: Partial<APIMessage> & { channel_id: string }): APIMessage {
  return {
    id: nextSnowflake(),
    author: BOT_USER,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    components: [],
    pinned: false,
    type: 0,
    ...fields,
  };
}

/** Copy the message fields of a create/edit request body onto `message`. */
function applyMessageBody(message: APIMessage, body: unknown, files: string[]): APIMessage {
  const b = isRecord(body) ? body : {};
  if (typeof b.content === 'string') message.content = b.content;
  if (Array.isArray(b.embeds)) message.embeds = b.embeds as APIEmbed[];
  if (Array.isArray(b.components)) message.components = b.components as APIMessageTopLevelComponent[];
  if (typeof b.flags === 'number') message.flags = b.flags;
  if (Array.isArray(b.attachments) || files.length > 0) {
    const described = Array.isArray(b.attachments) ? (b.attachments as { filename?: string; description?: string }[]) : [];
    const names = files.length > 0 ? files : described.map((a) => a.filename ?? 'file');
    message.attachments = names.map(
      (filename, i): APIAttachment => ({
        id: nextSnowflake(),
        filename,
        description: described[i]?.description,
        size: 0,
        url: `https://cdn.fake/attachments/${filename}`,
        proxy_url: `https://cdn.fake/attachments/${filename}`,
      }),
    );
  }
  return message;
}

/** What the fake remembers about a dispatched interaction, by token. */
interface KnownInteraction {
  id: string;
  type: number;
  channelId: string;
  guildId: string | undefined;
  messageId: string | undefined;
}

// ---------------------------------------------------------------------------
// The fake server

export async function startFakeDiscord(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const heartbeatInterval = opts.heartbeatIntervalMs ?? 45000;
  const calls = new Recorder<DiscordCall>('fake-discord');
  const gatewayFrames: { op: number; d: unknown }[] = [];
  const messages = new Map<string, APIMessage>();
  /** interaction token -> id of its original response message */
  const originals = new Map<string, string>();
  const interactions = new Map<string, KnownInteraction>();
  const overrides: { match: DiscordCallMatcher; answer: DiscordAnswer }[] = [];
  const routes: { method: string; path: RegExp; handler: DiscordRouteHandler }[] = [];
  const holds: { match: DiscordCallMatcher; resolve: (call: DiscordCall) => void }[] = [];
  /** channel id -> posted message ids, oldest first */
  const posted = new Map<string, string[]>();
  /** `${channel}:${nonce}` -> message id, for enforce_nonce */
  const nonces = new Map<string, string>();
  let commands: { global: unknown[]; guild: Map<string, unknown[]> } = { global: [], guild: new Map() };
  let identify: GatewayIdentifyData | null = null;
  let readySent = false;
  const readyWaiters: (() => void)[] = [];
  let down = false;
  let seq = 0;
  let port = 0;

  const wsUrl = (): string => `ws://127.0.0.1:${port}/gateway`;
  const notFound = (message = 'Unknown', code = 0): DiscordAnswer => ({ status: 404, body: { message, code } });
  const ok = (body: unknown): DiscordAnswer => ({ status: 200, body });

  const storeMessage = (m: APIMessage): APIMessage => {
    messages.set(m.id, m);
    return m;
  };

  /** The original-response message of an interaction token, created on demand. */
  function originalFor(token: string): APIMessage {
    const existing = originals.get(token);
    if (existing !== undefined && messages.has(existing)) return messages.get(existing)!;
    const known = interactions.get(token);
    const m = storeMessage(
      makeMessage({ channel_id: known?.channelId ?? CHANNEL_ID, webhook_id: APP_ID, application_id: APP_ID, type: known?.type === 2 ? 20 : 0 }),
    );
    originals.set(token, m.id);
    return m;
  }

  function channelObject(id: string): Record<string, unknown> {
    if (id.startsWith('dm-')) {
      const recipient = id.slice(3);
      return { id, type: 1, last_message_id: null, recipients: [{ id: recipient, username: `user-${recipient}`, discriminator: '0', global_name: null, avatar: null }] };
    }
    return { id, type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [], nsfw: false, parent_id: null, topic: null, last_message_id: null };
  }

  /** Interaction callback: remember the resulting message and answer 204 (or the callback response). */
  function interactionCallback(call: DiscordCall, id: string, token: string): DiscordAnswer {
    const b = isRecord(call.body) ? call.body : {};
    const type = typeof b.type === 'number' ? b.type : 0;
    const data = b.data;
    const known = interactions.get(token);
    let message: APIMessage | undefined;
    if (type === 4) {
      // CHANNEL_MESSAGE_WITH_SOURCE: a new original message
      originals.delete(token);
      message = applyMessageBody(originalFor(token), data, call.files);
    } else if (type === 5) {
      // DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE: a "thinking…" placeholder
      originals.delete(token);
      message = originalFor(token);
      if (isRecord(data) && typeof data.flags === 'number') message.flags = data.flags | 128;
    } else if (type === 6 || type === 7) {
      // DEFERRED_UPDATE_MESSAGE / UPDATE_MESSAGE: the component's message is the original
      const base = known?.messageId !== undefined ? messages.get(known.messageId) : undefined;
      message = base ?? originalFor(token);
      originals.set(token, message.id);
      if (type === 7) {
        applyMessageBody(message, data, call.files);
        message.edited_timestamp = new Date().toISOString();
      }
    }
    if (call.query.with_response !== 'true') return { status: 204 };
    const flags = message?.flags ?? 0;
    return ok({
      interaction: {
        id,
        type: known?.type ?? 2,
        response_message_id: message?.id,
        response_message_loading: type === 5,
        response_message_ephemeral: (flags & 64) !== 0,
      },
      resource: message !== undefined ? { type, message } : { type },
    });
  }

  function editMessage(message: APIMessage, call: DiscordCall): APIMessage {
    applyMessageBody(message, call.body, call.files);
    message.edited_timestamp = new Date().toISOString();
    return message;
  }

  /** Built-in routes. `p` is the path split into decoded segments. */
  function route(call: DiscordCall): DiscordAnswer {
    const m = call.method;
    const p = call.path.split('/').slice(1);
    const b = isRecord(call.body) ? call.body : {};

    if (m === 'GET' && (call.path === '/gateway/bot' || call.path === '/gateway')) {
      return ok({ url: wsUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    }
    if (m === 'GET' && call.path === '/users/@me') return ok(BOT_USER);
    if (m === 'GET' && p[0] === 'users' && p.length === 2) {
      return ok({ id: p[1], username: `user-${p[1]}`, discriminator: '0', global_name: null, avatar: null });
    }
    if (m === 'POST' && call.path === '/users/@me/channels') {
      const recipient = typeof b.recipient_id === 'string' ? b.recipient_id : 'unknown';
      return ok(channelObject(`dm-${recipient}`));
    }

    // /interactions/:id/:token/callback
    if (m === 'POST' && p[0] === 'interactions' && p[3] === 'callback' && p.length === 4) {
      return interactionCallback(call, p[1], p[2]);
    }

    // /webhooks/:appId/:token[/messages/:mid]
    if (p[0] === 'webhooks' && p.length >= 3) {
      const token = p[2];
      if (p.length === 3 && m === 'POST') {
        const known = interactions.get(token);
        const msg = makeMessage({ channel_id: known?.channelId ?? CHANNEL_ID, webhook_id: p[1], application_id: APP_ID });
        return ok(storeMessage(applyMessageBody(msg, call.body, call.files)));
      }
      if (p.length === 5 && p[3] === 'messages') {
        const mid = p[4];
        const msg = mid === '@original' ? originalFor(token) : messages.get(mid);
        if (msg === undefined) return notFound('Unknown Message', 10008);
        if (m === 'GET') return ok(msg);
        if (m === 'PATCH') return ok(editMessage(msg, call));
        if (m === 'DELETE') {
          messages.delete(msg.id);
          if (mid === '@original') originals.delete(token);
          return { status: 204 };
        }
      }
    }

    // /channels/:id[...]
    if (p[0] === 'channels' && p.length >= 2) {
      const channelId = p[1];
      if (p.length === 2 && m === 'GET') return ok(channelObject(channelId));
      if (p.length === 3 && p[2] === 'typing' && m === 'POST') return { status: 204 };
      if (p.length === 3 && p[2] === 'messages' && m === 'POST') {
        // enforce_nonce: the same nonce in the same channel returns the earlier message.
        const nonce = typeof b.nonce === 'string' || typeof b.nonce === 'number' ? String(b.nonce) : undefined;
        const earlier = nonce !== undefined && b.enforce_nonce === true ? nonces.get(`${channelId}:${nonce}`) : undefined;
        if (earlier !== undefined && messages.has(earlier)) return ok({ ...messages.get(earlier)!, nonce });
        const msg = storeMessage(applyMessageBody(makeMessage({ channel_id: channelId }), call.body, call.files));
        posted.set(channelId, [...(posted.get(channelId) ?? []), msg.id]);
        if (nonce !== undefined) nonces.set(`${channelId}:${nonce}`, msg.id);
        return ok({ ...msg, ...(nonce !== undefined ? { nonce } : {}) });
      }
      if (p.length === 3 && p[2] === 'messages' && m === 'GET') {
        // Newest first, after the `after` snowflake, at most `limit` (no nonces, as Discord).
        const after = BigInt(call.query.after ?? '0');
        const limit = Math.min(100, Number(call.query.limit ?? 50));
        const list = (posted.get(channelId) ?? [])
          .map((id) => messages.get(id))
          .filter((x): x is APIMessage => x !== undefined && BigInt(x.id) > after)
          .sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : 1))
          .slice(0, limit)
          .reverse();
        return ok(list);
      }
      if (p.length === 4 && p[2] === 'messages') {
        const msg = messages.get(p[3]);
        if (m === 'PATCH') {
          // Editing a message the fake never saw (e.g. a stale id) still works, like a real edit would.
          return ok(editMessage(msg ?? storeMessage(makeMessage({ id: p[3], channel_id: channelId })), call));
        }
        if (msg === undefined) return notFound('Unknown Message', 10008);
        if (m === 'GET') return ok(msg);
        if (m === 'DELETE') {
          messages.delete(msg.id);
          return { status: 204 };
        }
      }
      if (p.length >= 5 && p[2] === 'messages' && p[4] === 'reactions') return { status: 204 };
    }

    // /applications/:appId/commands and /applications/:appId/guilds/:guildId/commands
    if (p[0] === 'applications' && p[p.length - 1] === 'commands') {
      const guildId = p.length === 5 && p[2] === 'guilds' ? p[3] : undefined;
      if (p.length !== 3 && guildId === undefined) return notFound();
      if (m === 'PUT') {
        const list = (Array.isArray(call.body) ? call.body : []).map((c: unknown) => ({
          type: 1,
          ...(isRecord(c) ? c : {}),
          id: nextSnowflake(),
          application_id: p[1],
          version: nextSnowflake(),
          ...(guildId !== undefined ? { guild_id: guildId } : {}),
        }));
        if (guildId !== undefined) commands.guild.set(guildId, list);
        else commands.global = list;
        return ok(list);
      }
      if (m === 'GET') return ok(guildId !== undefined ? (commands.guild.get(guildId) ?? []) : commands.global);
    }

    return notFound();
  }

  function answerFor(call: DiscordCall): DiscordAnswer {
    const line = `${call.method} ${call.path}`;
    const i = overrides.findIndex((o) => (o.match instanceof RegExp ? o.match.test(line) : o.match(call)));
    if (i >= 0) return overrides.splice(i, 1)[0].answer;
    const isGateway = call.path === '/gateway/bot' || call.path === '/gateway';
    if (down && !isGateway) return { status: 503 };
    for (const r of routes) {
      if (r.method !== call.method) continue;
      const match = call.path.match(r.path);
      if (match !== null) return r.handler(call, match);
    }
    return route(call);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const prefix = '/api/v10';
    const raw = await readRaw(req);
    if (!url.pathname.startsWith(prefix)) return send(res, normalizeAnswer(notFound()));
    const path = url.pathname
      .slice(prefix.length)
      .split('/')
      .map((s) => decodeURIComponent(s))
      .join('/');
    const { body, files } = await parseBody(raw, req.headers['content-type']);
    const call: DiscordCall = {
      method: (req.method ?? 'GET').toUpperCase(),
      path,
      query: Object.fromEntries(url.searchParams),
      auth: req.headers.authorization,
      body,
      files,
      at: Date.now(),
      status: 0,
    };
    const answer = normalizeAnswer(answerFor(call));
    call.status = answer.status;
    calls.push(call);
    const line = `${call.method} ${call.path}`;
    const held = holds.findIndex((h) => (h.match instanceof RegExp ? h.match.test(line) : h.match(call)));
    if (held >= 0) {
      // Processed, never answered: the connection stays open until stop().
      holds.splice(held, 1)[0].resolve(call);
      return;
    }
    send(res, answer);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, { status: 500, headers: {}, body: { message: `fake internal error: ${String(err)}`, code: 0 } });
      else res.end();
    });
  });

  // --- Gateway -----------------------------------------------------------
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname !== '/gateway' && pathname !== '/gateway/') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const sendFrame = (ws: WebSocket, frame: object): void => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
  };

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => sockets.delete(ws));
    ws.on('message', (data: RawData) => {
      let frame: { op: number; d: unknown };
      try {
        frame = JSON.parse(data.toString()) as { op: number; d: unknown };
      } catch {
        return;
      }
      gatewayFrames.push(frame);
      if (frame.op === 1) {
        sendFrame(ws, { op: 11 }); // HEARTBEAT -> HEARTBEAT_ACK
      } else if (frame.op === 2) {
        identify = frame.d as GatewayIdentifyData;
        sendFrame(ws, {
          op: 0,
          t: 'READY',
          s: ++seq,
          d: {
            v: 10,
            user: BOT_USER,
            guilds: [], // no guilds: discord.js fires clientReady at once
            session_id: 'fake-session',
            resume_gateway_url: wsUrl(),
            application: { id: APP_ID, flags: 0 },
          },
        });
        readySent = true;
        for (const w of readyWaiters.splice(0)) w();
      } else if (frame.op === 6) {
        sendFrame(ws, { op: 0, t: 'RESUMED', s: ++seq, d: {} });
      }
    });
    sendFrame(ws, { op: 10, d: { heartbeat_interval: heartbeatInterval } }); // HELLO
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  const fake: FakeDiscord = {
    port,
    apiBase: `http://127.0.0.1:${port}/api`,
    wsUrl: wsUrl(),
    calls: calls.items,
    get identify() {
      return identify;
    },
    gatewayFrames,
    messages,

    failNext(match, answer) {
      overrides.push({ match, answer });
    },

    on(method, path, handler) {
      routes.push({ method: method.toUpperCase(), path, handler });
    },

    setDown(value) {
      down = value;
    },

    waitForCall(predicate, timeoutMs = 2000) {
      return calls.waitFor(predicate, timeoutMs, () => `a matching REST call; calls seen: ${calls.items.map((c) => `${c.method} ${c.path}`).join(', ') || '(none)'}`);
    },

    waitForReady(timeoutMs = 2000) {
      if (readySent) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          readyWaiters.splice(readyWaiters.indexOf(done), 1);
          reject(new Error(`fake-discord: no IDENTIFY/READY within ${timeoutMs} ms`));
        }, timeoutMs);
        readyWaiters.push(done);
      });
    },

    dispatch(t, d) {
      const open = [...sockets].filter((s) => s.readyState === WebSocket.OPEN);
      if (open.length === 0) throw new Error(`fake-discord: dispatch(${t}) with no gateway client connected`);
      if (t === 'INTERACTION_CREATE' && isRecord(d) && typeof d.token === 'string') {
        // Remember the interaction so callbacks/@original know its channel and message.
        const msg = isRecord(d.message) ? (d.message as unknown as APIMessage) : undefined;
        if (msg !== undefined && typeof msg.id === 'string') messages.set(msg.id, structuredClone(msg));
        interactions.set(d.token, {
          id: String(d.id),
          type: typeof d.type === 'number' ? d.type : 2,
          channelId: typeof d.channel_id === 'string' ? d.channel_id : CHANNEL_ID,
          guildId: typeof d.guild_id === 'string' ? d.guild_id : undefined,
          messageId: msg?.id,
        });
      }
      const frame = { op: 0, t, s: ++seq, d };
      for (const ws of open) sendFrame(ws, frame);
    },

    gatewayCount: () => [...sockets].filter((s) => s.readyState === WebSocket.OPEN).length,

    holdNext(match) {
      return new Promise<DiscordCall>((resolve) => holds.push({ match, resolve }));
    },

    forgetNonces() {
      nonces.clear();
    },

    channelMessages: (channelId) => (posted.get(channelId) ?? []).map((id) => messages.get(id)).filter((x): x is APIMessage => x !== undefined),

    reset() {
      holds.length = 0;
      posted.clear();
      nonces.clear();
      calls.clear();
      gatewayFrames.length = 0;
      messages.clear();
      originals.clear();
      interactions.clear();
      overrides.length = 0;
      routes.length = 0;
      commands = { global: [], guild: new Map() };
      down = false;
    },

    stop: () => closeServer(server, wss, sockets),
  };
  return fake;
}

// ---------------------------------------------------------------------------
// GUILD_CREATE

/**
 * A GUILD_CREATE `d` for GUILD_ID with one text channel (CHANNEL_ID, 'general')
 * and the bot as member. READY lists no guilds, so guild channels are unknown to
 * discord.js until a test sends this: `fake.dispatch('GUILD_CREATE', guildCreatePayload())`.
 */
export function guildCreatePayload(f: { guildId?: string; name?: string; channels?: { id: string; name: string; type?: number }[] } = {}): Record<string, unknown> {
  const guildId = f.guildId ?? GUILD_ID;
  const channels = (f.channels ?? [{ id: CHANNEL_ID, name: 'general' }]).map((c, position) => ({
    id: c.id,
    type: c.type ?? 0,
    name: c.name,
    position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
  }));
  return {
    id: guildId,
    name: f.name ?? 'Fake Guild',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: USER_ID,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    // @everyone: View Channel + Send Messages
    roles: [{ id: guildId, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '3072', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    joined_at: '2024-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: BOT_USER, roles: [], joined_at: '2024-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 }],
    channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

// ---------------------------------------------------------------------------
// INTERACTION_CREATE payload builders

/** Who/where an interaction happens. `guildId: null` makes it a DM (channel `dm-<userId>`). */
export interface InteractionContextFields {
  id?: string;
  userId?: string;
  username?: string;
  channelId?: string;
  /** Default GUILD_ID; `null` for a DM. */
  guildId?: string | null;
  /** Member permissions bitfield as a decimal string (default '0'). */
  permissions?: string;
  roles?: string[];
}

/** The parts shared by every interaction type (everything but `type`, `data`, `message`). */
function interactionBase(f: InteractionContextFields) {
  const id = f.id ?? nextInteractionId();
  const userId = f.userId ?? USER_ID;
  const user: APIUser = { id: userId, username: f.username ?? USERNAME, discriminator: '0', global_name: null, avatar: null };
  const guildId = f.guildId === undefined ? GUILD_ID : f.guildId;
  const common = {
    id,
    application_id: APP_ID,
    token: `itoken-${id}`,
    version: 1 as const,
    app_permissions: '0',
    locale: Locale.EnglishUS,
    entitlements: [],
    attachment_size_limit: 8 * 1024 * 1024,
  };
  if (guildId !== null) {
    const channelId = f.channelId ?? CHANNEL_ID;
    const member: APIInteractionGuildMember = {
      user,
      roles: f.roles ?? [],
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
      permissions: f.permissions ?? '0',
    };
    return {
      ...common,
      guild_id: guildId,
      guild_locale: Locale.EnglishUS,
      channel_id: channelId,
      channel: { id: channelId, type: 0 as const, guild_id: guildId, name: 'general' },
      member,
      authorizing_integration_owners: { 0: guildId },
      context: 0 as const,
    };
  }
  const channelId = f.channelId ?? `dm-${userId}`;
  return {
    ...common,
    channel_id: channelId,
    channel: { id: channelId, type: 1 as const, recipients: [user] },
    user,
    authorizing_integration_owners: { 0: '0' },
    context: 1 as const,
  };
}

/** A slash command. `options` may hold a subcommand: `[{type:1,name:'add',options:[{name:'kind',type:3,value:'x'}]}]`. */
export function chatInputInteraction(
  f: InteractionContextFields & { name: string; options?: APIApplicationCommandInteractionDataOption[]; commandId?: string },
): APIChatInputApplicationCommandInteraction {
  const base = interactionBase(f);
  return {
    ...base,
    type: 2,
    data: { id: f.commandId ?? '1200000000000000001', name: f.name, type: 1, options: f.options ?? [], ...('guild_id' in base ? { guild_id: base.guild_id } : {}) },
  };
}

/** Autocomplete for a slash command; mark the option being typed with `focused: true`. */
export function autocompleteInteraction(
  f: InteractionContextFields & { name: string; options?: APIApplicationCommandInteractionDataOption[]; commandId?: string },
): APIApplicationCommandAutocompleteInteraction {
  const base = interactionBase(f);
  return { ...base, type: 4, data: { id: f.commandId ?? '1200000000000000001', name: f.name, type: 1, options: f.options ?? [] } };
}

/** Fields describing the bot message a component sits on. */
export interface ComponentMessageFields {
  messageId?: string;
  messageContent?: string;
  /** Components of the message; default: one row with a button carrying `customId`. */
  messageComponents?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  messageEmbeds?: APIEmbed[];
}

function componentMessage(f: InteractionContextFields & ComponentMessageFields, channelId: string, row: APIComponentInMessageActionRow): APIMessage {
  return makeMessage({
    id: f.messageId ?? nextSnowflake(),
    channel_id: channelId,
    content: f.messageContent ?? '',
    embeds: f.messageEmbeds ?? [],
    components: f.messageComponents ?? [{ type: 1, components: [row] }],
    application_id: APP_ID,
  });
}

/** A button click on a bot message. */
export function buttonInteraction(f: InteractionContextFields & ComponentMessageFields & { customId: string }): APIMessageComponentButtonInteraction {
  const base = interactionBase(f);
  return {
    ...base,
    type: 3,
    data: { custom_id: f.customId, component_type: 2 },
    message: componentMessage(f, base.channel_id, { type: 2, style: 1, custom_id: f.customId, label: 'Button' }),
  };
}

/** A string select menu choice on a bot message. */
export function stringSelectInteraction(f: InteractionContextFields & ComponentMessageFields & { customId: string; values: string[] }): APIMessageComponentSelectMenuInteraction {
  const base = interactionBase(f);
  return {
    ...base,
    type: 3,
    data: { custom_id: f.customId, component_type: 3, values: f.values },
    message: componentMessage(f, base.channel_id, {
      type: 3,
      custom_id: f.customId,
      options: f.values.map((v) => ({ label: v, value: v })),
    }),
  };
}

/** A modal submit with text inputs `fields` (custom_id -> value). */
export function modalSubmitInteraction(f: InteractionContextFields & { customId: string; fields: Record<string, string>; message?: APIMessage }): APIModalSubmitInteraction {
  const base = interactionBase(f);
  return {
    ...base,
    type: 5,
    data: {
      custom_id: f.customId,
      components: Object.entries(f.fields).map(([customId, value]) => ({
        type: 1 as const,
        components: [{ type: 4 as const, custom_id: customId, value }],
      })),
    },
    ...(f.message !== undefined ? { message: f.message } : {}),
  };
}

/** An embed's visible text (title, description, fields, footer), for assertions. */
export function embedText(embeds: APIEmbed[] | undefined): string {
  const e = embeds?.[0];
  return [e?.title, e?.description, ...(e?.fields ?? []).flatMap((f) => [f.name, f.value]), e?.footer?.text].filter(Boolean).join('\n');
}
