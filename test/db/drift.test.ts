// prisma/schema.prisma (SQLite) is the source of truth; prisma/postgresql/ is
// derived from it (npm run db:postgres). These tests fail when someone changes
// the schema or adds a migration and forgets the PostgreSQL side.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivePostgresSchema, postgresMigrationsDir, postgresSchemaPath } from '../../src/db/derive.ts';
import { migrationsDir, pendingSchemaChange, schemaPath } from '../../src/db/migrator.ts';
import { onPostgres, POSTGRES_URL } from '../support/paths.ts';

const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

const FIX = 'run `npm run db:postgres` (with a PostgreSQL server) and commit prisma/postgresql/';

describe('the PostgreSQL schema and migrations follow the SQLite ones', () => {
  it('prisma/postgresql/schema.prisma is derived from prisma/schema.prisma as it is now', () => {
    const expected = derivePostgresSchema(readFileSync(schemaPath, 'utf8'));
    expect(readFileSync(postgresSchemaPath, 'utf8'), FIX).toBe(expected);
  });

  it('every SQLite migration since the PostgreSQL baseline has a PostgreSQL twin of the same name, and no other', () => {
    const sqlite = folders(migrationsDir);
    const postgres = folders(postgresMigrationsDir);
    expect(postgres.length).toBeGreaterThan(0);
    const baseline = postgres[0];
    expect(sqlite, 'the PostgreSQL baseline is named after a SQLite migration').toContain(baseline);
    expect(postgres, FIX).toEqual(sqlite.filter((name) => name >= baseline));
    for (const name of postgres) expect(existsSync(join(postgresMigrationsDir, name, 'migration.sql'))).toBe(true);
    expect(readFileSync(join(postgresMigrationsDir, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
  });

  it('the deriving refuses what would not carry over', () => {
    const schema = readFileSync(schemaPath, 'utf8');
    expect(() => derivePostgresSchema(schema.replace('  name      String   @unique', '  name      String   @unique @db.Text'))).toThrow(/not portable/);
  });

  // Replaying migrations on PostgreSQL needs a server (a scratch database).
  // These checks do not use the project's own database, so they run once, in
  // the SQLite project; the PostgreSQL project's copy only doubled the schema
  // engine's work on a busy machine (it once ran past its timeout).
  describe.skipIf(!POSTGRES_URL || onPostgres)('on a PostgreSQL server', () => {
    it('the PostgreSQL migrations produce exactly prisma/postgresql/schema.prisma', async () => {
      expect(await pendingSchemaChange(undefined, { postgresUrl: POSTGRES_URL })).toBe('');
    }, 120_000);

    it('a schema change without its PostgreSQL migration is reported', async () => {
      const changed = derivePostgresSchema(readFileSync(schemaPath, 'utf8').replace('  position  String?\n', '  position  String?\n  nickname  String?\n'));
      expect(await pendingSchemaChange(changed, { postgresUrl: POSTGRES_URL })).toMatch(/ALTER TABLE "Member" ADD COLUMN\s+"nickname" TEXT/);
    }, 120_000);
  });
});
