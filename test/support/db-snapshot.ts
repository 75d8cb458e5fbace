import type { Db } from '../../src/db/client.ts';
import { tableNames } from '../../src/db/dialect.ts';

/** Row counts of every table: equal before and after means nothing was written. Works on SQLite and PostgreSQL. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tableNames(db)) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${table}"`);
    counts[table] = Number(row.n);
  }
  return counts;
}
