/**
 * The TLS record framing MTProxy's fake-TLS mode carries the obfuscated2
 * stream in, after the fake handshake: application-data records
 * `17 03 03 <u16 length> <payload>`, the client's first one preceded by a
 * dummy ChangeCipherSpec record `14 03 03 00 01 01`, as TLS 1.3 middlebox
 * compatibility mode sends it (RFC 8446 §D.4). Nothing is encrypted at this
 * level: the payload already is obfuscated2 ciphertext.
 * https://www.rfc-editor.org/rfc/rfc8446#section-5.1
 *
 * Sans-IO, streaming: payload bytes are passed on as they arrive, so at most
 * a 5-byte record header is ever buffered.
 */
import { TransportError } from '../../errors.js';
import type { StreamLayer } from './handshake.js';

/** Largest record payload we send: TLSPlaintext.length ≤ 2^14 (RFC 8446 §5.1). */
export const MAX_TLS_RECORD = 16_384;
/** Largest record payload we accept: TLSCiphertext.length ≤ 2^14 + 256 (RFC 8446 §5.2). */
export const MAX_TLS_RECORD_IN = 16_384 + 256;

/** The dummy ChangeCipherSpec record. */
export const CHANGE_CIPHER_SPEC: Uint8Array = Uint8Array.of(0x14, 0x03, 0x03, 0x00, 0x01, 0x01);

const APP_DATA = 0x17;

/** Options of `createTlsRecordLayer`. */
export interface TlsRecordLayerOptions {
  /**
   * `client`: the first outgoing record is preceded by ChangeCipherSpec.
   * `server`: the first incoming bytes must be that ChangeCipherSpec.
   */
  side: 'client' | 'server';
  /** Largest payload per outgoing record (1..16 384; default 16 384). */
  maxRecord?: number;
}

/**
 * Record framing for one fake-TLS connection. `decode` throws
 * `TransportError` for anything but application data (or a record longer
 * than `MAX_TLS_RECORD_IN`).
 *
 * @example
 * ```ts
 * const records = createTlsRecordLayer({ side: 'client' });
 * socket.write(records.encode(obfuscatedBytes));
 * const stream = records.decode(chunkFromSocket);
 * ```
 */
export function createTlsRecordLayer(options: TlsRecordLayerOptions): StreamLayer {
  const maxRecord = options.maxRecord ?? MAX_TLS_RECORD;
  if (!Number.isInteger(maxRecord) || maxRecord < 1 || maxRecord > MAX_TLS_RECORD) {
    throw new TransportError(`fake-TLS: record size must be 1..${MAX_TLS_RECORD}, got ${maxRecord}`);
  }
  let firstOut = options.side === 'client';
  /** Bytes of ChangeCipherSpec still expected before the first record (server side). */
  let ccsLeft = options.side === 'server' ? CHANGE_CIPHER_SPEC.length : 0;
  const header = new Uint8Array(5);
  let headerHave = 0;
  /** Payload bytes left in the current record. */
  let left = 0;
  let failed = false;

  return {
    encode(data) {
      const records = Math.max(1, Math.ceil(data.length / maxRecord));
      const prefix = firstOut ? CHANGE_CIPHER_SPEC.length : 0;
      const out = new Uint8Array(prefix + records * 5 + data.length);
      if (firstOut) out.set(CHANGE_CIPHER_SPEC);
      firstOut = false;
      let o = prefix;
      for (let i = 0; i < records; i++) {
        const part = data.subarray(i * maxRecord, Math.min(data.length, (i + 1) * maxRecord));
        out[o] = APP_DATA;
        out[o + 1] = 0x03;
        out[o + 2] = 0x03;
        out[o + 3] = part.length >> 8;
        out[o + 4] = part.length & 0xff;
        out.set(part, o + 5);
        o += 5 + part.length;
      }
      return out;
    },
    decode(chunk) {
      if (failed) throw new TransportError('fake-TLS: the record stream already failed');
      const parts: Uint8Array[] = [];
      let i = 0;
      try {
        while (i < chunk.length) {
          if (ccsLeft > 0) {
            const at = CHANGE_CIPHER_SPEC.length - ccsLeft;
            if (chunk[i] !== CHANGE_CIPHER_SPEC[at]) throw new TransportError('fake-TLS: the client did not start with ChangeCipherSpec');
            ccsLeft--;
            i++;
          } else if (left > 0) {
            const n = Math.min(left, chunk.length - i);
            parts.push(chunk.subarray(i, i + n));
            left -= n;
            i += n;
          } else {
            header[headerHave++] = chunk[i++]!;
            if (headerHave < 5) continue;
            headerHave = 0;
            if (header[0] !== APP_DATA || header[1] !== 0x03 || header[2] !== 0x03) {
              throw new TransportError(
                `fake-TLS: expected an application-data record, got ${[...header.subarray(0, 3)].map((b) => b.toString(16).padStart(2, '0')).join(' ')}`,
              );
            }
            left = (header[3]! << 8) | header[4]!;
            if (left > MAX_TLS_RECORD_IN) throw new TransportError(`fake-TLS: record of ${left} bytes exceeds ${MAX_TLS_RECORD_IN}`);
          }
        }
      } catch (e) {
        failed = true;
        throw e;
      }
      if (parts.length === 1) return parts[0]!;
      let total = 0;
      for (const p of parts) total += p.length;
      const out = new Uint8Array(total);
      let o = 0;
      for (const p of parts) {
        out.set(p, o);
        o += p.length;
      }
      return out;
    },
  };
}
