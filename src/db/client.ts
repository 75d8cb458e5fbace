// Opens the database the features use. Features receive `Db` and never build
// a client themselves, so the adapter choice stays in src/db.
import { PrismaClient } from '../generated/prisma/client.ts';
import { adapterFactory, dialectOf, sqliteFilePath, type Dialect } from './adapter.ts';
import { migrate } from './migrator.ts';
import { databaseUpToDate } from './up-to-date.ts';
import { WRITE_GUARD } from './write-guard.ts';

export type Db = InstanceType<typeof PrismaClient>;
export { Prisma } from '../generated/prisma/client.ts';

const dialects = new WeakMap<object, Dialect>();

/** Which database a client talks to (for the few places in src/db that differ). */
export function dialect(db: object): Dialect {
  return dialects.get(db) ?? 'sqlite';
}

export async function openDatabase(databaseUrl: string, options: { migrate?: boolean } = {}): Promise<Db> {
  const kind = dialectOf(databaseUrl);
  if (options.migrate !== false && !(await databaseUpToDate(databaseUrl))) await migrate(databaseUrl);
  let base: Db;
  if (kind === 'postgres') {
    // The client generated from the derived prisma/postgresql/schema.prisma:
    // the same models, so the same API; its type is the SQLite client's, which
    // is the smaller of the two (nothing PostgreSQL-only is used).
    const { PrismaClient: PgClient } = await import('../generated/prisma-pg/client.ts');
    base = new PgClient({ adapter: adapterFactory(databaseUrl) }) as unknown as Db;
  } else {
    base = new PrismaClient({ adapter: adapterFactory(databaseUrl) });
  }
  // Every write passes the text guard of its columns (./write-guard.ts). A
  // query extension leaves the client's API as it is, so it keeps the type Db.
  const db = base.$extends(WRITE_GUARD) as unknown as Db;
  dialects.set(db, kind);
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
