// Is the database already migrated? Answered without Prisma's schema engine:
// loading the engine costs ~0.7 s and, on SQLite, it wants the write lock
// just to look, which it cannot wait for while the bot writes.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { projectRoot } from '../paths.ts';
import { dialectOf, pgConfig, sqliteFilePath } from './adapter.ts';
import { postgresMigrationsDir } from './derive.ts';

const APPLIED = 'SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

function committed(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
}

/**
 * True when an SQLite database already has every committed migration: then
 * no child process is needed (it costs ~0.7 s of every start). Anything
 * unexpected (no file, no table, another database) says no, and the child
 * decides.
 */
export function sqliteUpToDate(databaseUrl: string): boolean {
  const file = sqliteFilePath(databaseUrl);
  if (!file || file === ':memory:' || !existsSync(file)) return false;
  const names = committed(join(projectRoot, 'prisma', 'migrations'));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const applied = new Set((db.prepare(APPLIED).all() as { name: string }[]).map((r) => r.name));
    return names.every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** The same question for either database; a PostgreSQL one is asked over one short connection. */
export async function databaseUpToDate(databaseUrl: string): Promise<boolean> {
  if (dialectOf(databaseUrl) !== 'postgres') return sqliteUpToDate(databaseUrl);
  const { schema, max: _max, idleTimeoutMillis: _idle, ...config } = pgConfig(databaseUrl);
  const client = new pg.Client({ ...config, ...(schema ? { options: `-c search_path="${schema}"` } : {}) });
  client.on('error', () => {});
  try {
    await client.connect();
    const applied = new Set((await client.query<{ name: string }>(APPLIED)).rows.map((r) => r.name));
    return committed(postgresMigrationsDir).every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
