// Builds the running bot from configuration: database, the features' commands
// and jobs, outbox, scheduler, adapters. main.ts, the tests and the benchmarks
// all start it the same way. No single feature is named here: they arrive
// through the list in src/features/index.ts (or `options.features`).
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { ConsoleAdapter } from './adapters/console/console-adapter.ts';
import type { DiscordAdapterOptions } from './adapters/discord/discord-adapter.ts';
import type { EmailTransport, UnsubscribeServer } from './adapters/email/index.ts';
import type { Config } from './config.ts';
import type { AdapterDeps, ChatAdapter } from './core/adapter.ts';
import type { Actor, Platform } from './core/command.ts';
import { SimulatedClock, type Clock } from './core/clock.ts';
import { Bot } from './core/dispatch.ts';
import { openDatabase, type Db } from './db/client.ts';
import { Outbox } from './delivery/outbox.ts';
import { createReceipts } from './delivery/receipts.ts';
import { OutboxSender, type SenderOptions } from './delivery/sender.ts';
import { systemActor, type Feature, type FeatureContext, type Simulation, type SimulationResult } from './features/context.ts';
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
  /** E-mail (SMTP_URL): its transport (sender 'email') and, with PUBLIC_URL, the unsubscribe endpoint. */
  email?: { transport: EmailTransport; unsubscribe?: UnsubscribeServer };
  /** The console with a SimulatedClock: /clock moves time through it (main.ts settles due work with it at end of input). */
  simulation?: Simulation;
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
  let simulation: Simulation | undefined;
  const context = (actor: Actor = systemActor(config.locale)): FeatureContext => ({
    db,
    clock,
    actor,
    scheduler,
    deliver: outbox,
    logger,
    locale: config.locale,
    ...(simulation ? { simulation } : {}),
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
    // biome-ignore lint/style/noNonNullAssertion: single() checked that exactly one feature provides resolveActor
    resolveActor: (invocation) => identity.resolveActor!(context(), { admins: config.admins }, invocation),
    // The names with titles in one command (a handful), looked up on the Member.name index.
    knownNames: async (names) => new Set((await db.member.findMany({ where: { name: { in: names } }, select: { name: true } })).map((m) => m.name)),
  });

  const receipts = createReceipts(db, logger);
  const deps: AdapterDeps = {
    bot: bot as Bot,
    logger,
    firstTime: receipts,
    handled: receipts.handled,
    suggest: async (kind, query) => {
      return features.find((f) => f.suggest?.[kind])?.suggest?.[kind]?.(context(), query) ?? [];
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
    // One gateway per database (a PostgreSQL advisory lock; on SQLite always held).
    const { tryLock } = await import('./db/locks.ts');
    adapters.push(
      new DiscordAdapter(config.discord, deps, {
        gatewayLock: (onLost) => tryLock(config.databaseUrl, 'discord-gateway', onLost),
        ...options.discordOptions,
      }),
    );
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

  // E-mail goes out beside whichever chat platform runs (the console too): the
  // only way to reach dong-office PCs where Slack and Discord are blocked.
  let email: App['email'];
  if (config.email) {
    const { EmailTransport, UnsubscribeServer, UnsubscribeTokens } = await import('./adapters/email/index.ts');
    const tokens = config.email.unsubscribeSecret ? new UnsubscribeTokens(config.email.unsubscribeSecret) : undefined;
    const transport = new EmailTransport(config.email, logger, { tokens });
    const unsubscribe =
      tokens && config.email.publicUrl ? new UnsubscribeServer(bot as Bot, tokens, logger, { port: config.email.unsubscribePort, host: config.email.host }) : undefined;
    email = { transport, unsubscribe };
    senders.set(
      'email',
      new OutboxSender(db, clock, transport, logger, { ...options.sender, onFailed: (row, reason) => outbox.reportFailure(row, reason) }),
    );
  }

  let started = false;
  if (consoleAdapter && clock instanceof SimulatedClock) {
    const kinds = features.flatMap((feature) => (feature.jobs ?? []).map((job) => job.kind));
    simulation = {
      advanceTo: async (instant) => {
        // The walk has the scheduler and the console sender to itself, so what
        // the jobs post prints in the order they ran.
        const sender = senders.get('console');
        if (started) {
          await scheduler.stop();
          await sender?.stop();
        }
        try {
          return await walkTo(instant, { db, clock, scheduler, kinds, drain: async () => void (await sender?.drain()) });
        } finally {
          if (started) {
            await sender?.start();
            scheduler.start(options.scheduler?.cron);
          }
        }
      },
    };
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
    email,
    simulation,
    async start() {
      for (const adapter of adapters) await adapter.start();
      await email?.unsubscribe?.start();
      for (const sender of senders.values()) await sender.start();
      // Jobs left running are not reset here: they may belong to another
      // replica. A dead process's jobs are taken over when their lease runs out.
      for (const feature of features) await feature.start?.(context());
      scheduler.start(options.scheduler?.cron);
      started = true;
      logger.info({ adapters: adapters.map((a) => a.platform), commands: registry.all().length }, 'bot started');
    },
    async stop() {
      // First: a job in progress still delivers through the outbox and writes to the database.
      started = false;
      await scheduler.stop();
      for (const sender of senders.values()) await sender.stop();
      for (const adapter of adapters) await adapter.stop();
      await email?.unsubscribe?.stop();
      email?.transport.close();
      await receipts.flush();
      await db.$disconnect();
    },
  };
}

/** Steps a simulation may take in one move (each runs the jobs due at one instant): a move always ends. */
const MAX_SIMULATION_STEPS = 5_000;

/**
 * Moves a SimulatedClock to `target` one due job at a time: the clock jumps to
 * the next pending job's dueAt, the scheduler runs what is due, the outbox
 * delivers, and again — so jobs that schedule further jobs inside the window
 * (the daily meetup planning) are met too. Then the clock rests at the target.
 */
async function walkTo(
  target: Date,
  deps: { db: Db; clock: SimulatedClock; scheduler: Scheduler; kinds: string[]; drain: () => Promise<void> },
): Promise<SimulationResult> {
  const { db, clock, scheduler, kinds, drain } = deps;
  const result = { ran: 0, missed: 0, failed: 0 };
  const step = async () => {
    const tick = await scheduler.tick();
    result.ran += tick.ran;
    result.missed += tick.missed;
    result.failed += tick.failed;
    await drain();
  };
  for (let steps = 0; ; steps++) {
    const next = await db.job.findFirst({
      where: { status: 'pending', kind: { in: kinds }, dueAt: { lte: target } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      select: { dueAt: true },
    });
    if (!next) break;
    if (steps === MAX_SIMULATION_STEPS) return { ...result, now: clock.now(), complete: false };
    if (next.dueAt > clock.now()) clock.moveTo(next.dueAt);
    await step();
  }
  if (target > clock.now()) clock.moveTo(target);
  await step();
  return { ...result, now: clock.now(), complete: true };
}

/** The one feature that provides a hook only one may provide. */
function single<K extends keyof Feature>(features: readonly Feature[], hook: K): Feature {
  const providers = features.filter((f) => f[hook]);
  if (providers.length !== 1) throw new Error(`exactly one feature must provide ${hook} (found ${providers.length})`);
  return providers[0];
}
