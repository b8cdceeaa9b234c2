/**
 * The quick ACK token of an encrypted client packet
 * (https://core.telegram.org/mtproto/mtproto-transports#quick-ack): a client
 * that sets the length's most significant bit asks the server to confirm
 * receipt at once, with the first 32 bits of msg_key_large =
 * SHA256(substr(auth_key, 88 + x, 32) ‖ plaintext ‖ padding) (x = 0 for
 * client messages, https://core.telegram.org/mtproto/description#defining-aes-key-and-initialization-vector)
 * read as a little-endian integer, with its most significant bit set.
 */
import type { CryptoProvider } from '../../crypto/provider.js';

/** The token for a client packet whose decrypted data (padding included) is `plaintext`. */
export function quickAckToken(crypto: CryptoProvider, authKey: Uint8Array, plaintext: Uint8Array): number {
  const h = crypto.sha256([authKey.subarray(88, 120), plaintext]);
  return (h[0]! | (h[1]! << 8) | (h[2]! << 16) | (h[3]! << 24) | 0x80000000) >>> 0;
}
