// E-mail's variables: SMTP_URL turns it on (with MAIL_FROM); with PUBLIC_URL
// (shared) the mails carry one-click unsubscribe links signed with
// UNSUBSCRIBE_SECRET, answered on the one listener at /email/unsubscribe.
import { z } from 'zod';

export interface EmailConfig {
  /** SMTP_URL: smtp:// or smtps://, with credentials. Never logged. */
  smtpUrl: string;
  /** MAIL_FROM as given (with its display name), and its bare address. */
  from: string;
  fromAddress: string;
  /** PUBLIC_URL without a trailing slash: one-click unsubscribe links and their endpoint. Unset: mailto only. */
  publicUrl?: string;
  /** UNSUBSCRIBE_SECRET: the unsubscribe tokens' key is derived from it (required with PUBLIC_URL). */
  unsubscribeSecret?: string;
  /** UNSUBSCRIBE_PORT, when still set: accepted for one release, ignored with a warning at start. */
  ignoredUnsubscribePort?: number;
}

const PORT_GONE = 'must be a port number from 0 to 65535 — and is no longer used: remove it (the unsubscribe path is on PORT)';

export const emailEnv = {
  SMTP_URL: z
    .string()
    .refine(isSmtpUrl, {
      message:
        'must be smtp:// (STARTTLS) or smtps:// (TLS) with the server and, if it asks, the account — e.g. smtps://bot%40korea.kr:password@smtp.korea.kr:465',
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .refine((raw) => parseMailFrom(raw) !== undefined, {
      message: 'must be an e-mail address, optionally with a name — e.g. 민관협력 봇 <bot@korea.kr>',
    })
    .optional(),
  UNSUBSCRIBE_SECRET: z.string().min(32, 'must be at least 32 random characters — e.g. the output of: openssl rand -base64 32').optional(),
  // Deprecated: the unsubscribe path is on PORT now. Still validated so a typo is not silently kept.
  UNSUBSCRIBE_PORT: z.coerce
    .number({ message: PORT_GONE })
    .int({ message: PORT_GONE })
    .min(0, { message: PORT_GONE })
    .max(65535, { message: PORT_GONE })
    .optional(),
};

export function emailConfig(
  c: z.output<z.ZodObject<typeof emailEnv>>,
  publicUrl: string | undefined,
  problems: string[],
): EmailConfig | undefined {
  if (!c.SMTP_URL) return undefined;
  const from = c.MAIL_FROM ? parseMailFrom(c.MAIL_FROM) : undefined;
  if (!from) problems.push('  MAIL_FROM: missing — e-mail needs the sender address (e.g. 민관협력 봇 <bot@korea.kr>)');
  if (publicUrl && !c.UNSUBSCRIBE_SECRET) {
    problems.push(
      '  UNSUBSCRIBE_SECRET: missing — one-click unsubscribe links (PUBLIC_URL) are signed with it; e.g. the output of: openssl rand -base64 32',
    );
  }
  if (!from) return undefined;
  return {
    smtpUrl: c.SMTP_URL,
    from: (c.MAIL_FROM ?? '').trim(),
    fromAddress: from,
    publicUrl,
    unsubscribeSecret: c.UNSUBSCRIBE_SECRET,
    ...(c.UNSUBSCRIBE_PORT !== undefined ? { ignoredUnsubscribePort: c.UNSUBSCRIBE_PORT } : {}),
  };
}

function isSmtpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** MAIL_FROM: `bot@korea.kr` or `Name <bot@korea.kr>` -> the bare address; else undefined. */
export function parseMailFrom(raw: string): string | undefined {
  const match = /^\s*(?:([^<>\r\n]*?)\s*<([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>|([^\s<>@"]+@[^\s<>@]+\.[^\s<>@]+))\s*$/.exec(raw);
  return match ? (match[2] ?? match[3]) : undefined;
}
