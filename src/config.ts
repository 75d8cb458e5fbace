// Environment -> typed configuration. A bad value stops start-up with a
// message that names the variable and shows a correct example.
import { existsSync } from 'node:fs';
import { z } from 'zod';

const platformUser = /^(console|slack|discord):[^,\s]+$/;

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
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
});

export type Config = {
  databaseUrl: string;
  admins: string[];
  locale: 'ko' | 'en';
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
};

export class ConfigError extends Error {}

/** Reads .env (when present) under the real environment, then validates. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  const parsed = schema.safeParse(blankToUndefined(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return { databaseUrl: c.DATABASE_URL, admins: c.BOT_ADMINS, locale: c.BOT_LOCALE, logLevel: c.LOG_LEVEL };
}

function blankToUndefined(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
}
