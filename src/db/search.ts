// Name searches that take `%`, `_` and `\` as the characters typed. Prisma's
// `contains` becomes LIKE without escaping them (prisma/orm#19506) and on
// SQLite has no ESCAPE clause to escape them with (prisma/orm#23611), so
// `/member list name=%` matched everyone. Text without those characters keeps
// Prisma's filter (already literal, and one query); other text is matched by
// one LIKE with an explicit ESCAPE, read the same by SQLite and PostgreSQL.
import { Prisma, type Db } from './client.ts';

const LIKE_SPECIAL = /[%_\\]/g;

/** `100%_x` -> `100\%\_x`: a LIKE pattern piece that matches only itself (with ESCAPE '\'). */
export const escapeLike = (text: string): string => text.replace(LIKE_SPECIAL, (c) => `\\${c}`);

/** The tables searched by name. */
type NamedTable = 'Member' | 'Organization';

/** A where clause for rows of `table` whose name contains `text` literally. */
export async function nameContains(db: Db, table: NamedTable, text: string): Promise<{ name: { contains: string } } | { id: { in: number[] } }> {
  if (text.search(LIKE_SPECIAL) < 0) return { name: { contains: text } };
  const rows = await db.$queryRaw<{ id: number | bigint }[]>`
    SELECT "id" FROM ${Prisma.raw(`"${table}"`)} WHERE "name" LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
  return { id: { in: rows.map((row) => Number(row.id)) } };
}
