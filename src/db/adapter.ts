// The one place that turns DATABASE_URL into a Prisma driver adapter.
// SQLite is the embedded default; PostgreSQL slots in here (@prisma/adapter-pg)
// without any feature noticing.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

export function sqliteFilePath(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('file:')) return undefined;
  const path = databaseUrl.slice('file:'.length);
  return path === ':memory:' ? path : resolve(path);
}

export function adapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const file = sqliteFilePath(databaseUrl);
  if (file) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    // timeout: wait for a writer lock instead of failing with SQLITE_BUSY.
    return new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 });
  }
  throw new Error(
    `DATABASE_URL "${databaseUrl.split(':')[0]}:..." is not supported yet: use file:./data/bot.db (SQLite).`,
  );
}
