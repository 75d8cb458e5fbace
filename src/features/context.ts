// What every feature function receives: the database, the time, and who acts.
import type { Actor } from '../core/command.ts';
import type { Clock } from '../core/clock.ts';
import type { Deliverer } from '../core/deliver.ts';
import type { Locale } from '../core/i18n/index.ts';
import type { Db } from '../db/client.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';

export interface Services {
  db: Db;
  deliver: Deliverer;
  scheduler: Scheduler;
  /** BOT_LOCALE: the language of members until they choose one. */
  locale: Locale;
}

export interface FeatureContext {
  db: Db;
  clock: Clock;
  actor: Actor;
}

export const featureContext = (ctx: { services: Services; clock: Clock; actor: Actor }): FeatureContext => ({
  db: ctx.services.db,
  clock: ctx.clock,
  actor: ctx.actor,
});
