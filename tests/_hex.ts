/**
 * The tests' one hex helper: vectors are written as the specs print them
 * (spaces and line breaks allowed), results compared as lowercase hex.
 */

/** Lowercase hex of `b`. */
export function hex(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');
}

/** Parses hex; whitespace is ignored so vectors can be pasted as printed. Several parts are joined. */
export function unhex(...parts: string[]): Uint8Array {
  const clean = parts.join('').replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) throw new Error(`bad hex in test vector: ${parts.join('')}`);
  return new Uint8Array(Buffer.from(clean, 'hex'));
}
