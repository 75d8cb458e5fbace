// npm run db:migrate            -> apply pending migrations to DATABASE_URL
// npm run db:migration -- <name> -> write the next migration from prisma/schema.prisma
import { createMigration, migrate } from '../src/db/migrator.ts';
import { loadConfig } from '../src/config.ts';

const [verb, name] = process.argv.slice(2);
if (verb === 'migrate') {
  const applied = await migrate(loadConfig().databaseUrl);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} else if (verb === 'migration') {
  if (!name) {
    console.error('usage: npm run db:migration -- <name>   (e.g. add_meetups)');
    process.exit(2);
  }
  const folder = await createMigration(name);
  console.log(folder ? `created prisma/migrations/${folder}/migration.sql` : 'schema and migrations agree: nothing to create');
} else {
  console.error('usage: tsx scripts/db.ts migrate | migration <name>');
  process.exit(2);
}
