// Callers are resolved on every command; this short-lived cache keeps that off
// the database on the hot path. It is invalidated in one place: the audit log
// (every change writes an audit row; those that touch members, roles, seats or
// chat identities call actorsChanged()). The TTL, on the injected clock,
// bounds staleness when several processes share one database.
import type { Clock } from './clock.ts';
import type { Actor } from './command.ts';

const TTL_MS = 30_000;
const MAX_ENTRIES = 5000;
/** Bumped by every change to who someone is; a cache that saw an older value starts empty. */
let generation = 0;

export function actorsChanged(): void {
  generation++;
}

export class ActorCache {
  readonly #entries = new Map<string, { actor: Actor; at: number }>();
  #generation = generation;

  constructor(private readonly clock: Clock) {}

  async get(key: string, lookup: () => Promise<Actor>): Promise<Actor> {
    if (this.#generation !== generation) {
      this.#entries.clear();
      this.#generation = generation;
    }
    const now = this.clock.now().getTime();
    const cached = this.#entries.get(key);
    if (cached && now >= cached.at && now - cached.at < TTL_MS) return cached.actor;
    const before = generation;
    const actor = await lookup();
    // Not kept when a change landed during the lookup (it may predate it) or for unlinked users.
    if (actor.memberId !== undefined && before === generation) {
      if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear();
      this.#entries.set(key, { actor, at: now });
    }
    return actor;
  }
}
