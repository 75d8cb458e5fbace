// npm run import -- [--dry-run] [--kind organizations|members] organizations.csv members.csv
// Each file is checked whole; a bad row stops that file with line numbers and
// nothing from it is written. Rows that match a record (by 번호, else by name)
// update it; the rest are added. Import organisations before the members that
// belong to them. Safe while the bot runs: SQLite in WAL mode lets the bot
// read on, and writes wait for each other (busy timeout). Errors are one line,
// never an engine stack trace.
import { readFile } from 'node:fs/promises';
import { loadConfigOrExit } from '../src/config.ts';
import { systemClock } from '../src/core/clock.ts';
import { translator } from '../src/core/i18n/index.ts';
import type { Db } from '../src/db/client.ts';
import { openDatabase } from '../src/db/client.ts';
import pino from 'pino';
import { createApp, type App } from '../src/app.ts';
import { decodeCsv, describeDatabaseError, importCsv, ImportError, type ImportKind } from '../src/features/directory/import.ts';
import { importTransfers, isTransferList } from '../src/features/transfers/import.ts';
// Every feature's texts and choices (kinds, roles, seats) are registered by importing the list.
import '../src/features/index.ts';

const args = process.argv.slice(2);
const help = `${translator('ko')('import.usage')}\n\n${translator('en')('import.usage')}`;
if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
  (args.length ? console.log : console.error)(help);
  process.exit(args.length ? 0 : 2);
}

const config = loadConfigOrExit();
const t = translator(config.locale);

let dryRun = false;
let kind: ImportKind | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--dry-run' || arg === '-n') dryRun = true;
  else if (arg === '--kind' || arg.startsWith('--kind=')) {
    const value = arg.includes('=') ? arg.slice('--kind='.length) : args[++i];
    kind = value === 'organizations' || value === 'orgs' || value === '조직' ? 'organizations' : value === 'members' || value === '구성원' ? 'members' : undefined;
    if (!kind) fail(t('import.badFlag', { flag: `${arg} ${value ?? ''}`.trim() }), 2);
  } else if (arg.startsWith('-')) fail(t('import.badFlag', { flag: arg }), 2);
  else files.push(arg);
}
if (files.length === 0) fail(help, 2);

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

let db: Db | undefined;
let app: App | undefined;
let failed = false;
try {
  db = await openDatabase(config.databaseUrl);
  const actor = { name: 'csv-import', roles: new Set<never>(), locale: config.locale, platform: 'console' as const, platformUserId: 'csv-import' };
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      failed = true;
      console.error(t('import.fileMissing', { file, reason: (error as NodeJS.ErrnoException).code ?? 'error' }));
      continue;
    }
    try {
      if (!kind && isTransferList(decodeCsv(t, bytes).text)) {
        // A reshuffle list: transfers are planned with the bot's own context (scheduler, outbox), as an admin.
        app ??= await createApp({ ...config, slack: undefined, discord: undefined }, { clock: systemClock, logger: pino({ level: 'silent' }), migrate: false });
        const result = await importTransfers(app.context({ ...actor, roles: new Set(['admin']) }), bytes, { dryRun, locale: config.locale });
        console.log(`${file}: ${t(dryRun ? 'transferImport.dryRun' : 'transferImport.done', { count: result.count })}`);
        for (const line of [...result.notes, ...result.lines]) console.log(`  ${line}`);
        continue;
      }
      const result = await importCsv({ db, clock: systemClock, actor }, bytes, { locale: config.locale, dryRun, kind });
      const params = { kind: t(`import.kind.${result.kind}`), summary: result.summary };
      console.log(`${file}: ${t(dryRun ? 'import.dryRun' : 'import.done', params)}`);
      for (const line of [...result.notes, ...result.changes]) console.log(`  ${line}`);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      failed = true;
      console.error(`${file}: ${t('import.failed')}\n${[...error.notes, ...error.problems].map((p) => `  ${p}`).join('\n')}`);
    }
  }
} catch (error) {
  failed = true;
  console.error(describeDatabaseError(t, error));
} finally {
  await app?.db.$disconnect().catch(() => undefined);
  await db?.$disconnect().catch(() => undefined);
}
process.exit(failed ? 1 : 0);
