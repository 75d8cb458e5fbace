// Sealed ballots: the choice of a secret ballot as stored in PollBallot.choice.
//
// AES-256-GCM with a fresh random 96-bit nonce per write, the poll id as
// associated data (a sealed ballot cannot be moved to another poll), and the
// plaintext padded to a fixed length, so every sealed ballot of every kind has
// the same size: `b1.` + base64url(nonce ‖ ciphertext ‖ tag), 126 characters.
// Sealing the same choice twice gives unrelated strings, so a ballot rewritten
// with a new nonce cannot be recognised from its old copy without the key.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'b1.';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** Every choice JSON is padded to this many bytes (ranked over 10 options, the longest, is 21). */
export const SEALED_PLAINTEXT_BYTES = 64;
/** The stored length of every sealed ballot. */
export const SEALED_LENGTH = PREFIX.length + Math.ceil(((NONCE_BYTES + SEALED_PLAINTEXT_BYTES + TAG_BYTES) * 4) / 3);

/** A stored ballot that does not open with the configured key (wrong key, or changed bytes). */
export class BallotSealError extends Error {
  override name = 'BallotSealError';
}

const aad = (pollId: number) => Buffer.from(`poll:${pollId}`, 'utf8');

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** Seals a choice (its JSON text) for one poll. */
export function sealChoice(key: Buffer, pollId: number, choiceJson: string): string {
  const body = Buffer.from(choiceJson, 'utf8');
  if (body.length > SEALED_PLAINTEXT_BYTES) throw new Error(`sealChoice: a choice of ${body.length} bytes does not fit the ${SEALED_PLAINTEXT_BYTES}-byte padding`);
  // Trailing spaces: JSON.parse ignores them, so no length field is needed.
  const plain = Buffer.alloc(SEALED_PLAINTEXT_BYTES, 0x20);
  body.copy(plain);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(pollId));
  const sealed = Buffer.concat([nonce, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return PREFIX + sealed.toString('base64url');
}

/**
 * The choice JSON of a stored ballot. A ballot written before sealing (plain
 * JSON, `[1]`) is read as it is; the next vote in its poll seals it.
 * Throws BallotSealError when a sealed ballot does not open with `key`.
 */
export function openChoice(key: Buffer, pollId: number, stored: string): string {
  if (!isSealed(stored)) {
    if (/^\[[\d,]*\]$/.test(stored)) return stored;
    throw new BallotSealError(`poll #${pollId}: a ballot is neither sealed nor a plain choice`);
  }
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (raw.length !== NONCE_BYTES + SEALED_PLAINTEXT_BYTES + TAG_BYTES) throw new BallotSealError(`poll #${pollId}: a sealed ballot has the wrong length`);
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, NONCE_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(aad(pollId));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8').trimEnd();
  } catch {
    throw new BallotSealError(
      `poll #${pollId}: a sealed ballot does not open with the configured ballot key (BALLOT_KEY, or ballot.key in the configuration folder) — it is not the key the ballots were sealed with, or the row was altered. Nothing was counted; restore the original key and run the close again.`,
    );
  }
}
