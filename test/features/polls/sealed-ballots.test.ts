// Sealed secret ballots against an attacker who copies the database file
// (and its WAL) after every vote: backups, a replica, a shared volume.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes, randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BALLOT_KEY_FILE, ballotKey, ballotKeyPath, useBallotKey } from '../../../src/features/polls/ballot-key.ts';
import { BallotSealError, openChoice, SEALED_LENGTH, sealChoice } from '../../../src/features/polls/sealed-ballot.ts';
import { loadConfig, parseBallotKey } from '../../../src/config.ts';
import { createHarness, type Harness } from '../../support/harness.ts';
import { onPostgres, TEMPLATE_DB, TEST_TMP } from '../../support/paths.ts';

const VOTERS = ['김위원', '이위원', '박위원', '최위원', '정위원'] as const;
/** Who chooses what: 1 가안, 2 나안, 3 다안. */
const CHOICES: Record<(typeof VOTERS)[number], number> = { 김위원: 1, 이위원: 2, 박위원: 1, 최위원: 3, 정위원: 2 };

let h: Harness;
let dir: string;
let dbFile: string;
/** This test's key file: $XDG_CONFIG_HOME/minkwan-bot/ballot.key, in the test's own folder. */
let keyFile: string;
const runConfigHome = process.env.XDG_CONFIG_HOME;

beforeEach(async () => {
  // A folder of its own for the database and for the configuration folder the key file goes in.
  dir = join(TEST_TMP, `sealed-${randomUUID()}`);
  mkdirSync(dir);
  dbFile = join(dir, 'data', 'bot.db');
  mkdirSync(dirname(dbFile));
  copyFileSync(TEMPLATE_DB, dbFile);
  process.env.XDG_CONFIG_HOME = join(dir, 'config');
  keyFile = ballotKeyPath();
  h = await createHarness({ databaseUrl: `file:${dbFile}` }); // 2026-11-25 10:00 KST
  await h.run(
    '/org add 보장협의체 모라3동지역사회보장협의체 dong=모라3동',
    ...VOTERS.map((name) => `/member add ${name}`),
    ...VOTERS.map((name) => `/council seat ${name} council=모라3동지역사회보장협의체 seat=member from=2026-01-01`),
    ...VOTERS.map((name) => `@${name} /member me`),
  );
});
afterEach(async () => {
  await h.close();
  process.env.XDG_CONFIG_HOME = runConfigHome;
  rmSync(dir, { recursive: true, force: true });
});

interface Snapshot {
  /** The database file and its WAL, as copied. */
  bytes: Buffer;
  ballots: { id: number; pollId: number; memberId: number | null; choice: string }[];
  participation: { memberId: number; votedAt: number | string }[];
  tables: Record<string, unknown[]>;
}

/** Copies bot.db (and bot.db-wal) as a backup would, then reads the copy's raw rows without the bot. */
function snapshot(label: string): Snapshot {
  const copy = join(dir, `copy-${label}.db`);
  copyFileSync(dbFile, copy);
  if (existsSync(`${dbFile}-wal`)) copyFileSync(`${dbFile}-wal`, `${copy}-wal`);
  const bytes = Buffer.concat([readFileSync(copy), existsSync(`${copy}-wal`) ? readFileSync(`${copy}-wal`) : Buffer.alloc(0)]);
  const raw = new Database(copy);
  try {
    const tables = Object.fromEntries(
      (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => [t.name, raw.prepare(`SELECT * FROM "${t.name}"`).all()]),
    );
    return {
      bytes,
      ballots: raw.prepare('SELECT * FROM "PollBallot" ORDER BY rowid').all() as Snapshot['ballots'],
      participation: raw.prepare('SELECT * FROM "PollParticipation" ORDER BY rowid').all() as Snapshot['participation'],
      tables,
    };
  } finally {
    raw.close();
  }
}

const occurrences = (haystack: Buffer, needle: string) => {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
};

const SECRET_POLL = `/poll create question="민간위원장 후보 추천" options="가안,나안,다안" voters=council:모라3동지역사회보장협의체 kind=single anonymous=yes deadline="2026-12-01 18:00"`;

// SQLite files and the key file next to them (the PostgreSQL run sets BALLOT_KEY; its ballots: test/db/postgres-ballots.test.ts).
describe.skipIf(onPostgres)('sealed secret ballots', () => {
  it('copies of the database taken after each of 5 votes link no voter to a choice', async () => {
    expect(await h.say(SECRET_POLL)).toContain('투표 #1');
    const snapshots = [snapshot('0')];
    for (const name of VOTERS) {
      expect(await h.say(`@${name} /poll vote 1 ${CHOICES[name]}`)).toContain('투표했습니다');
      snapshots.push(snapshot(name));
    }

    const plainChoices = ['[0]', '[1]', '[2]'];
    for (const [k, snap] of snapshots.entries()) {
      // Who took part, and when, is visible: one more participation row per vote.
      expect(snap.participation).toHaveLength(k);
      // One more ballot per vote: no member, every one sealed and of the same length.
      expect(snap.ballots).toHaveLength(k);
      for (const ballot of snap.ballots) {
        expect(ballot.memberId).toBeNull();
        expect(ballot.choice).toMatch(/^b1\.[A-Za-z0-9_-]+$/);
        expect(ballot.choice).toHaveLength(SEALED_LENGTH);
      }
      // Nowhere in the copy (any table, the file's free space, the WAL) is a
      // choice in plain text: no more `[0]`/`[1]`/`[2]` than before anyone voted.
      for (const plain of plainChoices) expect(occurrences(snap.bytes, plain), `${plain} in copy ${k}`).toBe(occurrences(snapshots[0].bytes, plain));
      // Nothing stored before the close counts votes per option.
      const poll = (snap.tables.Poll as { result: string | null }[])[0];
      expect(poll.result).toBeNull();
      // The audit rows say who voted, never what.
      for (const row of snap.tables.AuditLog as { action: string; detail: string | null }[]) if (row.action === 'poll.vote') expect(row.detail).toBeNull();
    }

    for (let k = 1; k < snapshots.length; k++) {
      const before = snapshots[k - 1];
      const after = snapshots[k];
      // The diff names the voter (a new participation row) ...
      const newVoter = after.participation.filter((p) => !before.participation.some((q) => q.memberId === p.memberId));
      expect(newVoter).toHaveLength(1);
      // ... but not the ballot: every ballot is new (fresh ids, fresh ciphertexts), so
      // no ballot of the earlier copy survives to single out the one that was added.
      const idsBefore = new Set(before.ballots.map((b) => b.id));
      const choicesBefore = new Set(before.ballots.map((b) => b.choice));
      expect(after.ballots.filter((b) => idsBefore.has(b.id))).toEqual([]);
      expect(after.ballots.filter((b) => choicesBefore.has(b.choice))).toEqual([]);
      // Not even as leftovers in the bytes: deleted cells are zeroed and the WAL is folded in.
      for (const old of choicesBefore) expect(after.bytes.includes(old), `a ballot of copy ${k - 1} in copy ${k}`).toBe(false);
    }
    // No ciphertext appears in two copies at all.
    const all = snapshots.flatMap((s) => s.ballots.map((b) => b.choice));
    expect(new Set(all).size).toBe(all.length);

    // The key is not in any copy, neither as bytes nor as text; without it nothing opens.
    const key = await ballotKey(h.app.context());
    const keyText = readFileSync(keyFile, 'utf8').trim();
    expect(parseBallotKey(keyText)).toEqual(key);
    const last = snapshots[snapshots.length - 1];
    for (const snap of snapshots) {
      expect(snap.bytes.includes(key)).toBe(false);
      expect(snap.bytes.includes(keyText)).toBe(false);
    }
    const guess = randomBytes(32);
    for (const ballot of last.ballots) expect(() => openChoice(guess, 1, ballot.choice)).toThrow(BallotSealError);

    // The close opens them with the key: the count is right.
    const closed = await h.say('/poll close 1');
    expect(closed).toContain('가안: 2');
    expect(closed).toContain('나안: 2');
    expect(closed).toContain('다안: 1');

    // What the key adds (README threat model): from ONE copy, the choices, still with no voter.
    expect(last.ballots.map((b) => openChoice(key, 1, b.choice)).sort()).toEqual(['[0]', '[0]', '[1]', '[1]', '[2]']);
    // But with the key AND copies between votes, the difference of two copies' opened
    // choices is the new voter's choice: only the key's holder can do this, so keep the
    // key away from wherever database copies go.
    const opened = (snap: Snapshot) => snap.ballots.map((b) => openChoice(key, 1, b.choice));
    const added = [...opened(snapshots[2])];
    for (const c of opened(snapshots[1])) added.splice(added.indexOf(c), 1);
    expect(added).toEqual([`[${CHOICES.이위원 - 1}]`]);
  });

  it('the key file is created once, 0600, in the user configuration folder (0700), not beside the database nor in it', async () => {
    await ballotKey(h.app.context());
    expect(keyFile).toBe(join(dir, 'config', 'minkwan-bot', BALLOT_KEY_FILE));
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(keyFile)).mode & 0o777).toBe(0o700);
    // A backup of the data folder carries no key.
    expect(existsSync(join(dirname(dbFile), BALLOT_KEY_FILE))).toBe(false);
    const rows = JSON.stringify(snapshot('k').tables);
    expect(rows).not.toContain(readFileSync(keyFile, 'utf8').trim());
  });

  it('without XDG_CONFIG_HOME the folder is ~/.config/minkwan-bot', () => {
    expect(ballotKeyPath({})).toBe(join(homedir(), '.config', 'minkwan-bot', BALLOT_KEY_FILE));
    expect(ballotKeyPath({ XDG_CONFIG_HOME: '/etc/xdg-user' })).toBe('/etc/xdg-user/minkwan-bot/ballot.key');
  });

  it('a key file an older version left beside the database is moved once, and its ballots still open', async () => {
    await h.say(SECRET_POLL);
    const old = join(dirname(dbFile), BALLOT_KEY_FILE);
    const oldKey = randomBytes(32);
    writeFileSync(old, `${oldKey.toString('base64')}\n`, { mode: 0o600 });
    useBallotKey(h.db, oldKey);
    for (const name of VOTERS) await h.say(`@${name} /poll vote 1 ${CHOICES[name]}`);
    await h.close();

    // The next start, as the older version left it: no BALLOT_KEY, the key beside the database.
    h = await createHarness({ databaseUrl: `file:${dbFile}` });
    expect(await ballotKey(h.app.context())).toEqual(oldKey);
    expect(existsSync(old)).toBe(false);
    expect(parseBallotKey(readFileSync(keyFile, 'utf8'))).toEqual(oldKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const closed = await h.say('/poll close 1');
    expect(closed).toContain('가안: 2');
    expect(closed).toContain('다안: 1');
  });

  it('two different keys (beside the database and in the configuration folder): an error naming both, nothing guessed', async () => {
    await ballotKey(h.app.context());
    const old = join(dirname(dbFile), BALLOT_KEY_FILE);
    writeFileSync(old, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    await h.close();
    h = await createHarness({ databaseUrl: `file:${dbFile}` });
    await expect(ballotKey(h.app.context())).rejects.toThrow(/two different ballot keys: .*ballot\.key.*Set BALLOT_KEY/);
    expect(existsSync(old)).toBe(true);
  });

  it('a wrong key at the close fails the close loudly and counts nothing; the right key counts', async () => {
    await h.say(SECRET_POLL);
    for (const name of VOTERS) await h.say(`@${name} /poll vote 1 ${CHOICES[name]}`);
    const right = await ballotKey(h.app.context());
    useBallotKey(h.db, randomBytes(32));

    h.clock.set('2026-12-01T09:00:00Z'); // the deadline, 18:00 KST
    const tick = await h.app.scheduler.tick();
    expect(tick.failed + tick.ran).toBeGreaterThan(0);
    const job = await h.db.job.findFirstOrThrow({ where: { key: 'poll-close:1' } });
    expect(job.lastError).toContain('does not open with the configured ballot key');
    // Still open, no result, nothing announced: never a count of garbage.
    expect(await h.db.poll.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ status: 'open', result: null });
    await h.drain('console');
    expect(h.consoleOutput()).not.toContain('결과');
    // Votes after the deadline are still refused.
    expect(await h.say('@김위원 /poll vote 1 1')).toContain('마감되었습니다');

    useBallotKey(h.db, right);
    h.clock.set(job.dueAt);
    await h.app.scheduler.tick();
    expect(await h.db.poll.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ status: 'closed' });
    await h.drain('console');
    expect(h.consoleOutput()).toContain('가안: 2');
  });

  it('a vote with a wrong key is refused rather than mixing keys', async () => {
    await h.say(SECRET_POLL);
    await h.say('@김위원 /poll vote 1 1');
    useBallotKey(h.db, randomBytes(32));
    expect(await h.say('@이위원 /poll vote 1 2')).not.toContain('투표했습니다');
    expect(await h.db.pollParticipation.count()).toBe(1);
  });

  it('ballots stored before sealing are read, and sealed by the next vote', async () => {
    await h.say(SECRET_POLL);
    // As an older version stored them: plain JSON.
    await h.db.pollBallot.create({ data: { id: 12345, pollId: 1, memberId: null, choice: '[2]' } });
    await h.db.pollParticipation.create({ data: { pollId: 1, memberId: (await h.db.member.findFirstOrThrow({ where: { name: '최위원' } })).id, votedAt: new Date() } });
    await h.say('@김위원 /poll vote 1 1');
    const ballots = await h.db.pollBallot.findMany({ where: { pollId: 1 } });
    expect(ballots.every((b) => b.choice.startsWith('b1.'))).toBe(true);
    const closed = await h.say('/poll close 1');
    expect(closed).toContain('가안: 1');
    expect(closed).toContain('다안: 1');
  });

  it('named polls keep plain choices (the ballot names its voter by design)', async () => {
    await h.say(SECRET_POLL.replace('anonymous=yes', 'anonymous=no'));
    await h.say('@김위원 /poll vote 1 2');
    expect(await h.db.pollBallot.findFirstOrThrow({ where: { pollId: 1 } })).toMatchObject({ choice: '[1]' });
  });

  it('a sealed ballot opens only in its own poll, and every choice seals to the same length', () => {
    const key = randomBytes(32);
    const ranked = sealChoice(key, 7, JSON.stringify([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]));
    const single = sealChoice(key, 7, '[0]');
    expect(ranked).toHaveLength(SEALED_LENGTH);
    expect(single).toHaveLength(SEALED_LENGTH);
    expect(sealChoice(key, 7, '[0]')).not.toBe(single);
    expect(openChoice(key, 7, ranked)).toBe('[9,8,7,6,5,4,3,2,1,0]');
    expect(() => openChoice(key, 8, single)).toThrow(BallotSealError);
    expect(() => openChoice(key, 7, 'garbage')).toThrow(BallotSealError);
  });

  it('BALLOT_KEY is checked at start-up with a clear error', () => {
    const key = randomBytes(32);
    expect(loadConfig({ BALLOT_KEY: key.toString('hex') }).ballotKey).toEqual(key);
    expect(loadConfig({ BALLOT_KEY: key.toString('base64') }).ballotKey).toEqual(key);
    expect(loadConfig({ BALLOT_KEY: key.toString('base64url') }).ballotKey).toEqual(key);
    expect(loadConfig({}).ballotKey).toBeUndefined();
    expect(() => loadConfig({ BALLOT_KEY: 'secret' })).toThrow(/BALLOT_KEY: must be 32 random bytes as 64 hex digits or 44 base64 characters/);
    expect(() => loadConfig({ BALLOT_KEY: randomBytes(16).toString('base64') })).toThrow(/BALLOT_KEY/);
  });
});
