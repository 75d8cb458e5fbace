// A fake Slack for tests: Web API, response_url endpoint, file-upload endpoint
// and a Socket Mode WebSocket, all on one `node:http` server on 127.0.0.1.
//
// The real @slack/bolt 5.1.0 / @slack/web-api 8.2.0 / @slack/socket-mode 3.1.0
// talk to it unmodified (see /work/shared/notes/chat-fakes.md):
//
//   const fake = await startFakeSlack();
//   const app = new App({ token: 'xoxb-test', signingSecret, logLevel: LogLevel.ERROR,
//     clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
//
// Every Web API call is recorded in `fake.calls`; `failNext`, `setDown` and
// `on` change the answers; `waitForCall` waits for a call to arrive.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket, type RawData } from 'ws';
import { closeServer, Recorder, readRaw } from './recorder.ts';

/** Workspace and bot identities the fake answers with. */
export const SLACK_TEAM_ID = 'T123';
export const SLACK_TEAM_DOMAIN = 'fake-team';
export const SLACK_BOT_USER_ID = 'UBOT';
export const SLACK_BOT_ID = 'BBOT';
export const SLACK_APP_ID = 'A1';
export const SLACK_CHANNEL_ID = 'C123';
export const SLACK_USER_ID = 'U111';

/** A parsed request body (form fields or JSON), nested JSON strings already parsed. */
export type SlackBody = Record<string, unknown>;

/** One recorded Web API call. */
export interface SlackCall {
  /** Web API method, e.g. `chat.postMessage`. */
  method: string;
  /** The raw `Authorization` header (`Bearer xoxb-…`), if any. */
  auth: string | undefined;
  /** Parsed body (form-urlencoded, JSON or multipart) merged with query parameters. */
  body: SlackBody;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** HTTP status the fake answered with. */
  status: number;
}

/** A POST to a `response_url` (what Bolt's `respond()` does). */
export interface SlackResponseCall {
  /** The part of the path after `/response/`. */
  id: string;
  body: unknown;
  at: number;
}

/** A file body uploaded to the URL returned by `files.getUploadURLExternal`. */
export interface SlackUpload {
  fileId: string;
  contentType: string | undefined;
  bytes: number;
  at: number;
}

/** An answer override: HTTP status (default 200), extra headers, JSON body. */
export interface SlackAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: object;
}

/** A persistent handler for one method; return an answer for the call. */
export type SlackHandler = (call: SlackCall) => SlackAnswer;

/** A Socket Mode envelope sent from the fake to the app. */
export interface SocketEnvelope {
  envelope_id: string;
  type: string;
  accepts_response_payload?: boolean;
  retry_attempt?: number;
  retry_reason?: string;
  payload: unknown;
}

/** The frame the app sends back to acknowledge an envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export interface FakeSlackOptions {
  /** Bot token's identity for `auth.test` (defaults: UBOT / BBOT / T123). */
  botUserId?: string;
  botId?: string;
  teamId?: string;
  /** Message timestamps from the wall clock (default: 1700000001.000100, 1700000002.000100, …). */
  realTimestamps?: boolean;
}

export interface FakeSlack {
  /** TCP port of the fake. */
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `http://127.0.0.1:PORT/api/` — pass as `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  /** Every Web API call, in arrival order. */
  readonly calls: SlackCall[];
  /** Every POST to a `/response/…` URL. */
  readonly responses: SlackResponseCall[];
  /** Every file upload to `/upload/…`. */
  readonly uploads: SlackUpload[];
  /** Every frame the Socket Mode client sent (acks). */
  readonly socketFrames: SocketAck[];
  /** Calls to one method. */
  callsTo(method: string): SlackCall[];
  /**
   * Override the next answer for `method` (queued; each override is used once).
   * The pseudo-method `response_url` overrides the next POST to a response_url.
   */
  failNext(method: string, answer: SlackAnswer): void;
  /** Answer every call to `method` with `handler` (until `off`/`reset`). */
  on(method: string, handler: SlackHandler): void;
  off(method: string): void;
  /** While down, every HTTP endpoint (API, response_url, upload) answers 503. */
  setDown(down: boolean): void;
  /** Resolves with the first recorded (past or future) call matching method and predicate. */
  waitForCall(method: string, predicate?: (call: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  /** Resolves with the first recorded (past or future) response_url POST matching predicate. */
  waitForResponse(predicate?: (r: SlackResponseCall) => boolean, timeoutMs?: number): Promise<SlackResponseCall>;
  /** A response_url that points at this fake. */
  responseUrl(id?: string): string;
  /** Number of open Socket Mode connections. */
  socketCount(): number;
  /** Resolves once a Socket Mode client is connected (immediately if one is). */
  waitForSocket(timeoutMs?: number): Promise<void>;
  /** Send an envelope to the connected Socket Mode client; resolves with its ack. */
  socketSend(envelope: SocketEnvelope, timeoutMs?: number): Promise<SocketAck>;
  /**
   * The next call to `method` is processed (recorded; a chat.postMessage lands
   * in the channel's history) but never answered, as if the bot died before
   * reading the answer. Resolves when that call has arrived.
   */
  holdNext(method: string): Promise<SlackCall>;
  /** Messages posted with chat.postMessage, by channel (what conversations.history returns). */
  history(channel: string): Record<string, unknown>[];
  /** Forget calls, responses, uploads, frames, overrides, handlers, holds and history; clear `down`. */
  reset(): void;
  /** Terminate WebSocket clients and close the server. */
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------
// Small shared helpers


/** Parse a string as JSON when it looks like a JSON object or array; else keep it. */
function maybeJson(value: string): unknown {
  const t = value.trim();
  if ((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))) {
    try {
      return JSON.parse(t) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** Parse a Web API request body: JSON, form-urlencoded or multipart/form-data. */
async function parseBody(raw: Buffer, contentType: string | undefined): Promise<SlackBody> {
  const ct = (contentType ?? '').toLowerCase();
  const out: SlackBody = {};
  if (raw.length === 0) return out;
  if (ct.includes('application/json')) {
    const parsed = JSON.parse(raw.toString('utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as SlackBody) : { _json: parsed };
  }
  if (ct.includes('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType ?? '' } }).formData();
    for (const [key, value] of form.entries()) {
      out[key] = typeof value === 'string' ? maybeJson(value) : { filename: value.name, size: value.size };
    }
    return out;
  }
  // application/x-www-form-urlencoded (what WebClient sends) or anything else.
  for (const [key, value] of new URLSearchParams(raw.toString('utf8'))) out[key] = maybeJson(value);
  return out;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** Fill defaults into an override answer. */
function normalizeAnswer(answer: SlackAnswer): Required<SlackAnswer> {
  const status = answer.status ?? 200;
  const headers = { ...(answer.headers ?? {}) };
  if (status === 429 && !Object.keys(headers).some((h) => h.toLowerCase() === 'retry-after')) headers['retry-after'] = '1';
  const body = answer.body ?? (status === 200 ? { ok: true } : { ok: false, error: status === 429 ? 'ratelimited' : `http_${status}` });
  return { status, headers, body };
}

// ---------------------------------------------------------------------------
// The fake server

export async function startFakeSlack(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  const botUserId = opts.botUserId ?? SLACK_BOT_USER_ID;
  const botId = opts.botId ?? SLACK_BOT_ID;
  const teamId = opts.teamId ?? SLACK_TEAM_ID;

  const calls = new Recorder<SlackCall>('fake-slack');
  const responses = new Recorder<SlackResponseCall>('fake-slack');
  const uploads: SlackUpload[] = [];
  const socketFrames: SocketAck[] = [];
  const overrides = new Map<string, SlackAnswer[]>();
  const handlers = new Map<string, SlackHandler>();
  const holds = new Map<string, (call: SlackCall) => void>();
  const channelHistory = new Map<string, Record<string, unknown>[]>();
  let down = false;
  let tsCounter = 0;
  let fileCounter = 0;
  let ticketCounter = 0;
  let port = 0;

  const nextTs = (): string =>
    opts.realTimestamps
      ? `${Math.floor(Date.now() / 1000)}.${String(++tsCounter % 1_000_000).padStart(6, '0')}`
      : `${1700000000 + ++tsCounter}.000100`;
  const base = (): string => `http://127.0.0.1:${port}`;

  /** Default answers for the methods the bot uses; anything else is `{ok:true}`. */
  function defaultAnswer(call: SlackCall): object {
    const b = call.body;
    switch (call.method) {
      case 'auth.test':
        return { ok: true, url: `https://${SLACK_TEAM_DOMAIN}.slack.com/`, team: 'Fake Team', user: 'testbot', team_id: teamId, user_id: botUserId, bot_id: botId, is_enterprise_install: false };
      case 'chat.postMessage': {
        const ts = nextTs();
        const message: Record<string, unknown> = { type: 'message', user: botUserId, bot_id: botId, app_id: SLACK_APP_ID, team: teamId, ts, text: b.text ?? '' };
        if (b.blocks !== undefined) message.blocks = b.blocks;
        if (b.attachments !== undefined) message.attachments = b.attachments;
        if (b.thread_ts !== undefined) message.thread_ts = b.thread_ts;
        if (b.metadata !== undefined) message.metadata = b.metadata;
        const channel = String(b.channel);
        channelHistory.set(channel, [...(channelHistory.get(channel) ?? []), message]);
        return { ok: true, channel: b.channel, ts, message };
      }
      case 'conversations.history': {
        // Newest first, after `oldest`; metadata only with include_all_metadata (as Slack does).
        const oldest = Number(b.oldest ?? 0);
        const withMetadata = b.include_all_metadata === true || b.include_all_metadata === 'true';
        const messages = (channelHistory.get(String(b.channel)) ?? [])
          .filter((m) => Number(m.ts) > oldest)
          .reverse()
          .map((m) => {
            if (withMetadata) return m;
            const { metadata: _hidden, ...rest } = m;
            return rest;
          });
        return { ok: true, messages, has_more: false, response_metadata: { next_cursor: '' } };
      }
      case 'chat.update':
        return { ok: true, channel: b.channel, ts: b.ts, text: b.text ?? '', message: { text: b.text ?? '', blocks: b.blocks, user: botUserId, bot_id: botId } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'chat.delete':
        return { ok: true, channel: b.channel, ts: b.ts };
      case 'conversations.open': {
        const users = typeof b.users === 'string' ? b.users : typeof b.user === 'string' ? b.user : 'UNKNOWN';
        return { ok: true, channel: { id: `D${users.split(',')[0]}` } };
      }
      case 'views.open':
      case 'views.push':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: 'V1', ...(typeof b.view === 'object' && b.view !== null ? b.view : {}) } };
      case 'files.getUploadURLExternal': {
        const fileId = `F${++fileCounter}`;
        return { ok: true, upload_url: `${base()}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(b.files) ? (b.files as { id?: unknown; title?: unknown }[]) : [];
        return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
      }
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${port}/link/?ticket=t${++ticketCounter}` };
      default:
        return { ok: true };
    }
  }

  async function handleApi(method: string, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
    const raw = await readRaw(req);
    const body = await parseBody(raw, req.headers['content-type']);
    for (const [k, v] of query) if (!(k in body)) body[k] = maybeJson(v);
    const call: SlackCall = { method, auth: req.headers.authorization, body, at: Date.now(), status: 200 };

    let answer: Required<SlackAnswer>;
    const queued = overrides.get(method);
    const handler = handlers.get(method);
    if (down) answer = normalizeAnswer({ status: 503, body: { ok: false, error: 'service_unavailable' } });
    else if (queued !== undefined && queued.length > 0) answer = normalizeAnswer(queued.shift()!);
    else if (handler !== undefined) answer = normalizeAnswer(handler(call));
    else answer = normalizeAnswer({ body: defaultAnswer(call) });

    call.status = answer.status;
    calls.push(call);
    const hold = holds.get(method);
    if (hold) {
      // Processed, never answered: the connection stays open until stop().
      holds.delete(method);
      hold(call);
      return;
    }
    sendJson(res, answer.status, answer.body, answer.headers);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;

    if (path.startsWith('/api/')) {
      await handleApi(decodeURIComponent(path.slice('/api/'.length)), req, res, url.searchParams);
      return;
    }
    if (path.startsWith('/response/')) {
      const raw = await readRaw(req);
      if (down) return sendJson(res, 503, { ok: false, error: 'service_unavailable' });
      const queued = overrides.get('response_url');
      let body: unknown = raw.toString('utf8');
      try {
        body = JSON.parse(body as string) as unknown;
      } catch {
        /* keep as text */
      }
      responses.push({ id: decodeURIComponent(path.slice('/response/'.length)), body, at: Date.now() });
      const answer = normalizeAnswer(queued !== undefined && queued.length > 0 ? queued.shift()! : { body: { ok: true } });
      return sendJson(res, answer.status, answer.body, answer.headers);
    }
    if (path.startsWith('/upload/')) {
      const raw = await readRaw(req);
      if (down) return sendJson(res, 503, { ok: false, error: 'service_unavailable' });
      uploads.push({ fileId: decodeURIComponent(path.slice('/upload/'.length)), contentType: req.headers['content-type'], bytes: raw.length, at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
      return;
    }
    sendJson(res, 404, { ok: false, error: 'unknown_path' });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'fake_internal_error', detail: String(err) });
      else res.end();
    });
  });

  // --- Socket Mode -------------------------------------------------------
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  const socketWaiters: (() => void)[] = [];
  const pendingAcks = new Map<string, (ack: SocketAck) => void>();

  server.on('upgrade', (req, socket, head) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname !== '/link/' && pathname !== '/link') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => sockets.delete(ws));
    ws.on('message', (data: RawData) => {
      let frame: SocketAck;
      try {
        frame = JSON.parse(data.toString()) as SocketAck;
      } catch {
        return;
      }
      socketFrames.push(frame);
      const resolve = pendingAcks.get(frame.envelope_id);
      if (resolve !== undefined) {
        pendingAcks.delete(frame.envelope_id);
        resolve(frame);
      }
    });
    // Socket Mode clients only consider themselves connected after `hello`.
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: SLACK_APP_ID } }));
    for (const w of socketWaiters.splice(0)) w();
  });

  const openSocket = (): WebSocket | undefined => [...sockets].reverse().find((s) => s.readyState === WebSocket.OPEN);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  const fake: FakeSlack = {
    port,
    url: base(),
    apiUrl: `${base()}/api/`,
    calls: calls.items,
    responses: responses.items,
    uploads,
    socketFrames,

    callsTo: (method) => calls.items.filter((c) => c.method === method),

    failNext(method, answer) {
      const queue = overrides.get(method) ?? [];
      queue.push(answer);
      overrides.set(method, queue);
    },

    on(method, handler) {
      handlers.set(method, handler);
    },

    off(method) {
      handlers.delete(method);
    },

    setDown(value) {
      down = value;
    },

    waitForCall(method, predicate = () => true, timeoutMs = 2000) {
      return calls.waitFor(
        (c) => c.method === method && predicate(c),
        timeoutMs,
        () => `a ${method} call; calls seen: ${calls.items.map((c) => c.method).join(', ') || '(none)'}`,
      );
    },

    waitForResponse(predicate = () => true, timeoutMs = 2000) {
      return responses.waitFor(predicate, timeoutMs, () => `a response_url POST; seen: ${responses.items.length}`);
    },

    responseUrl: (id = 'r1') => `${base()}/response/${encodeURIComponent(id)}`,

    socketCount: () => [...sockets].filter((s) => s.readyState === WebSocket.OPEN).length,

    waitForSocket(timeoutMs = 2000) {
      if (openSocket() !== undefined) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          socketWaiters.splice(socketWaiters.indexOf(done), 1);
          reject(new Error(`fake-slack: no Socket Mode client connected within ${timeoutMs} ms`));
        }, timeoutMs);
        socketWaiters.push(done);
      });
    },

    async socketSend(envelope, timeoutMs = 2000) {
      await fake.waitForSocket(timeoutMs);
      const ws = openSocket();
      if (ws === undefined) throw new Error('fake-slack: no Socket Mode client connected');
      return new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pendingAcks.delete(envelope.envelope_id);
          reject(new Error(`fake-slack: no ack for envelope ${envelope.envelope_id} within ${timeoutMs} ms`));
        }, timeoutMs);
        pendingAcks.set(envelope.envelope_id, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        ws.send(JSON.stringify(envelope));
      });
    },

    holdNext(method) {
      return new Promise<SlackCall>((resolve) => holds.set(method, resolve));
    },

    history: (channel) => channelHistory.get(channel) ?? [],

    reset() {
      holds.clear();
      channelHistory.clear();
      calls.clear();
      responses.clear();
      uploads.length = 0;
      socketFrames.length = 0;
      overrides.clear();
      handlers.clear();
      down = false;
    },

    stop: () => closeServer(server, wss, sockets),
  };
  return fake;
}

// ---------------------------------------------------------------------------
// Request signing and payload builders

/** Headers of a signed Slack request (HTTP mode). */
export interface SignedSlackHeaders {
  'content-type': string;
  'x-slack-request-timestamp': string;
  'x-slack-signature': string;
}

/**
 * Sign `body` like Slack does: `v0=HMAC_SHA256(secret, "v0:<ts>:<body>")`.
 * `ts` is in seconds (default: now). Use an old `ts` to test replay rejection.
 */
export function signSlackRequest(
  secret: string,
  body: string,
  ts: number = Math.floor(Date.now() / 1000),
  contentType = 'application/x-www-form-urlencoded',
): SignedSlackHeaders {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature };
}

/** Anything that can mint a response_url (i.e. a FakeSlack). */
export interface ResponseUrlSource {
  responseUrl(id?: string): string;
}

/** Nothing listens here: a respond() to it fails fast instead of reaching the internet. */
const DEAD_RESPONSE_URL = 'http://127.0.0.1:9/response/none';

let idCounter = 0;
const nextId = (prefix: string): string => `${prefix}-${++idCounter}`;

/** Form fields of a slash-command request. */
export interface SlashCommandPayload {
  token: string;
  team_id: string;
  team_domain: string;
  channel_id: string;
  channel_name: string;
  user_id: string;
  user_name: string;
  command: string;
  text: string;
  api_app_id: string;
  response_url: string;
  trigger_id: string;
  is_enterprise_install: string;
  enterprise_id?: string;
  enterprise_name?: string;
}

/** Slash-command payload object (for Socket Mode envelopes or `app.processEvent`). */
export function slashCommandPayload(fields: Partial<SlashCommandPayload> = {}, fake?: ResponseUrlSource): SlashCommandPayload {
  return {
    token: 'verification-token',
    team_id: SLACK_TEAM_ID,
    team_domain: SLACK_TEAM_DOMAIN,
    channel_id: SLACK_CHANNEL_ID,
    channel_name: 'general',
    user_id: SLACK_USER_ID,
    user_name: 'alice',
    command: '/help',
    text: '',
    api_app_id: SLACK_APP_ID,
    response_url: fake?.responseUrl(nextId('cmd')) ?? DEAD_RESPONSE_URL,
    trigger_id: 'trig-1',
    is_enterprise_install: 'false',
    ...fields,
  };
}

/** Slash-command request body, form-urlencoded (what Slack POSTs in HTTP mode). */
export function slashCommandBody(fields: Partial<SlashCommandPayload> = {}, fake?: ResponseUrlSource): string {
  const payload = slashCommandPayload(fields, fake);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(payload)) if (v !== undefined) params.set(k, String(v));
  return params.toString();
}

/** Inputs for a `block_actions` interaction (one button click). */
export interface BlockActionFields {
  actionId: string;
  value?: string;
  blockId?: string;
  userId?: string;
  userName?: string;
  teamId?: string;
  teamDomain?: string;
  channelId?: string;
  channelName?: string;
  messageTs?: string;
  messageText?: string;
  messageBlocks?: unknown[];
  responseUrl?: string;
  triggerId?: string;
  apiAppId?: string;
  actionTs?: string;
}

export interface SlackUserRef {
  id: string;
  username: string;
  name: string;
  team_id: string;
}

export interface BlockActionPayload {
  type: 'block_actions';
  token: string;
  api_app_id: string;
  user: SlackUserRef;
  team: { id: string; domain: string };
  enterprise: null;
  is_enterprise_install: boolean;
  channel: { id: string; name: string };
  container: { type: 'message'; message_ts: string; channel_id: string; is_ephemeral: boolean };
  message: { type: 'message'; ts: string; text: string; user: string; bot_id: string; blocks: unknown[] };
  actions: { action_id: string; block_id: string; value: string; type: 'button'; action_ts: string; text: { type: 'plain_text'; text: string } }[];
  response_url: string;
  trigger_id: string;
  state: { values: Record<string, never> };
}

/** `block_actions` payload object (a button click on a bot message). */
export function blockActionPayload(fields: BlockActionFields, fake?: ResponseUrlSource): BlockActionPayload {
  const teamId = fields.teamId ?? SLACK_TEAM_ID;
  const userId = fields.userId ?? SLACK_USER_ID;
  const userName = fields.userName ?? 'alice';
  const channelId = fields.channelId ?? SLACK_CHANNEL_ID;
  const messageTs = fields.messageTs ?? '1700000001.000100';
  return {
    type: 'block_actions',
    token: 'verification-token',
    api_app_id: fields.apiAppId ?? SLACK_APP_ID,
    user: { id: userId, username: userName, name: userName, team_id: teamId },
    team: { id: teamId, domain: fields.teamDomain ?? SLACK_TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: fields.channelName ?? 'general' },
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    message: { type: 'message', ts: messageTs, text: fields.messageText ?? '', user: SLACK_BOT_USER_ID, bot_id: SLACK_BOT_ID, blocks: fields.messageBlocks ?? [] },
    actions: [
      {
        action_id: fields.actionId,
        block_id: fields.blockId ?? 'block-1',
        value: fields.value ?? '',
        type: 'button',
        action_ts: fields.actionTs ?? `${Math.floor(Date.now() / 1000)}.000200`,
        text: { type: 'plain_text', text: fields.actionId },
      },
    ],
    response_url: fields.responseUrl ?? fake?.responseUrl(nextId('act')) ?? DEAD_RESPONSE_URL,
    trigger_id: fields.triggerId ?? nextId('trig'),
    state: { values: {} },
  };
}

/** `block_actions` request body: `payload=<json>`, form-urlencoded. */
export function blockActionBody(fields: BlockActionFields, fake?: ResponseUrlSource): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionPayload(fields, fake)) }).toString();
}

/** One input's state in `view.state.values[blockId][actionId]`. */
export interface ViewStateValue {
  type: string;
  value?: string | null;
  selected_option?: { text: { type: 'plain_text'; text: string }; value: string } | null;
  selected_options?: { text: { type: 'plain_text'; text: string }; value: string }[];
  selected_date?: string | null;
  selected_user?: string | null;
  selected_users?: string[];
  selected_channel?: string | null;
  selected_conversation?: string | null;
}

/** Inputs for a `view_submission`. Plain strings become `plain_text_input` values. */
export interface ViewSubmissionFields {
  callbackId: string;
  values?: Record<string, Record<string, ViewStateValue | string>>;
  privateMetadata?: string;
  viewId?: string;
  userId?: string;
  userName?: string;
  teamId?: string;
  teamDomain?: string;
  apiAppId?: string;
  triggerId?: string;
}

export interface ViewSubmissionPayload {
  type: 'view_submission';
  token: string;
  api_app_id: string;
  user: SlackUserRef;
  team: { id: string; domain: string };
  enterprise: null;
  is_enterprise_install: boolean;
  trigger_id: string;
  response_urls: never[];
  view: {
    id: string;
    team_id: string;
    type: 'modal';
    callback_id: string;
    private_metadata: string;
    hash: string;
    title: { type: 'plain_text'; text: string };
    blocks: unknown[];
    state: { values: Record<string, Record<string, ViewStateValue>> };
    app_id: string;
    bot_id: string;
    root_view_id: string;
    previous_view_id: null;
    external_id: string;
    clear_on_close: boolean;
    notify_on_close: boolean;
  };
}

/** `view_submission` payload object (a modal's Submit). */
export function viewSubmissionPayload(fields: ViewSubmissionFields): ViewSubmissionPayload {
  const teamId = fields.teamId ?? SLACK_TEAM_ID;
  const userName = fields.userName ?? 'alice';
  const viewId = fields.viewId ?? 'V1';
  const values: Record<string, Record<string, ViewStateValue>> = {};
  for (const [blockId, actions] of Object.entries(fields.values ?? {})) {
    values[blockId] = {};
    for (const [actionId, v] of Object.entries(actions)) {
      values[blockId][actionId] = typeof v === 'string' ? { type: 'plain_text_input', value: v } : v;
    }
  }
  return {
    type: 'view_submission',
    token: 'verification-token',
    api_app_id: fields.apiAppId ?? SLACK_APP_ID,
    user: { id: fields.userId ?? SLACK_USER_ID, username: userName, name: userName, team_id: teamId },
    team: { id: teamId, domain: fields.teamDomain ?? SLACK_TEAM_DOMAIN },
    enterprise: null,
    is_enterprise_install: false,
    trigger_id: fields.triggerId ?? nextId('trig'),
    response_urls: [],
    view: {
      id: viewId,
      team_id: teamId,
      type: 'modal',
      callback_id: fields.callbackId,
      private_metadata: fields.privateMetadata ?? '',
      hash: 'hash-1',
      title: { type: 'plain_text', text: 'Modal' },
      blocks: [],
      state: { values },
      app_id: fields.apiAppId ?? SLACK_APP_ID,
      bot_id: SLACK_BOT_ID,
      root_view_id: viewId,
      previous_view_id: null,
      external_id: '',
      clear_on_close: false,
      notify_on_close: false,
    },
  };
}

/** `view_submission` request body: `payload=<json>`, form-urlencoded. */
export function viewSubmissionBody(fields: ViewSubmissionFields): string {
  return new URLSearchParams({ payload: JSON.stringify(viewSubmissionPayload(fields)) }).toString();
}

// ---------------------------------------------------------------------------
// Socket Mode envelopes

/** Envelope carrying a slash command (the app's ack may carry a response payload). */
export function slashEnvelope(payload: object, envelopeId: string = nextId('env')): SocketEnvelope {
  return { envelope_id: envelopeId, type: 'slash_commands', accepts_response_payload: true, payload };
}

/** Envelope carrying an interaction (block_actions, view_submission, shortcut…). */
export function interactiveEnvelope(payload: object, envelopeId: string = nextId('env')): SocketEnvelope {
  return { envelope_id: envelopeId, type: 'interactive', accepts_response_payload: true, payload };
}

/** Envelope carrying an Events API event, e.g. `{type:'app_mention', user, text, channel, ts}`. */
export function eventsEnvelope(event: Record<string, unknown>, envelopeId: string = nextId('env')): SocketEnvelope {
  return {
    envelope_id: envelopeId,
    type: 'events_api',
    accepts_response_payload: false,
    retry_attempt: 0,
    retry_reason: '',
    payload: {
      token: 'verification-token',
      team_id: SLACK_TEAM_ID,
      api_app_id: SLACK_APP_ID,
      type: 'event_callback',
      event_id: nextId('Ev'),
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ enterprise_id: null, team_id: SLACK_TEAM_ID, user_id: SLACK_BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
      event,
    },
  };
}
