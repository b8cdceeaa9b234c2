/**
 * Outgoing gzip_packed (https://core.telegram.org/mtproto/service_messages#packed-object):
 * an RPC query may be sent gzipped. The session packs a query when it is
 * large enough to be worth it and the packed form is actually smaller.
 * (Incoming gzip_packed is inflated by the TL codec and rpc-result.ts.)
 */
import { encode } from '../../tl/codec/index.js';
// node:zlib on Node, pako elsewhere (`#platform/zlib`).
import { nativeGzip } from '../../platform/node/zlib.js';

/** Queries at least this long are tried (bytes). */
export const DEFAULT_GZIP_THRESHOLD = 512;

/**
 * Methods whose payload is already compressed media — uploads, and the
 * results of downloads (the server side passes the method of the result):
 * never worth packing.
 */
const NEVER_PACK: ReadonlySet<string> = new Set([
  'upload.saveFilePart',
  'upload.saveBigFilePart',
  'upload.getFile',
  'upload.getCdnFile',
  'upload.getWebFile',
]);

/**
 * `body` as a gzip_packed object when that saves at least 16 bytes,
 * otherwise `body` itself.
 *
 * @param method  the query's name, to skip uploads of already-compressed data
 */
export function maybeGzip(body: Uint8Array, threshold: number, method = ''): Uint8Array {
  if (body.length < threshold || NEVER_PACK.has(method)) return body;
  const packed = encode({ _: 'gzip_packed', packed_data: nativeGzip(body) });
  return packed.length + 16 <= body.length ? packed : body;
}
