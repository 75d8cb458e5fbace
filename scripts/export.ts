// npm run export -- organizations|members [--org 이름] > file.csv
// The roster as CSV in the format `npm run import` reads back (번호 first, so
// an edited file updates the same records). As Excel writes CSV, formula
// cells neutralised (src/core/csv.ts).
// Headers and values follow BOT_LOCALE. Errors are one line on stderr.
import { loadConfigOrExit } from '../src/config.ts';
import { systemClock } from '../src/core/clock.ts';
import { UserError } from '../src/core/errors.ts';
import { translator } from '../src/core/i18n/index.ts';
import type { Db } from '../src/db/client.ts';
import { openDatabase } from '../src/db/client.ts';
import { exportMembers, exportOrganizations } from '../src/features/directory/export.ts';
import { describeDatabaseError } from '../src/features/directory/import.ts';
import { findOrganization } from '../src/features/directory/service.ts';
import '../src/features/index.ts';

const args = process.argv.slice(2);
const help = `${translator('ko')('export.usage')}\n\n${translator('en')('export.usage')}`;
if (args.includes('--help') || args.includes('-h')) {
  console.log(help);
  process.exit(0);
}
let what: 'organizations' | 'members' | undefined;
let orgRef: string | undefined;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === '--org' || arg.startsWith('--org=')) orgRef = arg.includes('=') ? arg.slice('--org='.length) : args[++i];
  else if (['organizations', 'orgs', '조직'].includes(arg) && !what) what = 'organizations';
  else if (['members', '구성원'].includes(arg) && !what) what = 'members';
  else {
    console.error(help);
    process.exit(2);
  }
}
if (!what || (orgRef !== undefined && (what !== 'members' || !orgRef))) {
  console.error(help);
  process.exit(2);
}

const config = loadConfigOrExit();
const t = translator(config.locale);
let db: Db | undefined;
let code = 0;
try {
  db = await openDatabase(config.databaseUrl);
  const ctx = { db, clock: systemClock };
  const org = orgRef ? await findOrganization(ctx, orgRef) : undefined;
  const { csv, count } = what === 'members' ? await exportMembers(ctx, t, { orgId: org?.id }) : await exportOrganizations(ctx, t);
  process.stdout.write(csv);
  console.error(t('export.done', { kind: t(`import.kind.${what}`), count }));
} catch (error) {
  code = 1;
  console.error(error instanceof UserError ? t(error.key, error.params) : describeDatabaseError(t, error));
} finally {
  await db?.$disconnect().catch(() => undefined);
}
process.exit(code);
