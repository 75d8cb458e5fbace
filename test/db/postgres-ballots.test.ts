// Secret ballots on PostgreSQL (the PostgreSQL run only). What PostgreSQL
// keeps beyond the rows themselves, and why it does not tie a voter to a
// choice:
// - Row versions: every vote rewrites all of the poll's ballots (fresh nonce,
//   fresh random id, random order) in the vote's one transaction, so every
//   live ballot has the same xmin — the transaction of the latest vote, which
//   PollParticipation.votedAt names anyway. xmin orders nothing.
// - ctid (place in the table file): the rewrite inserts in a random order.
// - Dead row versions (the previous rewrite) stay in the file until VACUUM;
//   the bot VACUUMs the table after each vote (src/db/dialect.ts). They were
//   sealed too: without the key they are ciphertexts under nonces never reused.
// - WAL and backups: a sequence of snapshots between votes. Without the key
//   they show n, then n+1 unrelated sealed strings; with the key and two
//   copies the difference is the last vote (README: threat model).
import { execFileSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEALED_LENGTH } from '../../src/features/polls/sealed-ballot.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { onPostgres } from '../support/paths.ts';

const MEMBERS = ['김위원', '이위원', '박위원', '최위원', '정위원'];
let h: Harness;

function pgDump(url: string): string {
  const clean = new URL(url);
  clean.search = '';
  return execFileSync('pg_dump', ['--data-only', '--table', '"PollBallot"', '--dbname', clean.toString()], { encoding: 'utf8' });
}

describe.skipIf(!onPostgres)('secret ballots on PostgreSQL', () => {
  beforeEach(async () => {
    h = await createHarness();
    await h.run(
      '/org add 보장협의체 모라3동지역사회보장협의체 dong=모라3동',
      ...MEMBERS.map((name) => `/member add ${name}`),
      ...MEMBERS.map((name) => `/council seat ${name} council=모라3동지역사회보장협의체 seat=member from=2026-01-01`),
      ...MEMBERS.map((name) => `@${name} /member me`),
      '/poll create question="민간위원장 후보 추천" options="김위원,이위원,박위원" voters=council:모라3동지역사회보장협의체 kind=single anonymous=yes deadline="2026-12-01 18:00"',
    );
  });
  afterEach(() => h.close());

  it('pg_dump between votes, xmin and ctid link no voter to a choice; old row versions are vacuumed', async () => {
    const votes: [string, number][] = [['김위원', 2], ['이위원', 1], ['박위원', 2], ['최위원', 3], ['정위원', 1]];
    let previous: { dump: string; ids: Set<string>; choices: Set<string> } | undefined;
    for (const [n, [name, option]] of votes.entries()) {
      expect(await h.say(`@${name} /poll vote 1 ${option}`)).toContain('투표했습니다');
      const dump = pgDump(h.databaseUrl);
      const ballots = await h.db.$queryRawUnsafe<{ id: number; choice: string; xmin: string; ctid: string }[]>(
        `SELECT "id", "choice", xmin::text AS xmin, ctid::text AS ctid FROM "PollBallot" WHERE "pollId" = 1 ORDER BY ctid`,
      );
      expect(ballots).toHaveLength(n + 1);
      // Sealed, all one length; the dump holds the same sealed strings and nothing in the clear.
      for (const b of ballots) {
        expect(b.choice).toMatch(/^b1\./);
        expect(b.choice).toHaveLength(SEALED_LENGTH);
        expect(dump).toContain(b.choice);
      }
      expect(dump).not.toMatch(/\[\d(,\d)*\]/);
      // One transaction wrote every live ballot: the latest vote's, as its participation row.
      const participation = await h.db.$queryRawUnsafe<{ memberId: number; xmin: string }[]>(
        `SELECT "memberId", xmin::text AS xmin FROM "PollParticipation" WHERE "pollId" = 1 ORDER BY "votedAt", "memberId"`,
      );
      expect(new Set(ballots.map((b) => b.xmin)).size).toBe(1);
      expect(ballots[0].xmin).toBe(participation.at(-1)!.xmin);
      // Nothing survives from the previous copy: no sealed string, no id.
      if (previous) {
        for (const b of ballots) {
          expect(previous.choices.has(b.choice)).toBe(false);
          expect(previous.ids.has(String(b.id))).toBe(false);
          expect(previous.dump).not.toContain(b.choice);
        }
      }
      previous = { dump, ids: new Set(ballots.map((b) => String(b.id))), choices: new Set(ballots.map((b) => b.choice)) };
    }

    // Dead row versions of earlier rewrites: after the bot's VACUUM none is left as a tuple.
    const inspect = await h.db.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pageinspect').then(
      () => true,
      () => false,
    );
    if (inspect) {
      const tuples = await h.db.$queryRawUnsafe<{ lp_flags: number; has_data: boolean }[]>(
        `SELECT lp_flags, t_data IS NOT NULL AS has_data FROM heap_page_items(get_raw_page('"PollBallot"', 0))`,
      );
      const withData = tuples.filter((t) => t.has_data);
      expect(withData).toHaveLength(votes.length);
      expect(withData.every((t) => Number(t.lp_flags) === 1)).toBe(true);
    }
    // The count is right all the same.
    const closed = await h.say('/poll close 1');
    expect(closed).toContain('이위원: 2');
    expect(closed).toContain('김위원: 2');
    expect(closed).toContain('박위원: 1');
  }, 60_000);
});
