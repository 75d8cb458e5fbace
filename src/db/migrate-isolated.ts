// Runs the migrations in a short-lived child process. The WebAssembly schema
// engine takes ~60 MB that a process cannot give back once loaded; keeping it
// out of the long-running bot keeps the bot's memory small.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { compiled, projectRoot } from '../paths.ts';
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

export async function migrateInChildProcess(databaseUrl: string): Promise<void> {
  if (sqliteUpToDate(databaseUrl)) return;
  return runMigrationChild(databaseUrl);
}

function runMigrationChild(databaseUrl: string): Promise<void> {
  const args = compiled
    ? [join(projectRoot, 'dist', 'scripts', 'db.js'), 'migrate']
    : ['--import', 'tsx', join(projectRoot, 'scripts', 'db.ts'), 'migrate'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      // Its report goes to stderr: stdout belongs to the console's replies.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`migrations failed (exit ${code}):\n${output}`));
    });
  });
}
