import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

// One folder per vitest run (set in vitest.config.ts), so runs side by side
// never delete each other's template database.
export const TEST_TMP =
  process.env.TEST_TMP_DIR ?? join(fileURLToPath(new URL('../../.test-tmp', import.meta.url)), 'default');
export const TEMPLATE_DB = join(TEST_TMP, 'template.db');
