/**
 * When is a permanent auth key really gone? The rule behind `Connection`'s
 * handling of transport error -404, pure so it can be tested on its own.
 *
 * Telegram answers -404 when it does not know the auth_key_id a message was
 * sent with (https://core.telegram.org/mtproto/mtproto-transports#transport-errors),
 * and a client must then make a new key. But transport error codes are not
 * authenticated: they are 4 plain bytes that anyone on the path can inject.
 * Discarding the permanent key on the first one would let an attacker log
 * the user out with an 8-byte packet. So a careful client confirms first:
 *
 * 1. A -404 makes the key *suspect*: the connection is dropped and reopened.
 * 2. Each fresh connection whose first answer is again -404 — before anything
 *    decrypted on it — is one confirmation.
 * 3. After `confirmations` (default 2) such confirmations in a row, with
 *    nothing decrypted in between, the key is declared lost.
 *
 * Any message that decrypts with the key proves the server knows it and
 * clears the suspicion. Only one -404 per connection counts. (Under PFS the
 * rule is not needed: a temporary key is simply replaced.)
 */

/** What a -404 means at this point. */
export type KeyLossVerdict = 'suspect' | 'lost' | 'ignored';

/**
 * Tracks -404s against one permanent key.
 *
 * @example
 * ```ts
 * const detector = new AuthKeyLossDetector();
 * detector.connectionOpened();
 * detector.notFound();           // 'suspect' — reconnect and see
 * ```
 */
export class AuthKeyLossDetector {
  private suspect = false;
  private confirmed = 0;
  private decryptedOnConnection = false;
  private countedOnConnection = false;

  constructor(private readonly confirmations = 2) {}

  /** A new connection starts (nothing decrypted on it yet). */
  connectionOpened(): void {
    this.decryptedOnConnection = false;
    this.countedOnConnection = false;
  }

  /** A message decrypted with the key: the server knows it. */
  decrypted(): void {
    this.decryptedOnConnection = true;
    this.suspect = false;
    this.confirmed = 0;
  }

  /** A -404 arrived on the current connection. */
  notFound(): KeyLossVerdict {
    if (this.countedOnConnection) return 'ignored';
    this.countedOnConnection = true;
    if (!this.suspect || this.decryptedOnConnection) {
      this.suspect = true;
      this.confirmed = 0;
      return 'suspect';
    }
    this.confirmed++;
    if (this.confirmed < this.confirmations) return 'suspect';
    this.suspect = false;
    this.confirmed = 0;
    return 'lost';
  }
}
