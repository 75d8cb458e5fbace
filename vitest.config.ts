import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Each run gets its own scratch folder; workers inherit it through the environment.
process.env.TEST_TMP_DIR ??= join(import.meta.dirname, '.test-tmp', randomUUID());
// The console's ballot key file lives in the user's configuration folder: in the tests, the run's scratch folder, never ~/.config.
process.env.XDG_CONFIG_HOME = join(process.env.TEST_TMP_DIR, 'config');

// A fixed ballot key for the PostgreSQL run: bot processes on PostgreSQL need
// BALLOT_KEY (there is no database file to keep a key file next to).
const TEST_BALLOT_KEY = Buffer.alloc(32, 7).toString('base64');

// The whole suite runs on SQLite, and again on PostgreSQL when
// TEST_POSTGRES_URL names a server (.ci/run sets it): one database per test,
// made from a migrated template database (test/support/postgres.ts).
const postgresUrl = process.env.TEST_POSTGRES_URL;
// One line, also when vitest loads this file twice.
if (!postgresUrl && !process.env.TEST_POSTGRES_SKIP_NOTED) {
  process.env.TEST_POSTGRES_SKIP_NOTED = '1';
  console.log('PostgreSQL run skipped: set TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres to run the suite on PostgreSQL too.');
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 15_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    hookTimeout: 30_000,
    projects: [
      // globalSetup per project (not at the root, where it would run once more).
      { extends: true, test: { name: 'sqlite', globalSetup: ['test/support/global-setup.ts'], env: { TEST_DB: 'sqlite' } } },
      ...(postgresUrl
        ? [{ extends: true as const, test: { name: 'postgres', globalSetup: ['test/support/global-setup.ts'], env: { TEST_DB: 'postgres', BALLOT_KEY: TEST_BALLOT_KEY } } }]
        : []),
    ],
  },
});
