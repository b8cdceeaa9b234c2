/**
 * Unsigned LEB128 varints (7 bits a byte, low bits first, the high bit set
 * on every byte but the last): the compact schema table
 * (schema-table.ts) and WebAssembly binaries
 * (https://webassembly.github.io/spec/core/binary/values.html#integers) use
 * them. Values up to 2^53 are exact.
 */
import { TlError } from '../../errors.js';

/** Appends `v` (a whole number ≥ 0) to `out`. */
export function writeUvarint(out: number[], v: number): void {
  if (v < 0 || !Number.isInteger(v)) throw new TlError(`cannot write ${v} as an unsigned varint`);
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

/** A cursor reading varints from `bytes`. Past the end it reads 0 (callers check `pos` against the length). */
export class UvarintReader {
  constructor(
    readonly bytes: Uint8Array,
    /** Offset of the next byte. */
    public pos = 0,
  ) {}

  /** The next varint. */
  next(): number {
    const b = this.bytes;
    let p = this.pos;
    let x = b[p++]!;
    let v = x & 0x7f;
    for (let mul = 128; x & 0x80; mul *= 128) {
      x = b[p++]!;
      v += (x & 0x7f) * mul;
    }
    this.pos = p;
    return v;
  }
}
