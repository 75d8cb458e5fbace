// npm run import -- organizations.csv members.csv
// Each file is checked whole; a bad row stops that file with line numbers and
// nothing from it is written. Import organisations before the members that
// belong to them.
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/core/clock.ts';
import { translator } from '../src/core/i18n/index.ts';
import { openDatabase } from '../src/db/client.ts';
import { importCsv, ImportError } from '../src/features/directory/import.ts';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run import -- organizations.csv [members.csv ...]');
  process.exit(2);
}
const config = loadConfig();
const t = translator(config.locale);
const db = await openDatabase(config.databaseUrl);
const actor = { name: 'csv-import', roles: new Set<never>(), locale: config.locale, platform: 'console' as const, platformUserId: 'csv-import' };
let failed = false;
for (const file of files) {
  try {
    const result = await importCsv({ db, clock: systemClock, actor }, await readFile(file, 'utf8'), config.locale);
    console.log(`${file}: ${t('import.done', { kind: t(`import.kind.${result.kind}`), count: result.written })}`);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    failed = true;
    console.error(`${file}: ${t('import.failed')}\n${error.problems.map((p) => `  ${p}`).join('\n')}`);
  }
}
await db.$disconnect();
process.exit(failed ? 1 : 0);
