import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Each run gets its own scratch folder; workers inherit it through the environment.
process.env.TEST_TMP_DIR ??= join(import.meta.dirname, '.test-tmp', randomUUID());

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 15_000,
    // The JSON report lets .ci/run print a plain "N passed, N failed" line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
    hookTimeout: 30_000,
  },
});
