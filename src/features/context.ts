// The feature module contract. A capability is a folder under src/features/
// whose index.ts calls defineFeature() once: its jobs (kinds from jobs.ts with
// their runs from job-runs.ts), its start-up work and its catalog; its slash
// commands are files in the top-level commands/ folder that name the feature.
// src/features/index.ts lists the features; src/app.ts loops over that list
// and imports no single feature.
import type { Logger } from 'pino';
import { z } from 'zod';
import { commandDefiner, type Actor, type Invocation, type LinkedActor, type SuggestKind } from '../core/command.ts';
import type { Clock } from '../core/clock.ts';
import type { Deliverer } from '../core/deliver.ts';
import { registerCatalog, type Bilingual, type CatalogPart, type Locale } from '../core/i18n/index.ts';
import type { Db } from '../db/client.ts';
import type { JobRun, ScheduleInput, Scheduler } from '../scheduler/scheduler.ts';

/**
 * Things that happened which other features may act on: name -> payload.
 * A feature adds its events by augmentation (`declare module '../context.ts'
 * { interface FeatureEvents { 'closures.changed': { date: string } } }`) and
 * handles others' in `on`.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging
export interface FeatureEvents {}

/** What every service function receives first: `service(ctx, input)`. */
export interface FeatureContext {
  db: Db;
  clock: Clock;
  /** Who acts: the caller of a command, or the system actor in a job. */
  actor: Actor;
  scheduler: Scheduler;
  deliver: Deliverer;
  logger: Logger;
  /** BOT_LOCALE: the language of members until they choose one, and of shared channels. */
  locale: Locale;
  /** Tells every feature that handles the event (after the change is written). */
  emit<E extends keyof FeatureEvents>(event: E, payload: FeatureEvents[E]): Promise<void>;
  /** Only in the console with a simulated clock (the console's /clock): moving time forward. */
  simulation?: Simulation;
}

/** The context of a service acting for a linked member (what a command's handler passes, unless `allowUnlinked`). */
export type LinkedContext = Omit<FeatureContext, 'actor'> & { actor: LinkedActor };

/** Simulated time: the console moves the clock instead of waiting. */
export interface Simulation {
  /**
   * Moves the clock forward to `instant`, stepping from one due job to the
   * next in dueAt order (jobs scheduled on the way included) and delivering
   * what each posts before the next runs. Never moves back.
   */
  advanceTo(instant: Date): Promise<SimulationResult>;
}

export interface SimulationResult {
  /** Where the clock stands now: the target, or where a too-long walk stopped. */
  now: Date;
  ran: number;
  missed: number;
  failed: number;
  /** False when the step limit stopped the walk before the target. */
  complete: boolean;
}

/** The actor of scheduled work: it writes the audit log as "scheduler". */
export function systemActor(locale: Locale): Actor {
  return { name: 'scheduler', roles: new Set(['admin']), locale, platform: 'console', platformUserId: 'scheduler' };
}

/** Declares a slash command; `subcommand({...})` gives each handler the feature context and typed options. */
export const { defineCommand, subcommand } = commandDefiner<FeatureContext>();

/**
 * A job kind declared once, in the feature's jobs.ts: its name and payload
 * schema (checked when a job is read back from the database, so an old or
 * damaged row fails loudly instead of running with wrong values), and a typed
 * `schedule()`. This is all a service needs to schedule it; what runs it
 * needs the service, so the run is attached apart (runJob, in job-runs.ts).
 */
export interface JobKind<P> {
  readonly kind: string;
  readonly payload: z.ZodType<P>;
  /** The scheduler's input for a job of this kind (for Scheduler.replaceGroup). */
  entry(input: JobInput<P>): ScheduleInput;
  /** Creates or reschedules the job with this key (see Scheduler.schedule). */
  schedule(scheduler: Scheduler, input: JobInput<P>, store?: Parameters<Scheduler['schedule']>[1]): Promise<boolean>;
}

/** A job kind with its run: what a feature lists in `jobs`. */
export interface JobHandler<P> extends JobKind<P> {
  run(ctx: FeatureContext, payload: P, job: JobRun): Promise<void>;
}

export type JobInput<P> = Omit<ScheduleInput, 'kind' | 'payload'> & { payload: P };

export function defineJob<P>(decl: { kind: string; payload: z.ZodType<P> }): JobKind<P> {
  const entry = (input: JobInput<P>): ScheduleInput => ({ ...input, kind: decl.kind });
  return { ...decl, entry, schedule: (scheduler, input, store) => scheduler.schedule(entry(input), store) };
}

/** Attaches the run to a kind: `runJob(pollClose, async (ctx, { pollId }) => ...)`. */
export function runJob<P>(job: JobKind<P>, run: JobHandler<P>['run']): JobHandler<P> {
  return { ...job, run };
}

export interface Feature {
  name: string;
  catalog?: Bilingual<CatalogPart>;
  // biome-ignore lint/suspicious/noExplicitAny: each job has its own payload type; the list erases it
  jobs?: JobHandler<any>[];
  /** Start-up work, after crashed jobs are recovered: e.g. make sure recurring jobs exist. */
  start?: (ctx: FeatureContext) => Promise<void>;
  /** Handlers of events (its own or other features'). */
  on?: { [E in keyof FeatureEvents]?: (ctx: FeatureContext, payload: FeatureEvents[E]) => Promise<void> };
  /** Who is calling (exactly one feature provides it: the directory). */
  resolveActor?: (ctx: FeatureContext, config: { admins: readonly string[] }, invocation: Invocation) => Promise<Actor>;
  /** Completions for options declared with `suggest` (Discord autocomplete). */
  suggest?: Partial<Record<SuggestKind, (ctx: FeatureContext, query: string) => Promise<{ label: string; value: string }[]>>>;
}

/** Declares a feature; its catalog joins the running catalogs at once (texts are needed before the app starts, e.g. by scripts). */
export function defineFeature(feature: Feature): Feature {
  if (feature.catalog) registerCatalog(feature.catalog);
  return feature;
}

export { z };
