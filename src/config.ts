// Environment -> typed configuration. A bad value stops start-up with a
// message that names the variable and shows a correct example.
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { HOLIDAY_YEARS } from './core/calendar/holidays.ts';
import { isClockTime, isIsoDate, seoulDate, seoulInstant, yearOf } from './core/calendar/index.ts';

const platformUser = /^(console|slack|discord):[^,\s]+$/;

/** A TCP port; every failure (not a number, a fraction, out of range) gets the one message with the example. */
const port = (example: number) => {
  const message = `must be a port number from 0 to 65535 — e.g. ${example}`;
  return z.coerce.number({ message }).int({ message }).min(0, { message }).max(65535, { message }).default(example);
};

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// — e.g. file:./data/bot.db')
    .default('file:./data/bot.db'),
  BOT_ADMINS: z
    .string()
    .default('')
    .transform((raw) => raw.split(',').map((s) => s.trim()).filter(Boolean))
    .refine((list) => list.every((entry) => platformUser.test(entry)), {
      message: 'must be comma-separated platform:userId pairs — e.g. slack:U0123,discord:4567',
    }),
  BOT_LOCALE: z.enum(['ko', 'en'], { message: 'must be ko or en' }).default('ko'),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', 'must be a bot token starting with xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, 'must be the app\'s signing secret (Basic Information page)').optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', 'must be an app-level token starting with xapp- (Socket Mode)').optional(),
  SLACK_API_URL: z.url({ message: 'must be a URL — e.g. https://slack.com/api/' }).default('https://slack.com/api/'),
  PORT: port(3000),
  DISCORD_TOKEN: z.string().min(20, 'must be the bot token (Developer Portal → Bot → Reset Token)').optional(),
  DISCORD_APPLICATION_ID: z.string().regex(/^\d{15,22}$/, 'must be the numeric application id — e.g. 1234567890123456789').optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{15,22}$/, 'must be a numeric server (guild) id — e.g. 1234567890123456789').optional(),
  DISCORD_API_URL: z.url({ message: 'must be a URL — e.g. https://discord.com/api' }).default('https://discord.com/api'),
  BOT_NOW: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const instant = parseBotNow(raw);
      if (!instant) {
        ctx.addIssue({ code: 'custom', message: 'must be a Seoul date and time or an ISO instant — e.g. 2026-12-01 09:00 or 2026-12-01T00:00:00Z' });
        return z.NEVER;
      }
      // The calendar (holidays, working days) knows these years only: a clock outside them would fail at the first date.
      const year = yearOf(seoulDate(instant));
      if (year < HOLIDAY_YEARS.min || year > HOLIDAY_YEARS.max) {
        ctx.addIssue({ code: 'custom', message: `must be in the years ${HOLIDAY_YEARS.min}–${HOLIDAY_YEARS.max} (the bot's holiday calendar) — e.g. 2026-12-01 09:00` });
        return z.NEVER;
      }
      return instant;
    }),
  BALLOT_KEY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return undefined;
      const key = parseBallotKey(raw);
      if (!key) {
        ctx.addIssue({ code: 'custom', message: BALLOT_KEY_HINT });
        return z.NEVER;
      }
      return key;
    }),
  SMTP_URL: z
    .string()
    .refine(isSmtpUrl, {
      message: 'must be smtp:// (STARTTLS) or smtps:// (TLS) with the server and, if it asks, the account — e.g. smtps://bot%40korea.kr:password@smtp.korea.kr:465',
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .refine((raw) => parseMailFrom(raw) !== undefined, { message: 'must be an e-mail address, optionally with a name — e.g. 민관협력 봇 <bot@korea.kr>' })
    .optional(),
  PUBLIC_URL: z
    .string()
    .refine(isPublicUrl, { message: 'must be the https address the bot is reached at, without query — e.g. https://bot.example.go.kr' })
    .optional(),
  UNSUBSCRIBE_PORT: port(3001),
  HOST: z
    .string()
    .refine(isHost, { message: 'must be an IP address or host name to listen on — e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)' })
    .optional(),
  UNSUBSCRIBE_SECRET: z.string().min(32, 'must be at least 32 random characters — e.g. the output of: openssl rand -base64 32').optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

export interface SlackConfig {
  botToken: string;
  /** HTTP mode verifies requests with it; Socket Mode does not need it. */
  signingSecret?: string;
  /** Set: Socket Mode (outbound WebSocket, no public URL). Unset: HTTP on `port`. */
  appToken?: string;
  apiUrl: string;
  port: number;
  /** HOST: the address the HTTP receiver listens on. */
  host: string;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl: string;
}

export type Config = {
  databaseUrl: string;
  admins: string[];
  locale: 'ko' | 'en';
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  slack?: SlackConfig;
  discord?: DiscordConfig;
  /** BOT_NOW: the console's simulated clock starts here (console only). */
  now?: Date;
  /**
   * BALLOT_KEY: the 32-byte key that seals secret ballots, kept outside the
   * database. Unset: the console uses (or creates) ballot.key in the user's
   * configuration folder (src/features/polls/ballot-key.ts); Slack and Discord
   * refuse to start (requireBallotKeyForChat).
   */
  ballotKey?: Buffer;
  /** E-mail (SMTP_URL set): digests and notices to members' addresses. */
  email?: EmailConfig;
};

export interface EmailConfig {
  /** SMTP_URL: smtp:// or smtps://, with credentials. Never logged. */
  smtpUrl: string;
  /** MAIL_FROM as given (with its display name), and its bare address. */
  from: string;
  fromAddress: string;
  /** PUBLIC_URL without a trailing slash: one-click unsubscribe links and their endpoint. Unset: mailto only. */
  publicUrl?: string;
  /** Where the unsubscribe endpoint listens (behind PUBLIC_URL's reverse proxy); 0 = any free port (tests). */
  unsubscribePort: number;
  /** HOST: the address the unsubscribe endpoint listens on. */
  host: string;
  /** UNSUBSCRIBE_SECRET: the unsubscribe tokens' key is derived from it (required with PUBLIC_URL). */
  unsubscribeSecret?: string;
}

export class ConfigError extends Error {}

/** sysexits' EX_CONFIG: what a script exits with when the configuration is wrong. */
export const EXIT_CONFIG = 78;

/** For command-line scripts: the configuration, or its problems on stderr and exit 78. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT_CONFIG);
  }
}

/** Reads .env (when present) under the real environment, then validates. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const parsed = schema.safeParse(blankToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const problems: string[] = [];
  // Loopback unless the bot is published (PUBLIC_URL): then a reverse proxy or Slack must reach it.
  const host = c.HOST ?? (c.PUBLIC_URL ? '0.0.0.0' : '127.0.0.1');
  let slack: SlackConfig | undefined;
  if (c.SLACK_BOT_TOKEN || c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN) {
    if (!c.SLACK_BOT_TOKEN) problems.push('  SLACK_BOT_TOKEN: missing — Slack needs the bot token (xoxb-...) as well');
    if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
      problems.push('  SLACK_SIGNING_SECRET: missing — HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)');
    }
    if (c.SLACK_BOT_TOKEN) {
      slack = { botToken: c.SLACK_BOT_TOKEN, signingSecret: c.SLACK_SIGNING_SECRET, appToken: c.SLACK_APP_TOKEN, apiUrl: c.SLACK_API_URL, port: c.PORT, host };
    }
  }
  let discord: DiscordConfig | undefined;
  if (c.DISCORD_TOKEN || c.DISCORD_APPLICATION_ID) {
    if (!c.DISCORD_TOKEN) problems.push('  DISCORD_TOKEN: missing — Discord needs the bot token as well');
    if (!c.DISCORD_APPLICATION_ID) problems.push('  DISCORD_APPLICATION_ID: missing — Discord needs the application id as well');
    if (c.DISCORD_TOKEN && c.DISCORD_APPLICATION_ID) {
      discord = { token: c.DISCORD_TOKEN, applicationId: c.DISCORD_APPLICATION_ID, guildId: c.DISCORD_GUILD_ID, apiUrl: c.DISCORD_API_URL };
    }
  }
  const chatConfigured = [c.SLACK_BOT_TOKEN, c.SLACK_SIGNING_SECRET, c.SLACK_APP_TOKEN, c.DISCORD_TOKEN, c.DISCORD_APPLICATION_ID].some(Boolean);
  if (c.BOT_NOW && chatConfigured) {
    problems.push('  BOT_NOW: console only — Slack and Discord run on real time; remove BOT_NOW (or the SLACK_*/DISCORD_* settings)');
  }
  let email: EmailConfig | undefined;
  if (c.SMTP_URL) {
    const from = c.MAIL_FROM ? parseMailFrom(c.MAIL_FROM) : undefined;
    if (!from) problems.push('  MAIL_FROM: missing — e-mail needs the sender address (e.g. 민관협력 봇 <bot@korea.kr>)');
    if (c.PUBLIC_URL && !c.UNSUBSCRIBE_SECRET) {
      problems.push('  UNSUBSCRIBE_SECRET: missing — one-click unsubscribe links (PUBLIC_URL) are signed with it; e.g. the output of: openssl rand -base64 32');
    }
    if (from) {
      email = {
        smtpUrl: c.SMTP_URL,
        // biome-ignore lint/style/noNonNullAssertion: from was parsed from MAIL_FROM, so it is set
        from: c.MAIL_FROM!.trim(),
        fromAddress: from,
        publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
        unsubscribePort: c.UNSUBSCRIBE_PORT,
        host,
        unsubscribeSecret: c.UNSUBSCRIBE_SECRET,
      };
    }
  }
  if (problems.length) throw new ConfigError(`Incomplete configuration (see .env.example):\n${problems.join('\n')}`);
  return { databaseUrl: c.DATABASE_URL, admins: c.BOT_ADMINS, locale: c.BOT_LOCALE, logLevel: c.LOG_LEVEL, slack, discord, now: c.BOT_NOW, ballotKey: c.BALLOT_KEY, email };
}

/**
 * The bot with Slack or Discord needs BALLOT_KEY: a key file the bot created
 * on its own would sit on the server beside the data (and in its backups), and
 * a second replica would create another. The console may keep its own file.
 * Called by main.ts only: scripts (import, export, command registration) do not seal ballots.
 */
export function requireBallotKeyForChat(config: Config): void {
  if ((config.slack || config.discord) && !config.ballotKey) {
    throw new ConfigError(
      'Incomplete configuration (see .env.example):\n  BALLOT_KEY: missing — with Slack or Discord the key that seals secret ballots must be set, ' +
        'kept apart from the database and its backups (a secret store or the service environment); generate one with: openssl rand -base64 32',
    );
  }
}

export const BALLOT_KEY_HINT =
  'must be 32 random bytes as 64 hex digits or 44 base64 characters — e.g. the output of: node -e "console.log(require(\'node:crypto\').randomBytes(32).toString(\'base64\'))"';

/** BALLOT_KEY (or a ballot.key file): 64 hex digits or base64 (standard or URL-safe) of exactly 32 bytes; else undefined. */
export function parseBallotKey(raw: string): Buffer | undefined {
  const text = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === 32) return key;
  }
  return undefined;
}

/**
 * BOT_NOW: an ISO instant with its offset (`2026-12-01T00:00:00Z`,
 * `2026-12-01T09:00+09:00`) or a Seoul wall-clock time (`2026-12-01 09:00`,
 * `2026-12-01T09:00`, `2026-12-01` = midnight). Undefined if it is neither.
 */
export function parseBotNow(raw: string): Date | undefined {
  const text = raw.trim();
  const wall = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?$/.exec(text);
  if (wall) {
    const [, date, time = '00:00'] = wall;
    return isIsoDate(date) && isClockTime(time) ? seoulInstant(date, time) : undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) || !isIsoDate(text.slice(0, 10))) return undefined;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
}

/** An IPv4/IPv6 literal or a DNS host name (letters, digits, hyphens, dots). */
function isHost(raw: string): boolean {
  return isIP(raw) !== 0 || /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/.test(raw);
}

function isSmtpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** https anywhere; plain http only on this machine (trying it out). */
function isPublicUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    if (url.search || url.hash || url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname));
  } catch {
    return false;
  }
}

/** MAIL_FROM: `bot@korea.kr` or `Name <bot@korea.kr>` -> the bare address; else undefined. */
export function parseMailFrom(raw: string): string | undefined {
  const match = /^\s*(?:([^<>\r\n]*?)\s*<([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>|([^\s<>@"]+@[^\s<>@]+\.[^\s<>@]+))\s*$/.exec(raw);
  return match ? (match[2] ?? match[3]) : undefined;
}
