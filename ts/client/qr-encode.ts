/**
 * A small QR code encoder (ISO/IEC 18004:2015) for QR login: byte mode only,
 * error correction level L or M, versions 1–10 (up to 271 bytes at L, 213
 * at M — a `tg://login?token=...` link is about 60), the mask with the
 * lowest penalty score. No dependency. The CLI draws the matrix in the
 * terminal (ts/cli/qr-render.ts), the browser example as SVG.
 *
 * Steps, each named for its clause: data bits (7.4: mode indicator,
 * character count, data, terminator, pad codewords), Reed–Solomon error
 * correction per block over GF(256) with the polynomial 0x11D (7.5), block
 * interleaving (7.6), function patterns and module placement (7.7), masks and
 * their penalty (7.8), format and version information (7.9, 7.10).
 *
 * @example
 * ```ts
 * const qr = encodeQr('tg://login?token=abc', { ecc: 'M' });
 * qr.size;            // 21 + 4 × (version − 1)
 * qr.dark(0, 0);      // true: the top-left finder's corner
 * ```
 */
import { ArgumentError } from '../errors.js';

/** Error correction level: L recovers ~7 % of the codewords, M ~15 %. */
export type QrEcc = 'L' | 'M';

/** A QR symbol: `size` × `size` modules. */
export interface QrCode {
  readonly version: number;
  readonly ecc: QrEcc;
  /** The mask pattern chosen (0–7). */
  readonly mask: number;
  readonly size: number;
  /** True when the module in row `y`, column `x` is dark. */
  dark(x: number, y: number): boolean;
}

/** Options of `encodeQr`. */
export interface QrOptions {
  /** Error correction level (default 'M'). */
  ecc?: QrEcc;
  /** Smallest version to use (default 1); the smallest that fits from there is chosen. */
  minVersion?: number;
  /** A fixed mask 0–7 instead of the lowest-penalty one (for tests against other encoders). */
  mask?: number;
}

/** The highest version this encoder makes. */
export const QR_MAX_VERSION = 10;

// Table 9 of the standard, versions 1–10: error correction codewords per block, and number of blocks.
const EC_PER_BLOCK: Record<QrEcc, readonly number[]> = {
  L: [7, 10, 15, 20, 26, 18, 20, 24, 30, 18],
  M: [10, 16, 26, 18, 24, 16, 18, 22, 22, 26],
};
const BLOCKS: Record<QrEcc, readonly number[]> = {
  L: [1, 1, 1, 1, 1, 2, 2, 2, 2, 4],
  M: [1, 1, 1, 2, 2, 4, 4, 4, 5, 5],
};
// Annex E: row/column centres of the alignment patterns, versions 2–10.
const ALIGNMENT: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];
// Format information: the level's two bits (7.9.1: L = 01, M = 00).
const ECC_BITS: Record<QrEcc, number> = { L: 1, M: 0 };

/** Codewords (data + error correction) a version holds: its modules less every function pattern, in bytes. */
function totalCodewords(version: number): number {
  const size = 17 + 4 * version;
  let modules = size * size - 3 * 64 - 2 * (size - 16) - 31; // finders with separators, timing, format info + dark module
  const n = ALIGNMENT[version - 1]!.length;
  if (n > 0) modules -= 25 * (n * n - 3) - 2 * 5 * (n - 2); // alignment patterns, less their 5 modules on each timing line
  if (version >= 7) modules -= 36; // version information
  return Math.floor(modules / 8);
}

/** Data codewords of `version` at `ecc`. */
function dataCodewords(version: number, ecc: QrEcc): number {
  return totalCodewords(version) - EC_PER_BLOCK[ecc][version - 1]! * BLOCKS[ecc][version - 1]!;
}

/** Bytes that fit in byte mode at `version` and `ecc` (4-bit mode + 8- or 16-bit count). */
export function qrCapacity(version: number, ecc: QrEcc): number {
  return Math.floor((dataCodewords(version, ecc) * 8 - 4 - (version < 10 ? 8 : 16)) / 8);
}

// GF(256) with the primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), as 7.5.2 defines.
const EXP = new Uint8Array(512);
const LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i++) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]!;
}
const mul = (a: number, b: number) => (a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!);

/** The generator polynomial (x − α^0)(x − α^1)…(x − α^(n−1)), highest degree first without its leading 1. */
function generator(n: number): Uint8Array {
  let g = new Uint8Array([1]);
  for (let i = 0; i < n; i++) {
    const next = new Uint8Array(g.length + 1);
    for (let j = 0; j < g.length; j++) {
      next[j] = next[j]! ^ g[j]!;
      next[j + 1] = next[j + 1]! ^ mul(g[j]!, EXP[i]!);
    }
    g = next;
  }
  return g.subarray(1);
}

/** The `n` error correction codewords of `data`: the remainder of data·x^n divided by the generator. */
function reedSolomon(data: Uint8Array, n: number): Uint8Array {
  const g = generator(n);
  const rem = new Uint8Array(n);
  for (const byte of data) {
    const factor = byte ^ rem[0]!;
    rem.copyWithin(0, 1);
    rem[n - 1] = 0;
    for (let i = 0; i < n; i++) rem[i] = rem[i]! ^ mul(g[i]!, factor);
  }
  return rem;
}

/** Data bits of 7.4 for byte mode, padded to the version's data codewords. */
function dataBits(bytes: Uint8Array, version: number, ecc: QrEcc): Uint8Array {
  const capacity = dataCodewords(version, ecc);
  const out = new Uint8Array(capacity);
  let bit = 0;
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i--, bit++) if ((value >>> i) & 1) out[bit >>> 3] = out[bit >>> 3]! | (0x80 >>> (bit & 7));
  };
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const b of bytes) put(b, 8);
  put(0, Math.min(4, capacity * 8 - bit)); // terminator
  bit = (bit + 7) & ~7;
  // 7.4.10: pad codewords 11101100 and 00010001, alternately.
  for (let i = bit >>> 3, pad = 0xec; i < capacity; i++, pad ^= 0xec ^ 0x11) out[i] = pad;
  return out;
}

/** The final codeword sequence of 7.6: data blocks then their error correction, each interleaved. */
function codewords(data: Uint8Array, version: number, ecc: QrEcc): Uint8Array {
  const blocks = BLOCKS[ecc][version - 1]!;
  const ecLen = EC_PER_BLOCK[ecc][version - 1]!;
  const total = totalCodewords(version);
  const shortLen = Math.floor(total / blocks) - ecLen; // the longer blocks (at the end) hold one more data codeword
  const longFrom = blocks - (total % blocks);
  const dataBlocks: Uint8Array[] = [];
  const ecBlocks: Uint8Array[] = [];
  for (let b = 0, at = 0; b < blocks; b++) {
    const len = shortLen + (b >= longFrom ? 1 : 0);
    const block = data.subarray(at, at + len);
    at += len;
    dataBlocks.push(block);
    ecBlocks.push(reedSolomon(block, ecLen));
  }
  const out = new Uint8Array(total);
  let k = 0;
  for (let i = 0; i <= shortLen; i++) for (const block of dataBlocks) if (i < block.length) out[k++] = block[i]!;
  for (let i = 0; i < ecLen; i++) for (const block of ecBlocks) out[k++] = block[i]!;
  return out;
}

/** BCH remainder of `value` (shifted by the generator's degree) for format (0x537) and version (0x1F25) information. */
function bch(value: number, poly: number, degree: number): number {
  let r = value << degree;
  for (let i = 31 - Math.clz32(r); i >= degree; i--) if ((r >>> i) & 1) r ^= poly << (i - degree);
  return (value << degree) | r;
}

/** The eight mask conditions of 7.8.2 (i = row, j = column): true where the module is inverted. */
const MASKS: readonly ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i + j) % 2) + ((i * j) % 3)) % 2 === 0,
];

class Matrix {
  readonly modules: Uint8Array;
  /** 1 where a function pattern (or format / version area) sits: data never goes there and masks skip it. */
  readonly reserved: Uint8Array;
  constructor(readonly size: number) {
    this.modules = new Uint8Array(size * size);
    this.reserved = new Uint8Array(size * size);
  }
  set(x: number, y: number, dark: boolean, reserve = true): void {
    this.modules[y * this.size + x] = dark ? 1 : 0;
    if (reserve) this.reserved[y * this.size + x] = 1;
  }
  get(x: number, y: number): boolean {
    return this.modules[y * this.size + x] === 1;
  }
}

/** Finder patterns with separators, timing patterns, alignment patterns, the dark module, and the reserved format / version areas. */
function drawFunctionPatterns(m: Matrix, version: number): void {
  const size = m.size;
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ] as const) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx;
        const y = cy + dy;
        if (x < 0 || y < 0 || x >= size || y >= size) continue;
        const d = Math.max(Math.abs(dx), Math.abs(dy));
        m.set(x, y, d !== 2 && d !== 4);
      }
    }
  }
  for (let i = 8; i < size - 8; i++) {
    m.set(i, 6, i % 2 === 0);
    m.set(6, i, i % 2 === 0);
  }
  const centres = ALIGNMENT[version - 1]!;
  for (const cy of centres) {
    for (const cx of centres) {
      // Not over the finders (the three corners).
      if ((cx === 6 && cy === 6) || (cx === 6 && cy === centres.at(-1)) || (cy === 6 && cx === centres.at(-1))) continue;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) m.set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  }
  drawFormat(m, 0, 0); // reserve; the real bits come once the mask is known
  m.set(8, size - 8, true); // the dark module (7.9.1)
  if (version >= 7) {
    const bits = bch(version, 0x1f25, 12);
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = size - 11 + (i % 3);
      const b = Math.floor(i / 3);
      m.set(a, b, dark);
      m.set(b, a, dark);
    }
  }
}

/** The 15 format bits (level + mask, BCH, XOR 0x5412) in both copies (7.9). */
function drawFormat(m: Matrix, eccBits: number, mask: number): void {
  const size = m.size;
  const bits = bch((eccBits << 3) | mask, 0x537, 10) ^ 0x5412;
  const bit = (i: number) => ((bits >>> i) & 1) === 1;
  // Around the top-left finder: bits 0–5 down column 8, 6–7 skip the timing row, 8 at the corner, 9–14 along row 8.
  for (let i = 0; i <= 5; i++) m.set(8, i, bit(i));
  m.set(8, 7, bit(6));
  m.set(8, 8, bit(7));
  m.set(7, 8, bit(8));
  for (let i = 9; i < 15; i++) m.set(14 - i, 8, bit(i));
  // The second copy: bits 0–7 along row 8 from the right edge, 8–14 up column 8 from the bottom.
  for (let i = 0; i < 8; i++) m.set(size - 1 - i, 8, bit(i));
  for (let i = 8; i < 15; i++) m.set(8, size - 15 + i, bit(i));
}

/** Places the codewords in the two-column zigzag of 7.7.3, skipping reserved modules and column 6. */
function placeCodewords(m: Matrix, data: Uint8Array): void {
  const size = m.size;
  let bit = 0;
  const total = data.length * 8;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    const upward = ((size - 1 - right) >> 1) % 2 === 0;
    for (let k = 0; k < size; k++) {
      const y = upward ? size - 1 - k : k;
      for (const x of [right, right - 1]) {
        if (m.reserved[y * size + x]) continue;
        // Remainder bits (past the last codeword) stay light.
        const dark = bit < total && ((data[bit >>> 3]! >>> (7 - (bit & 7))) & 1) === 1;
        m.set(x, y, dark, false);
        bit++;
      }
    }
  }
}

function applyMask(m: Matrix, mask: number): void {
  const cond = MASKS[mask]!;
  for (let y = 0; y < m.size; y++) {
    for (let x = 0; x < m.size; x++) {
      const i = y * m.size + x;
      if (!m.reserved[i] && cond(y, x)) m.modules[i] = m.modules[i]! ^ 1;
    }
  }
}

/** The penalty score of 7.8.3: runs of five or more (N1), 2×2 blocks (N2), finder-like 1:1:3:1:1 runs (N3), dark balance (N4). */
export function qrPenalty(dark: (x: number, y: number) => boolean, size: number): number {
  let score = 0;
  const line = (get: (k: number) => boolean) => {
    let run = 1;
    for (let k = 1; k <= size; k++) {
      if (k < size && get(k) === get(k - 1)) run++;
      else {
        if (run >= 5) score += 3 + (run - 5);
        run = 1;
      }
    }
    // N3: dark-light-dark×3-light-dark with four light modules (or the edge, i.e. the quiet zone) on either side.
    const at = (k: number) => k >= 0 && k < size && get(k);
    for (let k = 0; k + 7 <= size; k++) {
      if (!(at(k) && !at(k + 1) && at(k + 2) && at(k + 3) && at(k + 4) && !at(k + 5) && at(k + 6))) continue;
      const lightBefore = !at(k - 1) && !at(k - 2) && !at(k - 3) && !at(k - 4);
      const lightAfter = !at(k + 7) && !at(k + 8) && !at(k + 9) && !at(k + 10);
      if (lightBefore || lightAfter) score += 40;
    }
  };
  for (let y = 0; y < size; y++) line((x) => dark(x, y));
  for (let x = 0; x < size; x++) line((y) => dark(x, y));
  for (let y = 0; y + 1 < size; y++) {
    for (let x = 0; x + 1 < size; x++) {
      const c = dark(x, y);
      if (dark(x + 1, y) === c && dark(x, y + 1) === c && dark(x + 1, y + 1) === c) score += 3;
    }
  }
  let darkCount = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (dark(x, y)) darkCount++;
  // 10 points for each full 5 % step away from half dark.
  score += 10 * Math.floor(Math.abs(darkCount * 20 - size * size * 10) / (size * size));
  return score;
}

/**
 * Encodes `data` (text as UTF-8, or bytes) in byte mode, in the smallest
 * version from `minVersion` up that holds it.
 *
 * @throws ArgumentError when it needs more than version 10 holds at this level, or for a bad option
 */
export function encodeQr(data: string | Uint8Array, options: QrOptions = {}): QrCode {
  const ecc = options.ecc ?? 'M';
  if (ecc !== 'L' && ecc !== 'M') throw new ArgumentError(`ecc must be 'L' or 'M', got ${String(ecc)}`, 'ecc');
  const minVersion = options.minVersion ?? 1;
  if (!Number.isInteger(minVersion) || minVersion < 1 || minVersion > QR_MAX_VERSION)
    throw new ArgumentError(`minVersion must be 1..${QR_MAX_VERSION}, got ${minVersion}`, 'minVersion');
  if (options.mask !== undefined && !(Number.isInteger(options.mask) && options.mask >= 0 && options.mask <= 7))
    throw new ArgumentError(`mask must be 0..7, got ${options.mask}`, 'mask');
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let version = minVersion;
  while (version <= QR_MAX_VERSION && qrCapacity(version, ecc) < bytes.length) version++;
  if (version > QR_MAX_VERSION)
    throw new ArgumentError(
      `${bytes.length} bytes do not fit in a version ${QR_MAX_VERSION}-${ecc} QR code (${qrCapacity(QR_MAX_VERSION, ecc)} at most)`,
      'data',
    );

  const size = 17 + 4 * version;
  const base = new Matrix(size);
  drawFunctionPatterns(base, version);
  placeCodewords(base, codewords(dataBits(bytes, version, ecc), version, ecc));

  let best: { mask: number; modules: Uint8Array } | undefined;
  let bestScore = Infinity;
  for (let mask = 0; mask < 8; mask++) {
    if (options.mask !== undefined && mask !== options.mask) continue;
    const m = new Matrix(size);
    m.modules.set(base.modules);
    m.reserved.set(base.reserved);
    applyMask(m, mask);
    drawFormat(m, ECC_BITS[ecc], mask);
    const score = options.mask !== undefined ? 0 : qrPenalty((x, y) => m.get(x, y), size);
    if (score < bestScore) {
      bestScore = score;
      best = { mask, modules: m.modules };
    }
  }
  const { mask, modules } = best!;
  return { version, ecc, mask, size, dark: (x, y) => x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x] === 1 };
}
