import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// One folder per vitest run (set in vitest.config.ts), so runs side by side
// never delete each other's template database.
export const TEST_TMP =
  process.env.TEST_TMP_DIR ?? join(fileURLToPath(new URL('../../.test-tmp', import.meta.url)), 'default');
export const TEMPLATE_DB = join(TEST_TMP, 'template.db');

/**
 * The PostgreSQL server of the PostgreSQL run (.ci/run sets it), e.g.
 * postgres://postgres@127.0.0.1:5432/postgres. Unset: SQLite only.
 */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;
/** Which database this vitest project runs the suite on (vitest.config.ts sets it per project). */
export const TEST_DB: 'sqlite' | 'postgres' = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
export const onPostgres = TEST_DB === 'postgres';
/** Databases of this run are named `<prefix>…`; the template is `<prefix>template`. */
export const PG_PREFIX = `mkb_${basename(TEST_TMP).replace(/[^a-z0-9]/gi, '').slice(0, 12).toLowerCase()}_`;
export const PG_TEMPLATE = `${PG_PREFIX}template`;

/** The same server, another database. */
export function postgresUrlFor(database: string): string {
  const url = new URL(POSTGRES_URL ?? 'postgres://127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

/** ORDER BY this for a table's physical row order (SQLite's rowid, PostgreSQL's ctid). */
export const PHYSICAL_ORDER = onPostgres ? 'ctid' : 'rowid';
