/**
 * How FSM values become the strings a {@link StateStorage} keeps: JSON, with
 * bigints (Telegram ids) written as `{"$bigint":"123"}` so they come back as
 * bigints, and a size bound so a handler that stores a runaway object gets a
 * typed error instead of filling Redis.
 */
import { SessionError } from '../errors.js';

/** Default upper bound of one encoded state value (64 KiB). */
export const MAX_STATE_BYTES = 64 * 1024;

const BIGINT_TAG = '$bigint';

/** Encodes a state value (plain objects, arrays, strings, numbers, booleans, null, bigint). */
export function encodeStateValue(value: unknown, maxBytes = MAX_STATE_BYTES): string {
  let text: string;
  try {
    text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { [BIGINT_TAG]: v.toString() } : v));
  } catch (e) {
    throw new SessionError(`FSM state is not serializable: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (text === undefined) throw new SessionError('FSM state is not serializable (undefined or a function)');
  // UTF-16 length is a cheap upper-bound proxy for the byte count until it is near the limit.
  if (text.length > maxBytes / 3 && new TextEncoder().encode(text).length > maxBytes) {
    throw new SessionError(`FSM state is larger than ${maxBytes} bytes`);
  }
  return text;
}

/** Decodes what {@link encodeStateValue} wrote; corrupt text is a {@link SessionError}. */
export function decodeStateValue(text: string): unknown {
  try {
    return JSON.parse(text, (_key, v: unknown) => {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        const tag = (v as Record<string, unknown>)[BIGINT_TAG];
        if (typeof tag === 'string' && Object.keys(v).length === 1 && /^-?\d+$/.test(tag)) return BigInt(tag);
      }
      return v;
    });
  } catch {
    throw new SessionError('FSM storage: stored state is corrupt (not JSON)');
  }
}
