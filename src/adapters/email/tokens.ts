// Unsubscribe tokens: an HMAC of the member id under a key derived (HKDF)
// from UNSUBSCRIBE_SECRET. Without the secret nobody can make a link for
// another member; the token never expires (mails are read late), and a new
// secret invalidates every old link (the mailto fallback still works).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** 32 base64url characters = 192 bits. */
const TOKEN_LENGTH = 32;

export class UnsubscribeTokens {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'minkwan-bot', 'email-unsubscribe/v1', 32));
  }

  sign(memberId: number): string {
    return createHmac('sha256', this.#key).update(`member:${memberId}`).digest('base64url').slice(0, TOKEN_LENGTH);
  }

  verify(memberId: number, token: string): boolean {
    if (!Number.isSafeInteger(memberId) || memberId <= 0 || typeof token !== 'string' || token.length !== TOKEN_LENGTH) return false;
    return timingSafeEqual(Buffer.from(this.sign(memberId)), Buffer.from(token));
  }
}

export const UNSUBSCRIBE_PATH = '/email/unsubscribe';

export function unsubscribeUrl(publicUrl: string, memberId: number, token: string): string {
  return `${publicUrl}${UNSUBSCRIBE_PATH}?m=${memberId}&t=${encodeURIComponent(token)}`;
}
