// The directory names a command's text was allowed to carry with a title
// (김영희 님 where 김영희 is a member). The dispatcher looks them up once per
// command, before binding, and runs the handler inside this scope, so the
// database's write-time guard (src/db/write-guard.ts) lets the same names
// through without a query of its own: a lookup there would run outside the
// handler's open transaction, which on SQLite waits for that transaction.
// Writes outside a command (jobs, imports) have no scope and refuse them.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<ReadonlySet<string>>();

/** Runs `work` with `known` as the names the guard lets through. */
export function withKnownNames<T>(known: ReadonlySet<string> | undefined, work: () => T): T {
  return known ? scope.run(known, work) : work();
}

/** The names allowed in the current command, if any. */
export function knownNamesInScope(): ReadonlySet<string> | undefined {
  return scope.getStore();
}
