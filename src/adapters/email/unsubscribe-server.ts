// The one-click unsubscribe endpoint (RFC 8058), served on the one HTTP
// listener (src/http.ts) beside whichever chat platform runs; a reverse proxy
// puts it under PUBLIC_URL.
//
//   GET  /email/unsubscribe?m=<member>&t=<token>  a confirmation page with a
//        button (link scanners and previews fetch with GET: GET changes nothing)
//   POST the same URL (the page's button, or the mail client's one-click with
//        body List-Unsubscribe=One-Click)  unsubscribes
//
// Unsubscribing is the bot command `/digest off email`, run as that member
// (platform 'email', user `member:<id>`), so it is checked, audited and
// answered like any other command. The token is checked first; a bad one runs
// nothing. The pages speak the member's language; without a member (a bad
// link) the bot's default language.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { HttpRoute } from '../../core/adapter.ts';
import { fallbackText } from '../../core/card.ts';
import type { Bot } from '../../core/dispatch.ts';
import type { Invocation } from '../../core/command.ts';
import { translator, type Locale, type Translator } from '../../core/i18n/index.ts';
import { escapeHtml } from './render.ts';
import { UNSUBSCRIBE_PATH, type UnsubscribeTokens } from './tokens.ts';
import './catalog.ts';

export const UNSUBSCRIBE_COMMAND = '/digest off email';
/** The one-click POST carries `List-Unsubscribe=One-Click`; the page's button nothing. */
const MAX_BODY = 4_096;

export class UnsubscribePages {
  constructor(
    private readonly bot: Bot,
    private readonly tokens: UnsubscribeTokens,
    private readonly logger: Logger,
    /** The bot's default locale: the pages that reach no member. */
    private readonly locale: Locale,
    /** PUBLIC_URL's path ('' or '/bot'): a proxy that keeps the prefix reaches the same pages. */
    private readonly prefix = '',
  ) {}

  routes(): HttpRoute[] {
    const paths = [...new Set([UNSUBSCRIBE_PATH, `${this.prefix}${UNSUBSCRIBE_PATH}`])];
    return paths.flatMap((path) =>
      (['GET', 'POST'] as const).map((method) => ({ method, path, bodyLimit: MAX_BODY, handle: (req: IncomingMessage, res: ServerResponse) => this.#answer(req, res) })),
    );
  }

  async #answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fallback = translator(this.locale);
    try {
      await this.#handle(req, res, fallback);
    } catch (error) {
      this.logger.error({ err: error }, 'email: unsubscribe request failed');
      if (!res.headersSent) page(res, 500, fallback, fallback('email.pageError'));
      else res.end();
    }
  }

  async #handle(req: IncomingMessage, res: ServerResponse, fallback: Translator): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const memberText = url.searchParams.get('m') ?? '';
    const memberId = /^\d{1,9}$/.test(memberText) ? Number(memberText) : NaN;
    const token = url.searchParams.get('t') ?? '';
    if (!this.tokens.verify(memberId, token)) {
      this.logger.info({ method: req.method }, 'email: unsubscribe with a bad token refused');
      return page(res, 403, fallback, fallback('email.pageInvalid'));
    }
    const invocation: Invocation = { platform: 'email', platformUserId: `member:${memberId}`, displayName: `member:${memberId}`, channelId: 'email' };
    const actor = await this.bot.deps.resolveActor(invocation);
    const t = translator(actor.locale);
    if (req.method === 'GET') {
      // Relative (the query only): right behind a proxy that strips PUBLIC_URL's path prefix, too.
      const form = `<form method="post" action="${escapeHtml(url.search)}"><button type="submit" style="font-size:1.1em;padding:0.4em 1.2em">${escapeHtml(t('email.pageButton'))}</button></form>`;
      return page(res, 200, t, t('email.pageConfirm'), form);
    }
    const reply = await this.bot.handleText(UNSUBSCRIBE_COMMAND, invocation);
    this.logger.info({ memberId, tone: reply.card.tone }, 'email: unsubscribe request handled');
    return page(res, 200, t, `${t('email.pageDone')}\n${fallbackText(reply.card, 1_000)}`);
  }
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
