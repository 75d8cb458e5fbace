// Environment -> typed configuration. A bad value stops start-up with a
// message that names the variable and shows a correct example. The bot's own
// variables are here; each platform's are declared in its adapter folder
// (src/adapters/<platform>/config.ts) and merged from the adapter list.
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { z } from 'zod';
import { ADAPTERS } from './adapters/index.ts';
import type { AdapterDefinition } from './core/adapter.ts';
import { HOLIDAY_YEARS } from './core/calendar/holidays.ts';
import { isClockTime, isIsoDate, seoulDate, seoulInstant, yearOf } from './core/calendar/index.ts';
import type { Platform } from './core/command.ts';

/** Who can be named in BOT_ADMINS: a user of a platform people type on. */
const platformUser = new RegExp(`^(${ADAPTERS.filter((a) => a.kind !== 'beside').map((a) => a.platform).join('|')}):[^,\\s]+$`);

/** A TCP port; every failure (not a number, a fraction, out of range) gets the one message with the example. */
const port = (example: number) => {
  const message = `must be a port number from 0 to 65535 — e.g. ${example}`;
  return z.coerce.number({ message }).int({ message }).min(0, { message }).max(65535, { message }).default(example);
};

const base = {
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
  PORT: port(3000),
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
  PUBLIC_URL: z
    .string()
    .refine(isPublicUrl, { message: 'must be the https address the bot is reached at, without query — e.g. https://bot.example.go.kr' })
    .optional(),
  HOST: z
    .string()
    .refine(isHost, { message: 'must be an IP address or host name to listen on — e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)' })
    .optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
};
const schema = z.object(base);
/** The platforms' variables, validated together with the bot's (every problem in one message). */
const adapterSchema = z.object(Object.assign({}, ...ADAPTERS.map((a) => a.env)) as z.ZodRawShape);

type ConfigOf<D> = D extends AdapterDefinition<Platform, infer C, z.ZodRawShape> ? C : never;

/** Each configured platform's settings under its name (`config.slack`, `config.email`), from the adapter list. */
export type AdapterConfigs = { [D in (typeof ADAPTERS)[number] as D['platform']]?: ConfigOf<D> };

export interface HttpConfig {
  /** HOST: loopback unless PUBLIC_URL is set. */
  host: string;
  /** PORT (default 3000; 0 = any free port, tests). */
  port: number;
  /** PORT was set: the listener starts (for /healthz and /readyz) even when no adapter needs it. */
  explicit: boolean;
}

export type Config = AdapterConfigs & {
  databaseUrl: string;
  admins: string[];
  locale: 'ko' | 'en';
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  /** The one HTTP listener (src/http.ts). loadConfig always sets it; absent (tests, benchmarks): loopback on any free port. */
  http?: HttpConfig;
  /** BOT_NOW: the console's simulated clock starts here (console only). */
  now?: Date;
  /**
   * BALLOT_KEY: the 32-byte key that seals secret ballots, kept outside the
   * database. Unset: the console uses (or creates) ballot.key in the user's
   * configuration folder (src/features/polls/ballot-key.ts); chat platforms
   * refuse to start (requireBallotKeyForChat).
   */
  ballotKey?: Buffer;
};

/** The chat platforms configured (those people type on besides the console). */
export function chatPlatforms(config: Config): Platform[] {
  return ADAPTERS.filter((a) => a.kind === 'chat' && config[a.platform]).map((a) => a.platform);
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
  const vars = blankToUndefined(env);
  const parsed = schema.safeParse(vars);
  const parsedAdapters = adapterSchema.safeParse(vars);
  if (!parsed.success || !parsedAdapters.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(parsedAdapters.error?.issues ?? [])];
    const lines = issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const problems: string[] = [];
  const publicUrl = c.PUBLIC_URL?.replace(/\/+$/, '');
  // Loopback unless the bot is published (PUBLIC_URL): then a reverse proxy or Slack must reach it.
  const shared = { host: c.HOST ?? (publicUrl ? '0.0.0.0' : '127.0.0.1'), publicUrl };
  const adapters: Record<string, unknown> = {};
  for (const adapter of ADAPTERS) {
    const settings = (adapter as AdapterDefinition).configure(parsedAdapters.data, shared, problems);
    if (settings !== undefined) adapters[adapter.platform] = settings;
  }
  const config = {
    ...(adapters as AdapterConfigs),
    databaseUrl: c.DATABASE_URL,
    admins: c.BOT_ADMINS,
    locale: c.BOT_LOCALE,
    logLevel: c.LOG_LEVEL,
    http: { host: shared.host, port: c.PORT, explicit: env.PORT !== undefined && env.PORT !== '' },
    now: c.BOT_NOW,
    ballotKey: c.BALLOT_KEY,
  };
  if (c.BOT_NOW && chatPlatforms(config).length) {
    problems.push(`  BOT_NOW: console only — ${chatPlatforms(config).join(', ')} run on real time; remove BOT_NOW (or that platform's settings)`);
  }
  if (problems.length) throw new ConfigError(`Incomplete configuration (see .env.example):\n${problems.join('\n')}`);
  return config;
}

/**
 * The bot with Slack or Discord needs BALLOT_KEY: a key file the bot created
 * on its own would sit on the server beside the data (and in its backups), and
 * a second replica would create another. The console may keep its own file.
 * Called by main.ts only: scripts (import, export, command registration) do not seal ballots.
 */
export function requireBallotKeyForChat(config: Config): void {
  if (chatPlatforms(config).length && !config.ballotKey) {
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

