// The few things SQLite and PostgreSQL do differently, behind one function
// each. Features call these; they never write a PRAGMA or a pg-only statement.
import { dialect, type Db } from './client.ts';

/**
 * After rows holding secrets were rewritten (the sealed ballots of a poll):
 * make the old row versions go away as far as the database lets us.
 * - SQLite (secure_delete on): old page images linger in the write-ahead log
 *   until a checkpoint; fold them in and truncate the log.
 * - PostgreSQL: an UPDATE/DELETE leaves the old tuple in the table file as a
 *   dead row version until VACUUM prunes it (it cannot while an older
 *   snapshot may still see it). VACUUM the table now; what remains is
 *   documented in the README (WAL, base backups, free space in pages).
 */
export async function forgetOldRowVersions(db: Db, table: 'PollBallot'): Promise<void> {
  if (dialect(db) === 'postgres') {
    await db.$executeRawUnsafe(`VACUUM "${table}"`).catch(() => undefined);
  } else {
    await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
  }
}

/** The main database file of an SQLite connection ('' in memory); undefined on PostgreSQL (there is no file). */
export async function databaseFile(db: Db): Promise<string | undefined> {
  if (dialect(db) === 'postgres') return undefined;
  const rows = await db.$queryRawUnsafe<{ name: string; file: string }[]>('PRAGMA database_list');
  return rows.find((row) => row.name === 'main')?.file ?? '';
}

/** The bot's tables (without Prisma's migration table). */
export async function tableNames(db: Db): Promise<string[]> {
  const rows =
    dialect(db) === 'postgres'
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1`,
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY 1`,
        );
  return rows.map((r) => r.name);
}
