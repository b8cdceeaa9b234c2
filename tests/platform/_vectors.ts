/**
 * Fixed vectors shared by the Node and web tests of the platform layer.
 */
import { unhex } from '../_hex.js';

/** The text of {@link GZIP_VECTOR}: a TL line repeated eight times (392 bytes). */
export const GZIP_TEXT = new TextEncoder().encode('gzip_packed#3072cfa1 packed_data:bytes = Object; '.repeat(8));

/** `zlib.gzipSync(GZIP_TEXT, { level: 9 })` as Node 20's node:zlib wrote it (70 bytes). */
export const GZIP_VECTOR = unhex(
  '1f8b08000000000002034bafca2c882f484cce4e4d51363630374a4e4b345480f0e353124b12ad922a4b528b156c15fc93b252934bac15d24735d04203002d9a26bc88010000',
);

/** What every web stub says, for `what`. */
export function notAvailableText(what: string): string {
  return `${what} is not available under the "browser", "workerd" and "worker" conditions of wasmgram`;
}
