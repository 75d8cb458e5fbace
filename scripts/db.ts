// npm run db:migrate             -> apply pending migrations to DATABASE_URL (SQLite or PostgreSQL)
// npm run db:migration -- <name> -> write the next SQLite migration from prisma/schema.prisma,
//                                   then (with a PostgreSQL server) its PostgreSQL twin
// npm run db:postgres            -> re-derive prisma/postgresql/schema.prisma from prisma/schema.prisma
//                                   and write the PostgreSQL twin of every SQLite migration that lacks one
//                                   (a scratch database on POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMigration, createPostgresMigration, migrate, migrationsDir } from '../src/db/migrator.ts';
import { derivePostgresSchema, postgresMigrationsDir, postgresSchemaPath } from '../src/db/derive.ts';
import { schemaPath } from '../src/db/migrator.ts';
import { loadConfig } from '../src/config.ts';

const [verb, name] = process.argv.slice(2);
const folders = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];

/** The PostgreSQL side: derived schema, client, and twins of new SQLite migrations. */
async function derivePostgres(): Promise<void> {
  const derived = derivePostgresSchema(readFileSync(schemaPath, 'utf8'));
  const changed = !existsSync(postgresSchemaPath) || readFileSync(postgresSchemaPath, 'utf8') !== derived;
  if (changed) {
    writeFileSync(postgresSchemaPath, derived);
    console.log('wrote prisma/postgresql/schema.prisma');
    spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'prisma-generate.ts')], { stdio: 'inherit' });
  }
  // The PostgreSQL history starts at its first folder (a baseline of the whole
  // schema); every SQLite migration after it gets a twin of the same name.
  const pgFolders = folders(postgresMigrationsDir);
  const baseline = pgFolders[0] ?? '';
  const missing = folders(migrationsDir).filter((f) => f > baseline && !pgFolders.includes(f));
  const postgresUrl = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  for (const folder of missing) {
    const wrote = await createPostgresMigration(folder, postgresUrl);
    console.log(wrote ? `created prisma/postgresql/migrations/${folder}/migration.sql` : `${folder}: no PostgreSQL change (nothing written)`);
  }
  if (!changed && missing.length === 0) console.log('prisma/postgresql is up to date');
}

if (verb === 'migrate') {
  const applied = await migrate(loadConfig().databaseUrl);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} else if (verb === 'migration') {
  if (!name) {
    console.error('usage: npm run db:migration -- <name>   (e.g. add_meetups)');
    process.exit(2);
  }
  const folder = await createMigration(name);
  console.log(folder ? `created prisma/migrations/${folder}/migration.sql` : 'schema and migrations agree: nothing to create');
  try {
    await derivePostgres();
  } catch (error) {
    console.error(`PostgreSQL side not derived (${(error as Error).message}); run \`npm run db:postgres\` where a PostgreSQL server is reachable`);
  }
} else if (verb === 'postgres') {
  await derivePostgres();
} else {
  console.error('usage: tsx scripts/db.ts migrate | migration <name> | postgres');
  process.exit(2);
}
