// A bot wired like src/main.ts, on a fresh copy of the migrated template
// database, with a TestClock. Use one per test.
import { copyFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import pino from 'pino';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.ts';
import { TestClock } from '../../src/core/clock.ts';
import type { Invocation } from '../../src/core/command.ts';
import { Bot } from '../../src/core/dispatch.ts';
import { Registry } from '../../src/core/registry.ts';
import { openDatabase, type Db } from '../../src/db/client.ts';
import type { Services } from '../../src/features/context.ts';
import { resolveActor } from '../../src/features/directory/identity.ts';
import { TEMPLATE_DB, TEST_TMP } from './paths.ts';
import { PassThrough } from 'node:stream';

let registry: Promise<Registry> | undefined;

export function freshDatabaseUrl(): string {
  const file = join(TEST_TMP, `${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DB, file);
  return `file:${file}`;
}

export interface Harness {
  bot: Bot<Services>;
  db: Db;
  clock: TestClock;
  databaseUrl: string;
  console: ConsoleAdapter;
  /** Runs console lines in order; returns each printed reply. */
  run: (...lines: string[]) => Promise<string[]>;
  /** Runs one console line and returns its reply text. */
  say: (line: string) => Promise<string>;
  close: () => Promise<void>;
}

export async function createHarness(
  options: { admins?: string[]; now?: string; databaseUrl?: string } = {},
): Promise<Harness> {
  const databaseUrl = options.databaseUrl ?? freshDatabaseUrl();
  const db = await openDatabase(databaseUrl, { migrate: false });
  const clock = new TestClock(options.now ?? '2026-11-25T01:00:00Z');
  const admins = options.admins ?? [];
  const bot = new Bot<Services>({
    registry: await (registry ??= Registry.load()),
    services: { db, admins },
    clock,
    logger: pino({ level: 'silent' }),
    resolveActor: (invocation: Invocation) => resolveActor({ db, clock, admins, defaultLocale: 'ko' }, invocation),
  });
  const consoleAdapter = new ConsoleAdapter(bot as Bot, {
    input: new PassThrough(),
    output: new PassThrough(),
    notices: new PassThrough(),
    interactive: false,
  });
  const say = async (line: string) => (await consoleAdapter.handleLine(line)) ?? '';
  return {
    bot,
    db,
    clock,
    databaseUrl,
    console: consoleAdapter,
    say,
    run: async (...lines) => {
      const out: string[] = [];
      for (const line of lines) out.push(await say(line));
      return out;
    },
    close: () => db.$disconnect(),
  };
}
