// `prisma generate` without internet. The CLI only checks that a schema-engine
// binary exists before generating (it never runs it for `generate`), and
// otherwise tries to download one. Pointing it at the running node binary
// satisfies the check; migrations use the WebAssembly engine (src/db/migrator.ts).
// Two clients: src/generated/prisma from prisma/schema.prisma (SQLite) and
// src/generated/prisma-pg from the derived prisma/postgresql/schema.prisma.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
  if (!existsSync(schema)) continue;
  const result = spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema], { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
