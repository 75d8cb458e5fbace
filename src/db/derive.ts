// prisma/schema.prisma (SQLite) is the one source of truth. Prisma allows one
// provider per schema file, so the PostgreSQL schema is derived from it by
// `npm run db:postgres` and committed as prisma/postgresql/schema.prisma,
// with its own migrations in prisma/postgresql/migrations (Prisma's layout).
// test/db/drift.test.ts fails when the derived files are stale.
import { join } from 'node:path';
import { projectRoot } from '../paths.ts';

export const POSTGRES_DIR = join(projectRoot, 'prisma', 'postgresql');
export const postgresSchemaPath = join(POSTGRES_DIR, 'schema.prisma');
export const postgresMigrationsDir = join(POSTGRES_DIR, 'migrations');

const HEADER = `// GENERATED from prisma/schema.prisma by \`npm run db:postgres\` — do not edit.
// Edit prisma/schema.prisma, add its SQLite migration (npm run db:migration),
// then run \`npm run db:postgres\` to refresh this file and add the PostgreSQL
// migration of the same name.
`;

/** The PostgreSQL schema for a SQLite schema text. */
export function derivePostgresSchema(sqliteSchema: string): string {
  let out = sqliteSchema;
  const provider = /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/;
  if (!provider.test(out)) throw new Error('prisma/schema.prisma: expected datasource db { provider = "sqlite" }');
  out = out.replace(provider, '$1"postgresql"');
  const output = /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/src\/generated\/prisma"/;
  if (!output.test(out)) throw new Error('prisma/schema.prisma: expected output = "../src/generated/prisma" in the generator');
  out = out.replace(output, '$1"../../src/generated/prisma-pg"');
  // Column types: the schema uses Prisma's portable scalars only (String, Int,
  // Boolean, DateTime), which map one to one; a native @db.* attribute would
  // be SQLite-specific, so refuse it rather than guess.
  if (/@db\./.test(out)) throw new Error('prisma/schema.prisma: @db.* native types are not portable; use plain Prisma scalars');
  return HEADER + out;
}
