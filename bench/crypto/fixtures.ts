/**
 * Seeded inputs: every run benchmarks the same bytes, messages and semiprimes.
 */
import { SeededRandom } from '../lib/rng.js';
import { referenceSeal } from './reference.js';

/** dataJSON#7d748d04 data:string — a constructor both peers' TL readers know. */
const DATA_JSON = 0x7d748d04;

/** Bytes of a TL `string` of `len` ASCII bytes, padded to a multiple of 4. */
function tlString(text: string): Uint8Array {
  const len = text.length;
  const head = len <= 253 ? 1 : 4;
  const out = new Uint8Array((head + len + 3) & ~3);
  if (head === 1) out[0] = len;
  else out.set([254, len & 0xff, (len >>> 8) & 0xff, (len >>> 16) & 0xff]);
  for (let i = 0; i < len; i++) out[head + i] = text.charCodeAt(i);
  return out;
}

/** One MTProto message of a given plaintext size, and the same content sealed server→client. */
export interface MessageFixture {
  /** salt ‖ session_id ‖ msg_id ‖ seq_no ‖ length ‖ body — exactly `size` bytes, unpadded. */
  plaintext: Uint8Array;
  salt: bigint;
  sessionId: bigint;
  msgId: bigint;
  seqNo: number;
  /** The dataJSON string inside the body. */
  text: string;
  /** `plaintext` sealed with x = 8 (server→client) by the node:crypto reference, seeded padding. */
  serverPacket: Uint8Array;
}

export class Fixtures {
  readonly key: Uint8Array;
  readonly iv: Uint8Array;
  readonly ctrIv: Uint8Array;
  readonly authKey: Uint8Array;
  private readonly data = new Map<number, Uint8Array>();
  private readonly messages = new Map<number, MessageFixture>();

  constructor(private readonly seed = 0x5eed) {
    const r = new SeededRandom(seed);
    this.key = r.bytes(32);
    this.iv = r.bytes(32);
    this.ctrIv = r.bytes(16);
    this.authKey = r.bytes(256);
  }

  /** `size` seeded bytes (the same array for every caller: do not modify). */
  bytes(size: number): Uint8Array {
    let d = this.data.get(size);
    if (!d) this.data.set(size, (d = new SeededRandom(this.seed ^ size).bytes(size)));
    return d;
  }

  /**
   * A message whose plaintext is `size` bytes: the 32-byte header and a
   * dataJSON body (sizes must be a multiple of 16 from 48 up).
   */
  message(size: number): MessageFixture {
    let m = this.messages.get(size);
    if (m) return m;
    const r = new SeededRandom(this.seed + size);
    const bodyLength = size - 32;
    const stringBytes = bodyLength - 4;
    const textLength = stringBytes <= 252 ? stringBytes - 1 : stringBytes - 4;
    let text = '';
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    for (let i = 0; i < textLength; i++) text += alphabet[r.u32() % alphabet.length];
    const body = new Uint8Array(bodyLength);
    new DataView(body.buffer).setUint32(0, DATA_JSON, true);
    const s = tlString(text);
    if (s.length !== stringBytes) throw new Error(`cannot build a ${size}-byte message`);
    body.set(s, 4);
    // Positive signed values, so every library's (signed or unsigned) 64-bit reading agrees.
    const salt = (BigInt(r.u32() & 0x7fffffff) << 32n) | BigInt(r.u32());
    const sessionId = (BigInt(r.u32() & 0x7fffffff) << 32n) | BigInt(r.u32());
    const msgId = (0x6700_0000n << 32n) | BigInt((r.u32() & ~3) >>> 0) | 1n;
    const seqNo = 7;
    const plaintext = new Uint8Array(size);
    const dv = new DataView(plaintext.buffer);
    dv.setBigUint64(0, salt, true);
    dv.setBigUint64(8, sessionId, true);
    dv.setBigUint64(16, msgId, true);
    dv.setUint32(24, seqNo, true);
    dv.setUint32(28, bodyLength, true);
    plaintext.set(body, 32);
    const padding = r.bytes(12 + ((16 - ((size + 12) % 16)) % 16));
    const serverPacket = referenceSeal(this.authKey, plaintext, padding, 8);
    m = { plaintext, salt, sessionId, msgId, seqNo, text, serverPacket };
    this.messages.set(size, m);
    return m;
  }
}

function mulMod(a: bigint, b: bigint, m: bigint): bigint {
  return (a * b) % m;
}

function powMod(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = mulMod(r, b, m);
    b = mulMod(b, b, m);
    e >>= 1n;
  }
  return r;
}

/** Deterministic Miller–Rabin for n < 4 759 123 141 (bases 2, 7, 61). */
function isPrime32(n: number): boolean {
  if (n < 2) return false;
  for (const p of [2, 3, 5, 7, 11, 13, 61]) if (n % p === 0) return n === p;
  const N = BigInt(n);
  let d = N - 1n;
  let s = 0;
  while ((d & 1n) === 0n) {
    d >>= 1n;
    s++;
  }
  outer: for (const a of [2n, 7n, 61n]) {
    let x = powMod(a, d, N);
    if (x === 1n || x === N - 1n) continue;
    for (let i = 1; i < s; i++) {
      x = mulMod(x, x, N);
      if (x === N - 1n) continue outer;
    }
    return false;
  }
  return true;
}

export interface Semiprime {
  pq: bigint;
  p: bigint;
  q: bigint;
}

/**
 * `count` semiprimes p·q of two distinct random primes in [2³¹, 2³²) — 63- or
 * 64-bit numbers, the hard end of what the auth key exchange sends.
 */
export function semiprimes(count: number, seed: number): Semiprime[] {
  const r = new SeededRandom(seed);
  const prime = () => {
    for (;;) {
      const c = (r.u32() | 0x80000001) >>> 0;
      if (isPrime32(c)) return BigInt(c);
    }
  };
  const out: Semiprime[] = [];
  while (out.length < count) {
    const a = prime();
    const b = prime();
    if (a === b) continue;
    const [p, q] = a < b ? [a, b] : [b, a];
    out.push({ pq: p * q, p, q });
  }
  return out;
}
