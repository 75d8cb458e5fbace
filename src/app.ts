// Builds the running bot from configuration: database, the commands of the
// running features and their jobs, outbox, scheduler, adapters. main.ts, the
// tests and the benchmarks all start it the same way. No single feature or
// command is named here: they arrive through the lists in
// src/features/index.ts and commands/index.ts (or `options.features`, `options.commands`).
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { ConsoleAdapter } from './adapters/console/console-adapter.ts';
import { ADAPTERS, type AdapterTuning } from './adapters/index.ts';
import { chatPlatforms, type Config } from './config.ts';
import type { AdapterDefinition, AdapterDeps, ChatAdapter } from './core/adapter.ts';
import type { Actor, CommandDecl, Platform } from './core/command.ts';
import { SimulatedClock, type Clock } from './core/clock.ts';
import { Bot } from './core/dispatch.ts';
import { openDatabase, type Db } from './db/client.ts';
import { Outbox } from './delivery/outbox.ts';
import { createReceipts } from './delivery/receipts.ts';
import { OutboxSender, type SenderOptions } from './delivery/sender.ts';
import { systemActor, type Feature, type FeatureContext, type Simulation, type SimulationResult } from './features/context.ts';
import { FEATURES } from './features/index.ts';
import { COMMANDS, registryOf } from '../commands/index.ts';
import type { HttpListener } from './http.ts';
import { Scheduler, type SchedulerOptions } from './scheduler/scheduler.ts';

export interface AppOptions {
  clock: Clock;
  logger: Logger;
  /** The capabilities to run; default: every feature in src/features/index.ts. */
  features?: readonly Feature[];
  /** The slash commands; default: every command in commands/index.ts (those whose features do not run are left out). */
  commands?: readonly CommandDecl<FeatureContext>[];
  /** Console I/O; used only when no chat platform (Slack, Discord) is configured. */
  console?: { input: Readable; output: Writable; notices: Writable; interactive: boolean };
  sender?: SenderOptions;
  /** Skip migrations (tests copy an already-migrated database). */
  migrate?: boolean;
  /** Durable jobs: retry/timeout tuning, and the node-cron expression start() ticks on (default every 30 s). */
  scheduler?: SchedulerOptions & { cron?: string };
  /** Per-platform adapter tuning (tests shorten timeouts). */
  tuning?: AdapterTuning;
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
  /** The one HTTP listener, when something needs it (an adapter's paths, or PORT set for the probes). */
  http?: HttpListener;
  /** The console with a SimulatedClock: /clock moves time through it (main.ts settles due work with it at end of input). */
  simulation?: Simulation;
  /** Starts the adapters, then the HTTP listener with their paths (start() does it first; tests without the senders and scheduler). */
  startAdapters(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { clock, logger } = options;
  const features = options.features ?? FEATURES;
  const db = await openDatabase(config.databaseUrl, { migrate: options.migrate });
  const registry = registryOf(features, options.commands ?? COMMANDS);
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
    // A PostgreSQL advisory lock; on SQLite always held.
    lock: async (name, onLost) => (await import('./db/locks.ts')).tryLock(config.databaseUrl, name, onLost),
    locale: config.locale,
    io: options.console,
  };
  const chat = chatPlatforms(config).length > 0;
  const adapters: ChatAdapter[] = [];
  const listenOn = config.http ?? { host: '127.0.0.1', port: 0, explicit: false };
  let listen = listenOn.explicit;
  // One loop over the list: each configured platform is built (its library
  // loads then), gets an outbox sender, and may serve paths on the listener.
  // The console is the fallback: it runs in the terminal it is given when no chat platform is configured.
  for (const definition of ADAPTERS as readonly AdapterDefinition[]) {
    const settings = config[definition.platform];
    const on = definition.kind === 'fallback' ? !chat && options.console !== undefined : settings !== undefined;
    if (!on) continue;
    listen ||= definition.listens(settings);
    const tuning = (options.tuning as Record<string, unknown> | undefined)?.[definition.platform];
    adapters.push(await definition.create(settings, { ...deps, tuning }));
  }
  const consoleAdapter = adapters.find((a) => a.platform === 'console') as ConsoleAdapter | undefined;
  for (const adapter of adapters) {
    senders.set(
      adapter.platform,
      new OutboxSender(db, clock, adapter, logger, {
        ...options.sender,
        onFailed: (row, reason) => outbox.reportFailure(row, reason),
      }),
    );
  }

  let adaptersStarted = false;
  const http = listen
    ? new (await import('./http.ts')).HttpListener(listenOn, logger, async () => ({
        database: await answersWithin(db.$queryRaw`SELECT 1`, READY_TIMEOUT_MS),
        ...Object.fromEntries(adapters.map((a) => [a.platform, adaptersStarted && (a.ready?.() ?? true)])),
      }))
    : undefined;
  const startAdapters = async () => {
    for (const adapter of adapters) await adapter.start();
    adaptersStarted = true;
    await http?.start(adapters.flatMap((a) => a.routes?.() ?? []));
  };

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
    http,
    simulation,
    startAdapters,
    async start() {
      await startAdapters();
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
      await http?.stop();
      for (const adapter of adapters) await adapter.stop();
      await receipts.flush();
      await db.$disconnect();
    },
  };
}

/** A probe waits this long for the database (a lost PostgreSQL connection may hang far longer). */
const READY_TIMEOUT_MS = 2_000;

/** True when the query answers within `ms`. */
async function answersWithin(query: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([
      query.then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
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
