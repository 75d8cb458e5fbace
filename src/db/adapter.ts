// The one place that turns DATABASE_URL into a Prisma driver adapter.
// file:…         -> SQLite (better-sqlite3), the embedded default.
// postgres(ql):// -> PostgreSQL (pg), for several bot processes on one database.
// No feature notices which one it runs on: what differs lives in src/db/.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { PoolConfig } from 'pg';

export type Dialect = 'sqlite' | 'postgres';

export function sqliteFilePath(databaseUrl: string): string | undefined {
  if (!databaseUrl.startsWith('file:')) return undefined;
  const path = databaseUrl.slice('file:'.length);
  return path === ':memory:' ? path : resolve(path);
}

export function isPostgresUrl(databaseUrl: string): boolean {
  return /^postgres(ql)?:\/\//.test(databaseUrl);
}

export function dialectOf(databaseUrl: string): Dialect {
  if (sqliteFilePath(databaseUrl)) return 'sqlite';
  if (isPostgresUrl(databaseUrl)) return 'postgres';
  throw new Error(
    `DATABASE_URL "${databaseUrl.split(':')[0]}:..." is not supported: use file:./data/bot.db (SQLite) or postgresql://user@host:5432/db (PostgreSQL).`,
  );
}

/**
 * pg settings from a URL. Parsed here rather than passed as connectionString:
 * pg lets a connectionString override explicit fields, and the migrator needs
 * to point the same settings at another database (the shadow database).
 * `?schema=` selects a PostgreSQL schema (search_path) as Prisma's URLs do;
 * `?connection_limit=` caps the pool (default 10).
 */
export function pgConfig(databaseUrl: string, database?: string): PoolConfig & { schema?: string } {
  const url = new URL(databaseUrl);
  const params = url.searchParams;
  const limit = Number(params.get('connection_limit') ?? 10);
  const sslmode = params.get('sslmode');
  return {
    host: decodeURIComponent(url.hostname) || params.get('host') || '127.0.0.1',
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || process.env.PGUSER || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: database ?? (decodeURIComponent(url.pathname.slice(1)) || 'postgres'),
    max: Number.isFinite(limit) && limit > 0 ? limit : 10,
    // An idle connection is given back after 10 s: a process that forgets to disconnect does not hold the server's slots.
    idleTimeoutMillis: 10_000,
    connectionTimeoutMillis: 10_000,
    ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
    application_name: 'minkwan-bot',
    schema: params.get('schema') ?? undefined,
  };
}

export function adapterFactory(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const file = sqliteFilePath(databaseUrl);
  // dialectOf refuses a URL that is neither; a SQLite URL has a file.
  if (dialectOf(databaseUrl) === 'postgres' || file === undefined) {
    const { schema, ...config } = pgConfig(databaseUrl);
    return new PrismaPg(schema ? { ...config, options: `-c search_path="${schema}"` } : config, schema ? { schema } : undefined);
  }
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  // timeout: wait for a writer lock instead of failing with SQLITE_BUSY.
  return new PrismaBetterSqlite3({ url: `file:${file}`, timeout: 5000 });
}
