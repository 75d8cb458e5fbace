// The one-click unsubscribe endpoint (RFC 8058), a small node:http server of
// its own so it works with the console, Slack (HTTP or Socket Mode) and
// Discord alike; a reverse proxy puts it under PUBLIC_URL.
//
//   GET  /email/unsubscribe?m=<member>&t=<token>  a confirmation page with a
//        button (link scanners and previews fetch with GET: GET changes nothing)
//   POST the same URL (the page's button, or the mail client's one-click with
//        body List-Unsubscribe=One-Click)  unsubscribes
//
// Unsubscribing is the bot command `/digest off email`, run as that member
// (platform 'email', user `member:<id>`), so it is checked, audited and
// answered like any other command. The token is checked first; a bad one runs
// nothing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { fallbackText } from '../../core/card.ts';
import type { Bot } from '../../core/dispatch.ts';
import type { Invocation } from '../../core/command.ts';
import { translator, type Locale, type Translator } from '../../core/i18n/index.ts';
import { escapeHtml } from './render.ts';
import { UNSUBSCRIBE_PATH, type UnsubscribeTokens } from './tokens.ts';
import './catalog.ts';

export const UNSUBSCRIBE_COMMAND = '/digest off email';
const MAX_BODY = 4_096;

export interface UnsubscribeServerOptions {
  port: number;
  host: string;
  command?: string;
}

export class UnsubscribeServer {
  #server: Server | undefined;

  constructor(
    private readonly bot: Bot,
    private readonly tokens: UnsubscribeTokens,
    private readonly logger: Logger,
    private readonly options: UnsubscribeServerOptions,
  ) {}

  /** The port listened on (after start; useful with port 0). */
  get port(): number | undefined {
    return (this.#server?.address() as AddressInfo | null)?.port;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        this.logger.error({ err: error }, 'email: unsubscribe request failed');
        if (!res.headersSent) page(res, 500, translator('ko'), translator('ko')('email.pageError'));
        else res.end();
      });
    });
    server.requestTimeout = 10_000;
    server.headersTimeout = 10_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.#server = server;
    this.logger.info({ port: this.port }, 'email: unsubscribe endpoint listening');
  }

  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Behind a proxy PUBLIC_URL may carry a path prefix (https://host/bot/email/unsubscribe).
    if (!url.pathname.endsWith(UNSUBSCRIBE_PATH)) return page(res, 404, translator('ko'), 'Not found');
    if (req.method !== 'GET' && req.method !== 'POST') {
      res.setHeader('Allow', 'GET, POST');
      return page(res, 405, translator('ko'), 'Method not allowed');
    }
    if (req.method === 'POST' && !(await drain(req))) return page(res, 413, translator('ko'), 'Too large');
    const memberText = url.searchParams.get('m') ?? '';
    const memberId = /^\d{1,9}$/.test(memberText) ? Number(memberText) : NaN;
    const token = url.searchParams.get('t') ?? '';
    if (!this.tokens.verify(memberId, token)) {
      this.logger.info({ method: req.method }, 'email: unsubscribe with a bad token refused');
      return page(res, 403, translator('ko'), translator('ko')('email.pageInvalid'));
    }
    const invocation: Invocation = { platform: 'email', platformUserId: `member:${memberId}`, displayName: `member:${memberId}`, channelId: 'email' };
    const actor = await this.bot.deps.resolveActor(invocation);
    const t = translator(actor.locale);
    if (req.method === 'GET') {
      // Relative (the query only): right behind a proxy that strips PUBLIC_URL's path prefix, too.
      const form = `<form method="post" action="${escapeHtml(url.search)}"><button type="submit" style="font-size:1.1em;padding:0.4em 1.2em">${escapeHtml(t('email.pageButton'))}</button></form>`;
      return page(res, 200, t, t('email.pageConfirm'), form);
    }
    const reply = await this.bot.handleText(this.options.command ?? UNSUBSCRIBE_COMMAND, invocation);
    this.logger.info({ memberId, tone: reply.card.tone }, 'email: unsubscribe request handled');
    return page(res, 200, t, `${t('email.pageDone')}\n${fallbackText(reply.card, 1_000)}`);
  }
}

/** Reads (and drops) a small request body: the one-click POST carries `List-Unsubscribe=One-Click`. */
async function drain(req: IncomingMessage): Promise<boolean> {
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return false;
  }
  return true;
}

function page(res: ServerResponse, status: number, t: Translator, message: string, extra = ''): void {
  const locale: Locale = t.locale;
  const body = [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
    `<title>${escapeHtml(t('email.pageTitle'))}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:36em;margin:2em auto;padding:0 1em">',
    `<h1 style="font-size:1.3em">${escapeHtml(t('email.pageTitle'))}</h1>`,
    `<p>${escapeHtml(message).replace(/\n/g, '<br>')}</p>`,
    extra,
    '</body></html>',
  ].join('\n');
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  });
  res.end(body);
}
