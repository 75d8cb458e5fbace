// Migrations through Prisma's own schema engine compiled to WebAssembly, so a
// network-separated site never needs the native engine download.
// The migrations table is Prisma's `_prisma_migrations`: `prisma migrate deploy`
// on a connected machine sees the same history.
import { readFile, readdir, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine, MigrationList } from '@prisma/schema-engine-wasm';
import { adapterFactory } from './adapter.ts';
import { projectRoot } from '../paths.ts';

export const schemaPath = join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = join(projectRoot, 'prisma', 'migrations');
const filters = { externalTables: [], externalEnums: [] };

let lastPanic = '';

interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: object } }>;
}

// One instance per process: the glue module caches views of the wasm memory,
// so instantiating a second time would corrupt the first.
let wasmModule: Promise<{ SchemaEngine: typeof SchemaEngine }> | undefined;
const loadWasmModule = () => (wasmModule ??= instantiateWasm());

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

export async function withSchemaEngine<T>(
  databaseUrl: string,
  work: (engine: SchemaEngine, schema: string) => Promise<T>,
): Promise<T> {
  const { SchemaEngine: Engine } = await loadWasmModule();
  const schema = await readFile(schemaPath, 'utf8');
  // The engine never closes the connections it opens; track them so that the
  // database file is released (SQLite locks) when the work is done.
  const factory = adapterFactory(databaseUrl);
  const opened: SqlDriverAdapter[] = [];
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => remember(opened, await factory.connect()),
    connectToShadowDb: async () => remember(opened, acceptScripts(await factory.connectToShadowDb())),
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

function remember(list: SqlDriverAdapter[], adapter: SqlDriverAdapter): SqlDriverAdapter {
  list.push(adapter);
  return adapter;
}

export async function loadMigrations(): Promise<MigrationList> {
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

/** Applies pending migrations; returns the names just applied. */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const migrationsList = await loadMigrations();
  return withSchemaEngine(databaseUrl, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters });
    return out.appliedMigrationNames;
  });
}

/** SQL that would bring the committed migrations to prisma/schema.prisma ('' when in step). */
export async function pendingSchemaChange(schemaText?: string): Promise<string> {
  const migrationsList = await loadMigrations();
  return withSchemaEngine('file::memory:', async (engine, committedSchema) => {
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
  await mkdir(join(migrationsDir, folder), { recursive: true });
  await writeFile(join(migrationsDir, folder, 'migration.sql'), `${sql}\n`);
  const lockPath = join(migrationsDir, 'migration_lock.toml');
  if (!existsSync(lockPath)) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "sqlite"\n',
    );
  }
  return folder;
}
