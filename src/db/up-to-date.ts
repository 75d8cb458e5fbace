// Is the database already migrated? Answered without Prisma's schema engine:
// loading the engine costs ~0.7 s and, on SQLite, it wants the write lock
// just to look, which it cannot wait for while the bot writes.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { projectRoot } from '../paths.ts';
import { sqliteFilePath } from './adapter.ts';

/**
 * True when an SQLite database already has every committed migration: then
 * no child process is needed (it costs ~0.7 s of every start). Anything
 * unexpected (no file, no table, another database) says no, and the child
 * decides.
 */
export function sqliteUpToDate(databaseUrl: string): boolean {
  const file = sqliteFilePath(databaseUrl);
  if (!file || file === ':memory:' || !existsSync(file)) return false;
  const dir = join(projectRoot, 'prisma', 'migrations');
  const committed = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const applied = new Set(
      (db.prepare('SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    return committed.every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

