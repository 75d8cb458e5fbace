// E-mail as an adapter: the SMTP transport (the outbox's sender 'email') and,
// with PUBLIC_URL, the unsubscribe pages on the one HTTP listener. It takes no
// commands but the unsubscribe, so it runs beside any chat platform (the
// console too): the only way to reach dong-office PCs where Slack and Discord are blocked.
import type { AdapterDeps, ChatAdapter, HttpRoute } from '../../core/adapter.ts';
import type { OutgoingMessage, SentMessage } from '../../core/deliver.ts';
import { translator } from '../../core/i18n/index.ts';
import type { EmailConfig } from './config.ts';
import { EmailTransport, type EmailTransportOptions } from './email-transport.ts';
import { UnsubscribeTokens } from './tokens.ts';
import { UnsubscribePages } from './unsubscribe-server.ts';

export class EmailAdapter implements ChatAdapter {
  readonly platform = 'email' as const;
  readonly transport: EmailTransport;
  /** With PUBLIC_URL and UNSUBSCRIBE_SECRET: the one-click pages. */
  readonly unsubscribe: UnsubscribePages | undefined;

  constructor(
    private readonly config: EmailConfig,
    private readonly deps: AdapterDeps,
  ) {
    const tokens = config.unsubscribeSecret ? new UnsubscribeTokens(config.unsubscribeSecret) : undefined;
    this.transport = new EmailTransport(config, deps.logger, { tokens, ...(deps.tuning as EmailTransportOptions | undefined) });
    this.unsubscribe =
      tokens && config.publicUrl
        ? new UnsubscribePages(deps.bot, tokens, deps.logger, deps.locale, new URL(config.publicUrl).pathname.replace(/\/+$/, ''))
        : undefined;
  }

  send(message: OutgoingMessage): Promise<SentMessage> {
    return this.transport.send(message);
  }

  async start(): Promise<void> {
    const port = this.config.ignoredUnsubscribePort;
    if (port !== undefined)
      this.deps.logger.warn({ variable: 'UNSUBSCRIBE_PORT' }, translator(this.deps.locale)('email.unsubscribePortIgnored', { port }));
  }

  async stop(): Promise<void> {
    this.transport.close();
  }

  routes(): HttpRoute[] {
    return this.unsubscribe?.routes() ?? [];
  }
}
