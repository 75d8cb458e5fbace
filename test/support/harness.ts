// A bot built exactly like src/main.ts (createApp), on a fresh copy of the
// migrated template database, with a TestClock. One per test. On the
// PostgreSQL run (TEST_DB=postgres) the copy is a database made from the
// run's template database on TEST_POSTGRES_URL.
import { copyFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import pino from 'pino';
import { createApp, type App, type AppOptions } from '../../src/app.ts';
import type { ConsoleAdapter } from '../../src/adapters/console/console-adapter.ts';
import type { Config } from '../../src/config.ts';
import { SimulatedClock, TestClock } from '../../src/core/clock.ts';
import type { Bot } from '../../src/core/dispatch.ts';
import type { Db } from '../../src/db/client.ts';
import type { FeatureContext } from '../../src/features/context.ts';
import { onPostgres, TEMPLATE_DB, TEST_TMP } from './paths.ts';
import { useBallotKey } from '../../src/features/polls/ballot-key.ts';
import { createTestDatabase, createTestDatabaseSync, dropTestDatabase } from './postgres.ts';

/** The same key vitest.config.ts gives the PostgreSQL run as BALLOT_KEY. */
const POSTGRES_TEST_BALLOT_KEY = Buffer.alloc(32, 7);

/** A fresh migrated database of this run's kind (SQLite file, or PostgreSQL database). */
export function freshDatabaseUrl(): string {
  if (onPostgres) return createTestDatabaseSync();
  const file = join(TEST_TMP, `${randomUUID()}.db`);
  copyFileSync(TEMPLATE_DB, file);
  return `file:${file}`;
}

export interface Harness {
  app: App;
  bot: Bot<FeatureContext>;
  db: Db;
  clock: TestClock;
  databaseUrl: string;
  console: ConsoleAdapter;
  /** What the console transport printed (outbox messages delivered to console channels/DMs). */
  consoleOutput: () => string;
  /** Runs console lines in order; returns each printed reply. */
  run: (...lines: string[]) => Promise<string[]>;
  /** Runs one console line and returns its reply text. */
  say: (line: string) => Promise<string>;
  /** Starts the adapters and the HTTP listener only; tests drain the outbox themselves (no background timers). */
  startAdapters: () => Promise<void>;
  /** Sends what is due on one platform's outbox now. */
  drain: (platform: 'console' | 'slack' | 'discord' | 'email') => Promise<number>;
  close: () => Promise<void>;
}

export interface HarnessOptions {
  admins?: string[];
  /** BOT_LOCALE (default ko). */
  locale?: 'ko' | 'en';
  now?: string;
  databaseUrl?: string;
  slack?: Config['slack'];
  discord?: Config['discord'];
  email?: Config['email'];
  app?: Partial<AppOptions>;
  /** Run the console on a SimulatedClock over the TestClock (the console's /clock works, as in `npm start`). */
  simulated?: boolean;
}

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownDatabase = !options.databaseUrl;
  const databaseUrl = options.databaseUrl ?? (onPostgres ? await createTestDatabase() : freshDatabaseUrl());
  const clock = new TestClock(options.now ?? '2026-11-25T01:00:00Z');
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => (printed += chunk));
  const app = await createApp(
    { databaseUrl, admins: options.admins ?? [], locale: options.locale ?? 'ko', logLevel: 'silent', slack: options.slack, discord: options.discord, email: options.email },
    {
      clock: options.simulated ? new SimulatedClock(undefined, clock) : clock,
      logger: pino({ level: 'silent' }),
      console: { input: new PassThrough(), output, notices: new PassThrough(), interactive: false },
      migrate: false,
      ...options.app,
    },
  );
  // PostgreSQL takes its key from BALLOT_KEY only (every replica the same): a fixed test key.
  if (onPostgres) useBallotKey(app.db, POSTGRES_TEST_BALLOT_KEY);
  // With chat credentials there is no console adapter; keep one for driving the bot locally.
  const { ConsoleAdapter } = await import('../../src/adapters/console/console-adapter.ts');
  const consoleAdapter =
    app.console ?? new ConsoleAdapter(app.bot as Bot, { input: new PassThrough(), output, notices: new PassThrough(), interactive: false });
  const say = async (line: string) => (await consoleAdapter.handleLine(line)) ?? '';
  return {
    app,
    bot: app.bot,
    db: app.db,
    clock,
    databaseUrl,
    console: consoleAdapter,
    consoleOutput: () => printed,
    say,
    run: async (...lines) => {
      const out: string[] = [];
      for (const line of lines) out.push(await say(line));
      return out;
    },
    startAdapters: () => app.startAdapters(),
    drain: async (platform) => {
      const sender = app.senders.get(platform);
      if (!sender) throw new Error(`no ${platform} sender`);
      return sender.drain();
    },
    close: async () => {
      await app.stop();
      if (ownDatabase && onPostgres) dropTestDatabase(databaseUrl);
    },
  };
}

/** The harness's HTTP listener (started with the adapters): `listenerUrl(h, '/healthz')`. */
export function listenerUrl(h: Harness, path: string): string {
  if (!h.app.http?.port) throw new Error('no HTTP listener (start the adapters first)');
  return `http://127.0.0.1:${h.app.http.port}${path}`;
}

/** Where the harness's Slack adapter (HTTP mode) receives Slack's requests. */
export function slackEventsUrl(h: Harness): string {
  return listenerUrl(h, '/slack/events');
}
