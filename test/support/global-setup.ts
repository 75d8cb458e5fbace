// Migrates one template database per test run; each test copies it, which is
// far cheaper than running the migrations again (see harness.ts).
// SQLite: a template file. PostgreSQL (the `postgres` project): a template
// database on TEST_POSTGRES_URL, copied with CREATE DATABASE … TEMPLATE.
import { mkdirSync, rmSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pgConfig } from '../../src/db/adapter.ts';
import { migrate } from '../../src/db/migrator.ts';
import { PG_PREFIX, PG_TEMPLATE, POSTGRES_URL, postgresUrlFor, TEMPLATE_DB, TEST_TMP } from './paths.ts';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const { schema: _s, max: _m, idleTimeoutMillis: _i, ...config } = pgConfig(POSTGRES_URL!);
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops this run's databases, several at a time (each DROP waits for a checkpoint, ~0.5 s). */
async function dropRunDatabases(): Promise<void> {
  const names = await admin(async (client) =>
    (await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${PG_PREFIX}%`])).rows.map((r) => r.datname),
  );
  const lanes = Array.from({ length: 6 }, () =>
    admin(async (client) => {
      for (let name = names.pop(); name; name = names.pop()) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }),
  );
  await Promise.all(lanes);
}

export default async function setup(project?: TestProject): Promise<() => Promise<void>> {
  const postgres = project?.config.env?.TEST_DB === 'postgres';
  if (postgres) {
    if (!POSTGRES_URL) throw new Error('the postgres project needs TEST_POSTGRES_URL');
    await dropRunDatabases();
    await admin((client) => client.query(`CREATE DATABASE "${PG_TEMPLATE}"`));
    await migrate(postgresUrlFor(PG_TEMPLATE));
    return () => dropRunDatabases();
  }
  rmSync(TEST_TMP, { recursive: true, force: true });
  mkdirSync(TEST_TMP, { recursive: true });
  await migrate(`file:${TEMPLATE_DB}`);
  return async () => rmSync(TEST_TMP, { recursive: true, force: true });
}
