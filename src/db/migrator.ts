// Migrations through Prisma's own schema engine compiled to WebAssembly, so a
// network-separated site never needs the native engine download.
// The migrations table is Prisma's `_prisma_migrations`: `prisma migrate deploy`
// on a connected machine sees the same history.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine, MigrationList } from '@prisma/schema-engine-wasm';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { adapterFactory, dialectOf, pgConfig, type Dialect } from './adapter.ts';
import { postgresMigrationsDir, postgresSchemaPath } from './derive.ts';
import { withLock } from './locks.ts';
import { projectRoot } from '../paths.ts';

export const schemaPath = join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = join(projectRoot, 'prisma', 'migrations');

/** The schema file and migrations folder of each provider (Prisma's layout, one folder per provider). */
export function layout(dialect: Dialect): { schemaPath: string; migrationsDir: string } {
  return dialect === 'postgres'
    ? { schemaPath: postgresSchemaPath, migrationsDir: postgresMigrationsDir }
    : { schemaPath, migrationsDir };
}
const filters = { externalTables: [], externalEnums: [] };

let lastPanic = '';

interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
}

// One instance per process: the glue module caches views of the wasm memory,
// so instantiating a second time would corrupt the first.
// Kept on globalThis: a test runner may load this file twice (once per
// project) while Node shares the glue module between both copies.
const shared = globalThis as { __minkwanSchemaEngine?: Promise<{ SchemaEngine: typeof SchemaEngine }>; __minkwanEngineTurn?: Promise<unknown> };
const loadWasmModule = () => (shared.__minkwanSchemaEngine ??= instantiateWasm());

async function instantiateWasm() {
  // The engine reports Rust panics through this global; keep the message so
  // the error we throw says what went wrong.
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message: string) => {
      lastPanic = message;
    },
  };
  // The package's main entry imports a .wasm file (Node 20 refuses that), so
  // load the glue module and instantiate the binary ourselves.
  const bgPath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = await import(pathToFileURL(bgPath).href);
  const wasmBytes = await readFile(bgPath.replace(/\.js$/, '.wasm'));
  // @types/node 20 does not declare the WebAssembly global that Node has.
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const { instance } = await wasm.instantiate(wasmBytes, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg as { SchemaEngine: typeof SchemaEngine };
}

/** The wasm engine is one instance per process and not re-entrant: engines take turns. */
export function withSchemaEngine<T>(databaseUrl: string, work: (engine: SchemaEngine, schema: string) => Promise<T>): Promise<T> {
  const run = (shared.__minkwanEngineTurn ?? Promise.resolve()).then(() => withSchemaEngineNow(databaseUrl, work));
  shared.__minkwanEngineTurn = run.catch(() => undefined);
  return run;
}

async function withSchemaEngineNow<T>(
  databaseUrl: string,
  work: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  const { SchemaEngine: Engine } = await loadWasmModule();
  const dialect = dialectOf(databaseUrl);
  const schema = await readFile(layout(dialect).schemaPath, 'utf8');
  // The engine never closes the connections it opens; track them so that the
  // database file is released (SQLite locks) when the work is done.
  const factory = adapterFactory(databaseUrl);
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(opened, dialect === 'postgres' ? charAsText(await factory.connect()) : await factory.connect()),
    connectToShadowDb: async () =>
      remember(opened, dialect === 'postgres' ? charAsText(await postgresShadow(databaseUrl)) : acceptScripts(await factory.connectToShadowDb())),
  };
  const engine = await Engine.new(
    { datamodels: [['schema.prisma', schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(tracking),
  );
  try {
    return await work(engine, schema);
  } catch (error) {
    throw lastPanic ? new Error(`schema engine: ${lastPanic}`, { cause: error }) : error;
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

// The engine replays each migration file on the shadow database with one
// executeRaw call; better-sqlite3 prepares one statement at a time, so hand
// whole scripts to executeScript instead.
function acceptScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && query.sql.includes(';')) {
      await adapter.executeScript(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  return adapter;
}

/**
 * The engine reads PostgreSQL's catalogs, whose flag columns have the type
 * "char" (oid 18); adapter-pg 7.10 refuses that type ("Column type 'char'
 * could not be deserialized"). pg hands such values over as strings, so
 * report them as text.
 */
function charAsText(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const withIO = adapter as unknown as { performIO?: (query: unknown) => Promise<{ fields: { dataTypeID: number }[] }> };
  const io = withIO.performIO?.bind(adapter);
  if (!io) return adapter;
  withIO.performIO = async (query) => {
    const result = await io(query);
    for (const field of result.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  return adapter;
}

/**
 * A scratch database for the engine to replay migrations on. adapter-pg has
 * its own, but it drops the database while its pool is still connected (the
 * drop fails and the database stays); this one closes the pool first.
 */
async function postgresShadow(databaseUrl: string): Promise<SqlDriverAdapter> {
  const { schema: _schema, ...config } = pgConfig(databaseUrl);
  const name = `minkwan_shadow_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ ...config });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const adapter = await new PrismaPg({ ...config, database: name, max: 2 }).connect();
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose().catch(() => undefined);
    await adapter.underlyingDriver().end().catch(() => undefined);
    const dropper = new pg.Client({ ...config });
    await dropper.connect();
    try {
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await dropper.end();
    }
  };
  return adapter;
}

function remember(list: SqlDriverAdapter[], adapter: SqlDriverAdapter): SqlDriverAdapter {
  list.push(adapter);
  return adapter;
}

export async function loadMigrations(dialect: Dialect = 'sqlite'): Promise<MigrationList> {
  const { migrationsDir } = layout(dialect);
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  const lockContent = existsSync(lockPath) ? await readFile(lockPath, 'utf8') : null;
  const names = existsSync(migrationsDir)
    ? (await readdir(migrationsDir, { withFileTypes: true }))
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  } as MigrationList;
}

/**
 * Applies pending migrations; returns the names just applied. On PostgreSQL
 * under an advisory lock: replicas starting together migrate once (the
 * others wait, then find nothing to apply).
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const migrationsList = await loadMigrations(dialectOf(databaseUrl));
  return withLock(databaseUrl, 'migrate', () =>
    withSchemaEngine(databaseUrl, async (engine) => {
      const out = await engine.applyMigrations({ migrationsList, filters });
      return out.appliedMigrationNames;
    }),
  );
}

/**
 * SQL that would bring the committed migrations to the schema ('' when in step).
 * SQLite by default (in memory); with `postgresUrl` the PostgreSQL schema and
 * migrations, replayed on a scratch database of that server.
 */
export async function pendingSchemaChange(schemaText?: string, options: { postgresUrl?: string } = {}): Promise<string> {
  const dialect: Dialect = options.postgresUrl ? 'postgres' : 'sqlite';
  const migrationsList = await loadMigrations(dialect);
  return withSchemaEngine(options.postgresUrl ?? 'file::memory:', async (engine, committedSchema) => {
    const schema = schemaText ?? committedSchema;
    const from =
      migrationsList.migrationDirectories.length === 0
        ? { tag: 'empty' as const }
        : { tag: 'migrations' as const, ...migrationsList };
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
      script: true,
      exitCode: null,
      filters,
    } as Parameters<SchemaEngine['diff']>[0]);
    return stripEmptyDiff(result.stdout ?? '');
  });
}

function stripEmptyDiff(sql: string): string {
  const meaningful = sql.split('\n').filter((line) => line.trim() && !line.trim().startsWith('--'));
  return meaningful.length ? sql.trim() : '';
}

/** Writes prisma/migrations/<timestamp>_<name>/migration.sql from the schema diff. */
export async function createMigration(name: string, now = new Date()): Promise<string | undefined> {
  const sql = await pendingSchemaChange();
  if (!sql) return undefined;
  const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14);
  const folder = `${stamp}_${name.replace(/[^a-zA-Z0-9_]/g, '_')}`;
  await writeMigration('sqlite', folder, sql);
  return folder;
}

/**
 * The PostgreSQL twin of a SQLite migration folder: the SQL that brings the
 * PostgreSQL migrations so far to the derived PostgreSQL schema, under the
 * same folder name. Needs a PostgreSQL server for the scratch database.
 */
export async function createPostgresMigration(folder: string, postgresUrl: string): Promise<boolean> {
  const sql = await pendingSchemaChange(undefined, { postgresUrl });
  if (!sql) return false;
  await writeMigration('postgres', folder, sql);
  return true;
}

async function writeMigration(dialect: Dialect, folder: string, sql: string): Promise<void> {
  const { migrationsDir } = layout(dialect);
  await mkdir(join(migrationsDir, folder), { recursive: true });
  await writeFile(join(migrationsDir, folder, 'migration.sql'), `${sql}\n`);
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  if (!existsSync(lockPath)) {
    await writeFile(
      lockPath,
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${dialect === 'postgres' ? 'postgresql' : 'sqlite'}"\n`,
    );
  }
}
