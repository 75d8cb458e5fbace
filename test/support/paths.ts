import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const TEST_TMP = fileURLToPath(new URL('../../.test-tmp', import.meta.url));
export const TEMPLATE_DB = join(TEST_TMP, 'template.db');
