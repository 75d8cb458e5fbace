// Sends outbox rows of platform 'email' over SMTP (nodemailer). Not a chat
// adapter: it receives nothing (the unsubscribe endpoint is separate,
// unsubscribe-server.ts).
//
// Exactly once: the outbox keeps one row per key and member; this transport
// sends a row once. SMTP cannot be asked afterwards whether a message got
// through, so there is no findSent: a crash between the server's 250 and the
// row's `sent` update means the message is sent again at start (the outbox's
// rule: a rare duplicate beats a lost message). The Message-ID is derived from
// the row's key, so that resend carries the same Message-ID and mail clients
// and servers that deduplicate by it show it once.
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { EmailConfig } from './config.ts';
import { DeliveryError, parseEmailDestId, type OutgoingMessage, type SentMessage, type Transport } from '../../core/deliver.ts';
import { renderEmail, type Unsubscribe } from './render.ts';
import { unsubscribeUrl, type UnsubscribeTokens } from './tokens.ts';

type Mailer = ReturnType<typeof nodemailer.createTransport>;

export interface EmailTransportOptions {
  /** Signs one-click unsubscribe links (with PUBLIC_URL); without it the mails offer the mailto: only. */
  tokens?: UnsubscribeTokens;
  /** SMTP timeouts in ms (tests shorten them). */
  timeoutMs?: number;
}

export class EmailTransport implements Transport {
  readonly platform = 'email' as const;
  readonly #mailer: Mailer;
  readonly #domain: string;

  constructor(
    private readonly config: EmailConfig,
    private readonly logger: Logger,
    private readonly options: EmailTransportOptions = {},
  ) {
    const timeout = options.timeoutMs ?? 60_000;
    this.#mailer = nodemailer.createTransport({
      url: config.smtpUrl,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout * 2,
    });
    this.#domain = config.fromAddress.slice(config.fromAddress.lastIndexOf('@') + 1);
  }

  /** The Message-ID of an outbox row: the same for every try of the same row. */
  messageId(key: string): string {
    return `<outbox.${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${this.#domain}>`;
  }

  async send(message: OutgoingMessage): Promise<SentMessage> {
    const dest = parseEmailDestId(message.to.id);
    if (!dest) throw new DeliveryError(`not an e-mail destination: ${message.to.id}`, true);
    const { tokens } = this.options;
    const link = this.config.publicUrl && tokens ? unsubscribeUrl(this.config.publicUrl, dest.memberId, tokens.sign(dest.memberId)) : undefined;
    const mailto = `mailto:${this.config.fromAddress}?subject=${encodeURIComponent(`unsubscribe #${dest.memberId}`)}`;
    const unsubscribe: Unsubscribe = link ? { kind: 'link', url: link } : { kind: 'mail', address: this.config.fromAddress };
    const { subject, text, html } = renderEmail(message.card, unsubscribe);
    const messageId = this.messageId(message.key);
    const headers: Record<string, string> = {
      // RFC 8058: the https link answers a POST without cookies or a login; the mailto: for clients without it.
      'List-Unsubscribe': link ? `<${link}>, <${mailto}>` : `<${mailto}>`,
      // RFC 3834: no vacation auto-replies to the bot.
      'Auto-Submitted': 'auto-generated',
    };
    if (link) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
    try {
      await this.#mailer.sendMail({
        from: this.config.from,
        to: dest.address,
        subject,
        text,
        html,
        // Korean text: base64 is about half the size of quoted-printable.
        textEncoding: 'base64',
        messageId,
        headers,
        envelope: { from: this.config.fromAddress, to: [dest.address] },
      });
    } catch (error) {
      throw deliveryError(error);
    }
    this.logger.debug({ messageId }, 'email: sent');
    return { ref: messageId };
  }

  close(): void {
    this.#mailer.close();
  }
}

/**
 * SMTP replies: 5xx (except 503) is a permanent refusal (unknown mailbox,
 * refused content) -> failed, admins told; 4xx (greylisting, mailbox full,
 * rate limits) and connection trouble -> retried by the outbox with backoff.
 * The message names the server's reply, never the message's content.
 */
export function deliveryError(error: unknown): DeliveryError {
  const e = (error ?? {}) as { message?: string; code?: string; responseCode?: number; response?: string; permanent?: boolean };
  const reply = e.responseCode ? `SMTP ${e.responseCode}: ${(e.response ?? e.message ?? '').slice(0, 300)}` : `${e.code ?? 'SMTP'}: ${e.message ?? String(error)}`;
  const permanent =
    e.permanent ?? (e.responseCode !== undefined ? e.responseCode >= 500 && e.responseCode !== 503 : e.code === 'EENVELOPE');
  return new DeliveryError(reply.replace(/\s+/g, ' ').trim(), permanent);
}
