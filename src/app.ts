// Builds the running bot from configuration: database, commands, outbox,
// adapters. main.ts, the tests and the benchmarks all start it the same way.
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import { ConsoleAdapter } from './adapters/console/console-adapter.ts';
import type { DiscordAdapterOptions } from './adapters/discord/discord-adapter.ts';
import type { Config } from './config.ts';
import type { AdapterDeps, ChatAdapter } from './core/adapter.ts';
import type { Clock } from './core/clock.ts';
import type { Platform } from './core/command.ts';
import { Bot } from './core/dispatch.ts';
import { Registry } from './core/registry.ts';
import { openDatabase, type Db } from './db/client.ts';
import { Outbox } from './delivery/outbox.ts';
import { createReceipts } from './delivery/receipts.ts';
import { OutboxSender, type SenderOptions } from './delivery/sender.ts';
import { Scheduler, type SchedulerOptions } from './scheduler/scheduler.ts';
import { ensureMeetupJobs, registerMeetupJobs } from './features/meetups/jobs.ts';
import { registerPollJobs } from './features/polls/jobs.ts';
import type { Services } from './features/context.ts';
import { resolveActor } from './features/directory/identity.ts';
import { reportFailedDelivery, suggest } from './features/directory/service.ts';

export interface AppOptions {
  clock: Clock;
  logger: Logger;
  /** Console I/O; used only when no Slack or Discord credentials are configured. */
  console?: { input: Readable; output: Writable; notices: Writable; interactive: boolean };
  sender?: SenderOptions;
  /** Skip migrations (tests copy an already-migrated database). */
  migrate?: boolean;
  /** Durable jobs: retry/timeout tuning, and the node-cron expression start() ticks on (default every 30 s). */
  scheduler?: SchedulerOptions & { cron?: string };
  /** Extra Discord adapter options (tests shorten timeouts). */
  discordOptions?: DiscordAdapterOptions;
}

export interface App {
  bot: Bot<Services>;
  db: Db;
  outbox: Outbox;
  adapters: ChatAdapter[];
  senders: Map<Platform, OutboxSender>;
  /** Durable jobs; features register their job kinds on it. Tests call scheduler.tick() themselves. */
  scheduler: Scheduler;
  console?: ConsoleAdapter;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { clock, logger } = options;
  const db = await openDatabase(config.databaseUrl, { migrate: options.migrate });
  const registry = await Registry.load();
  const senders = new Map<Platform, OutboxSender>();
  const outbox = new Outbox(db, clock, () => new Set(senders.keys()), (platform) => senders.get(platform)?.nudge());
  const scheduler = new Scheduler(db, clock, logger, options.scheduler);
  const services: Services = { db, deliver: outbox, scheduler, locale: config.locale };
  registerMeetupJobs({ db, clock, deliver: outbox, scheduler, logger, locale: config.locale });
  registerPollJobs({ db, clock, deliver: outbox, scheduler, locale: config.locale });
  const bot = new Bot<Services>({
    registry,
    services,
    clock,
    logger,
    resolveActor: (invocation) => resolveActor({ db, clock, admins: config.admins, defaultLocale: config.locale }, invocation),
  });

  const receipts = createReceipts(db, clock, logger);
  const deps: AdapterDeps = {
    bot: bot as Bot,
    logger,
    firstTime: receipts,
    suggest: (kind, query) => suggest(db, kind, query),
  };
  const adapters: ChatAdapter[] = [];
  // Chat libraries load only when configured: the console stays small and quick.
  if (config.slack) {
    const { SlackAdapter } = await import('./adapters/slack/slack-adapter.ts');
    adapters.push(new SlackAdapter(config.slack, deps));
  }
  if (config.discord) {
    const { DiscordAdapter } = await import('./adapters/discord/discord-adapter.ts');
    adapters.push(new DiscordAdapter(config.discord, deps, options.discordOptions));
  }
  let consoleAdapter: ConsoleAdapter | undefined;
  if (adapters.length === 0 && options.console) {
    consoleAdapter = new ConsoleAdapter(bot as Bot, options.console);
    adapters.push(consoleAdapter);
  }

  for (const adapter of adapters) {
    senders.set(
      adapter.platform,
      new OutboxSender(db, clock, adapter, logger, {
        ...options.sender,
        onFailed: (row, reason) => reportFailedDelivery({ db, clock, deliver: outbox }, row, reason),
      }),
    );
  }

  return {
    bot,
    db,
    outbox,
    adapters,
    senders,
    scheduler,
    console: consoleAdapter,
    async start() {
      for (const adapter of adapters) await adapter.start();
      for (const sender of senders.values()) await sender.start();
      // After the senders, so what due jobs deliver goes out. No other process
      // of this bot runs jobs, so every job left running was abandoned by a crash.
      await scheduler.recover({ startup: true });
      await ensureMeetupJobs(db, scheduler, clock.now());
      scheduler.start(options.scheduler?.cron);
      logger.info({ adapters: adapters.map((a) => a.platform), commands: registry.all().length }, 'bot started');
    },
    async stop() {
      // First: a job in progress still delivers through the outbox and writes to the database.
      await scheduler.stop();
      for (const sender of senders.values()) await sender.stop();
      for (const adapter of adapters) await adapter.stop();
      await receipts.flush();
      await db.$disconnect();
    },
  };
}
