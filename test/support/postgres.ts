// A database per test on the PostgreSQL run: CREATE DATABASE … TEMPLATE of
// the run's migrated template (~0.1 s, like copying the SQLite template file).
// Dropping forces a checkpoint (~0.5 s), so drops run in the background and
// the global teardown removes whatever is left.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { pgConfig } from '../../src/db/adapter.ts';
import { PG_PREFIX, PG_TEMPLATE, POSTGRES_URL, postgresUrlFor } from './paths.ts';

let admin: Promise<pg.Client> | undefined;
let queue: Promise<unknown> = Promise.resolve();

function adminClient(): Promise<pg.Client> {
  admin ??= (async () => {
    const { schema: _s, max: _m, idleTimeoutMillis: _i, ...config } = pgConfig(POSTGRES_URL!);
    const client = new pg.Client(config);
    client.on('error', () => {});
    await client.connect();
    return client;
  })();
  return admin;
}

function newName(): string {
  return `${PG_PREFIX}${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/** A fresh migrated database; returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const name = newName();
  const client = await adminClient();
  await client.query(`CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE}"`);
  return `${postgresUrlFor(name)}?connection_limit=4`;
}

/** The same, synchronously (psql), for tests that need a URL before anything async. */
export function createTestDatabaseSync(): string {
  const name = newName();
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', POSTGRES_URL!, '-c', `CREATE DATABASE "${name}" TEMPLATE "${PG_TEMPLATE}"`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return `${postgresUrlFor(name)}?connection_limit=4`;
}

/**
 * Drops a test database a while after its harness closed: tests "restart"
 * the bot on the same database (a second harness on the first one's URL)
 * within seconds, so the drop waits DROP_DELAY_MS. What a worker leaves
 * behind is dropped by the global teardown.
 */
const DROP_DELAY_MS = 60_000;
export function dropTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!name.startsWith(PG_PREFIX)) return;
  setTimeout(() => {
    queue = queue.then(async () => {
      const client = await adminClient();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    });
  }, DROP_DELAY_MS).unref();
}
