// Builds the running bot from configuration: database, the features' commands
// and jobs, outbox, scheduler, adapters. main.ts, the tests and the benchmarks
// all start it the same way. No single feature is named here: they arrive
// through the list in src/features/index.ts (or `options.features`).
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { ConsoleAdapter } from './adapters/console/console-adapter.ts';
import type { DiscordAdapterOptions } from './adapters/discord/discord-adapter.ts';
import type { Config } from './config.ts';
import type { AdapterDeps, ChatAdapter } from './core/adapter.ts';
import type { Actor, Platform } from './core/command.ts';
import type { Clock } from './core/clock.ts';
import { Bot } from './core/dispatch.ts';
import { openDatabase, type Db } from './db/client.ts';
import { Outbox } from './delivery/outbox.ts';
import { createReceipts } from './delivery/receipts.ts';
import { OutboxSender, type SenderOptions } from './delivery/sender.ts';
import { systemActor, type Feature, type FeatureContext } from './features/context.ts';
import { FEATURES, registryOf } from './features/index.ts';
import { Scheduler, type SchedulerOptions } from './scheduler/scheduler.ts';

export interface AppOptions {
  clock: Clock;
  logger: Logger;
  /** The capabilities to run; default: every feature in src/features/index.ts. */
  features?: readonly Feature[];
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
  bot: Bot<FeatureContext>;
  db: Db;
  outbox: Outbox;
  adapters: ChatAdapter[];
  senders: Map<Platform, OutboxSender>;
  /** Durable jobs. Tests call scheduler.tick() themselves. */
  scheduler: Scheduler;
  clock: Clock;
  /** The context scheduled work runs in (system actor). */
  context: (actor?: Actor) => FeatureContext;
  console?: ConsoleAdapter;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { clock, logger } = options;
  const features = options.features ?? FEATURES;
  const db = await openDatabase(config.databaseUrl, { migrate: options.migrate });
  const registry = registryOf(features);
  const senders = new Map<Platform, OutboxSender>();
  const outbox = new Outbox(db, clock, config.locale, () => new Set(senders.keys()), (platform) => senders.get(platform)?.nudge());
  const scheduler = new Scheduler(db, clock, logger, options.scheduler);
  const context = (actor: Actor = systemActor(config.locale)): FeatureContext => ({
    db,
    clock,
    actor,
    scheduler,
    deliver: outbox,
    logger,
    locale: config.locale,
    emit: async (event, payload) => {
      for (const feature of features) await feature.on?.[event]?.(context(actor), payload);
    },
  });
  for (const feature of features) {
    for (const job of feature.jobs ?? []) {
      scheduler.register(job.kind, (run) => job.run(context(), job.payload.parse(run.payload), run));
    }
  }

  const identity = single(features, 'resolveActor');
  const bot = new Bot<FeatureContext>({
    registry,
    context,
    clock,
    logger,
    defaultLocale: config.locale,
    resolveActor: (invocation) => identity.resolveActor!(context(), { admins: config.admins }, invocation),
  });

  const receipts = createReceipts(db, clock, logger);
  const deps: AdapterDeps = {
    bot: bot as Bot,
    logger,
    firstTime: receipts,
    suggest: async (kind, query) => {
      const provider = features.find((f) => f.suggest?.[kind]);
      return provider ? provider.suggest![kind]!(context(), query) : [];
    },
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
    const { ConsoleAdapter } = await import('./adapters/console/console-adapter.ts');
    consoleAdapter = new ConsoleAdapter(bot as Bot, options.console);
    adapters.push(consoleAdapter);
  }

  for (const adapter of adapters) {
    senders.set(
      adapter.platform,
      new OutboxSender(db, clock, adapter, logger, {
        ...options.sender,
        onFailed: (row, reason) => outbox.reportFailure(row, reason),
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
    clock,
    context,
    console: consoleAdapter,
    async start() {
      for (const adapter of adapters) await adapter.start();
      for (const sender of senders.values()) await sender.start();
      // After the senders, so what due jobs deliver goes out. No other process
      // of this bot runs jobs, so every job left running was abandoned by a crash.
      await scheduler.recover({ startup: true });
      for (const feature of features) await feature.start?.(context());
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

/** The one feature that provides a hook only one may provide. */
function single<K extends keyof Feature>(features: readonly Feature[], hook: K): Feature {
  const providers = features.filter((f) => f[hook]);
  if (providers.length !== 1) throw new Error(`exactly one feature must provide ${hook} (found ${providers.length})`);
  return providers[0];
}
