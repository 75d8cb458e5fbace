// Locks between bot processes that share one PostgreSQL database: session
// advisory locks, held on a connection of their own. PostgreSQL releases a
// session lock the moment that connection ends, so a process that is killed
// (kill -9, power loss seen as a reset connection) frees it at once, and one
// that loses the database loses the lock and must stop what the lock guarded.
// On SQLite there is one process per database file, so every lock is granted.
import pg from 'pg';
import { dialectOf, pgConfig } from './adapter.ts';

/** Lock names; each becomes a 64-bit key (hashtextextended) per database and schema. */
export type LockName = 'migrate' | 'discord-gateway';

function lockName(databaseUrl: string, name: LockName): string {
  return `minkwan-bot:${pgConfig(databaseUrl).schema ?? 'public'}:${name}`;
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const { schema: _schema, max: _max, idleTimeoutMillis: _idle, ...config } = pgConfig(databaseUrl);
  const client = new pg.Client({ ...config, application_name: 'minkwan-bot lock', keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
  await client.connect();
  return client;
}

/** Runs `work` while holding the lock (waits for it). On SQLite it just runs. */
export async function withLock<T>(databaseUrl: string, name: LockName, work: () => Promise<T>): Promise<T> {
  if (dialectOf(databaseUrl) !== 'postgres') return work();
  const client = await connect(databaseUrl);
  client.on('error', () => {}); // reported by the query that fails
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [lockName(databaseUrl, name)]);
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockName(databaseUrl, name)]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}

export interface HeldLock {
  /** Gives the lock back (closes its connection). */
  release(): Promise<void>;
}

/**
 * Tries once to take the lock without waiting. Returns undefined when another
 * process holds it. `onLost` is called (once) when the lock's connection ends
 * without release(): the holder must stop what the lock guarded.
 */
export async function tryLock(databaseUrl: string, name: LockName, onLost: (error: Error) => void): Promise<HeldLock | undefined> {
  if (dialectOf(databaseUrl) !== 'postgres') return { release: async () => {} };
  const client = await connect(databaseUrl);
  let released = false;
  let lost = false;
  let probe: NodeJS.Timeout | undefined;
  const lose = (error: Error) => {
    if (released || lost) return;
    lost = true;
    clearInterval(probe);
    onLost(error);
  };
  client.on('error', lose);
  client.on('end', () => lose(new Error('lock connection closed')));
  const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok', [lockName(databaseUrl, name)]);
  if (!rows[0]?.ok) {
    released = true;
    await client.end().catch(() => undefined);
    return undefined;
  }
  // A connection that went silent (network cut) is noticed by this probe too.
  probe = setInterval(() => {
    client.query('SELECT 1').catch((error: Error) => {
      lose(error);
      client.end().catch(() => undefined);
    });
  }, 15_000);
  probe.unref();
  return {
    release: async () => {
      if (released) return;
      released = true;
      clearInterval(probe);
      await client.end().catch(() => undefined);
    },
  };
}
