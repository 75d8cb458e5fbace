import type { Db } from '../../src/db/client.ts';

/** Row counts of every table: equal before and after means nothing was written. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`,
  )).map((t) => t.name);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: bigint | number }[]>(`SELECT COUNT(*) AS n FROM "${table}"`);
    counts[table] = Number(row.n);
  }
  return counts;
}
