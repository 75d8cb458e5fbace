// The key that seals secret ballots. It never goes into the database, nor
// beside it: a copy of the data folder (a backup, a replica, a shared volume)
// must not open the ballots.
//
// Where it comes from, first match wins:
// 1. useBallotKey(db, key): set by whoever builds the app or by a test;
// 2. BALLOT_KEY in the environment (validated at start-up by src/config.ts;
//    loadConfig has already read .env into the environment). Slack and Discord
//    do not start without it (requireBallotKeyForChat);
// 3. the console on SQLite: the file `ballot.key` in the user's configuration
//    folder ($XDG_CONFIG_HOME/minkwan-bot, else ~/.config/minkwan-bot, 0700):
//    read if present, otherwise created once with 32 random bytes, 0600, and a
//    warning in the log saying where it is. A ballot.key left beside the
//    database by an older version is moved there once (logged), so its ballots
//    still open.
// A key that cannot be read, or a bad BALLOT_KEY, is an error: nothing is
// sealed or counted with a key that is not the intended one.
import { randomBytes } from 'node:crypto';
import { chmodSync, constants, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { BALLOT_KEY_HINT, parseBallotKey } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { databaseFile } from '../../db/dialect.ts';
import type { FeatureContext } from '../context.ts';

export const BALLOT_KEY_FILE = 'ballot.key';

/** $XDG_CONFIG_HOME/minkwan-bot/ballot.key (XDG Base Directory), else ~/.config/minkwan-bot/ballot.key. */
export function ballotKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(base, 'minkwan-bot', BALLOT_KEY_FILE);
}

const chosen = new WeakMap<object, Buffer>();
const resolved = new WeakMap<object, Promise<Buffer>>();

/** Uses this key for this database (instead of BALLOT_KEY or the key file). */
export function useBallotKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new Error('useBallotKey: a ballot key is 32 bytes');
  chosen.set(db, key);
  resolved.delete(db);
}

/** The ballot key for this database, resolved once per database client. */
export function ballotKey(ctx: Pick<FeatureContext, 'db' | 'logger'>): Promise<Buffer> {
  const explicit = chosen.get(ctx.db);
  if (explicit) return Promise.resolve(explicit);
  let key = resolved.get(ctx.db);
  if (!key) {
    key = resolveKey(ctx);
    resolved.set(ctx.db, key);
    key.catch(() => resolved.delete(ctx.db)); // a failure is retried next time (e.g. after the file is restored)
  }
  return key;
}

async function resolveKey({ db, logger }: Pick<FeatureContext, 'db' | 'logger'>): Promise<Buffer> {
  const fromEnv = process.env.BALLOT_KEY?.trim();
  if (fromEnv) {
    const key = parseBallotKey(fromEnv);
    if (!key) throw new Error(`BALLOT_KEY: ${BALLOT_KEY_HINT}`);
    return key;
  }
  const file = await databaseFile(db);
  if (file === undefined) {
    // PostgreSQL: every replica must seal and open with the same key, and the
    // key must not live in the database (or its backups).
    throw new Error(`BALLOT_KEY must be set when DATABASE_URL is PostgreSQL (every bot process needs the same key): ${BALLOT_KEY_HINT}`);
  }
  if (!file) {
    // An in-memory database lives and dies with the process; so may its key.
    return randomBytes(32);
  }
  const path = ballotKeyPath();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  chmodSync(dirname(path), 0o700); // whatever the umask, or an older folder's mode
  moveOldKeyFile(join(dirname(file), BALLOT_KEY_FILE), path, logger);
  const created = createKeyFile(path);
  const text = readFileSync(path, 'utf8');
  const key = parseBallotKey(text);
  if (!key) throw new Error(`${path}: not a ballot key — it ${BALLOT_KEY_HINT}. Restore the original file, or set BALLOT_KEY.`);
  if (created) {
    logger.warn(
      { path },
      'secret ballots are sealed with a new key in this file (BALLOT_KEY is not set): keep it outside database backups and do not lose it — open secret polls cannot be counted without it',
    );
  } else if ((statSync(path).mode & 0o077) !== 0) {
    logger.warn({ path }, 'the ballot key file can be read by other users: chmod 600 it');
  }
  return key;
}

/**
 * Older versions kept the key beside the database: moved to the configuration
 * folder once. When that folder already has a key, the same one beside the
 * database is a stray copy (removed); a different one is for the operator to
 * settle, since the ballots of this database may be sealed with either.
 */
function moveOldKeyFile(old: string, path: string, logger: FeatureContext['logger']): void {
  if (!existsSync(old)) return;
  if (!existsSync(path)) {
    try {
      renameSync(old, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // another process starting at the same time moved it
      if (code !== 'EXDEV') throw error;
      copyFileSync(old, path, constants.COPYFILE_EXCL); // another file system: copy, then remove
      unlinkSync(old);
    }
    chmodSync(path, 0o600);
    logger.warn({ from: old, to: path }, 'the ballot key was moved out of the database folder (backups of that folder no longer carry it)');
    return;
  }
  if (readFileSync(old, 'utf8').trim() === readFileSync(path, 'utf8').trim()) {
    unlinkSync(old);
    logger.warn({ removed: old, key: path }, 'a copy of the ballot key beside the database was removed');
    return;
  }
  throw new Error(
    `two different ballot keys: ${old} (beside the database, from an older version) and ${path}. Set BALLOT_KEY to the one this database's secret ballots were sealed with, then remove ${old}.`,
  );
}

/** Creates the key file unless it exists; atomic, so two processes starting at once agree on one key. */
function createKeyFile(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch {
    // absent: create below
  }
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(temp, 0o600); // whatever the umask
  try {
    linkSync(temp, path); // fails if another process created it first: theirs wins
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}
