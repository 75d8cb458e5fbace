// Opens the database the features use. Features receive `Db` and never build
// a client themselves, so the adapter choice stays in src/db.
import { PrismaClient } from '../generated/prisma/client.ts';
import { adapterFactory, sqliteFilePath } from './adapter.ts';
import { migrate } from './migrator.ts';
import { sqliteUpToDate } from './up-to-date.ts';

export type Db = InstanceType<typeof PrismaClient>;
export { Prisma } from '../generated/prisma/client.ts';

export async function openDatabase(databaseUrl: string, options: { migrate?: boolean } = {}): Promise<Db> {
  if (options.migrate !== false && !sqliteUpToDate(databaseUrl)) await migrate(databaseUrl);
  const db = new PrismaClient({ adapter: adapterFactory(databaseUrl) });
  if (sqliteFilePath(databaseUrl)) {
    // WAL lets readers continue while the scheduler writes; foreign keys keep
    // cascades honest.
    await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await db.$executeRawUnsafe('PRAGMA foreign_keys = ON');
    // Deleted rows are overwritten, not left readable in free pages (secret ballots).
    await db.$queryRawUnsafe('PRAGMA secure_delete = ON');
  }
  return db;
}
