/**
 * Shared support for the transport tests: byte helpers, a seeded PRNG,
 * replaying random sources, the three ways of cutting a byte stream into
 * chunks, MTProto-shaped payloads, and a TransportError assertion.
 */
import * as assert from 'uvu/assert';
import type { RandomSource } from '../../ts/crypto/provider.js';
import { createWasmProvider } from '../../ts/crypto/wasm-provider.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { TransportError } from '../../ts/errors.js';
import type { Frame } from '../../ts/transport/frame.js';
import { hex, unhex } from '../_hex.js';

export { hex, unhex };

export function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** `n` bytes 0, 1, 2, ... (mod 256). */
export function counting(n: number, start = 0): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (start + i) & 0xff);
}

/** xorshift32: a seeded PRNG so randomized tests replay exactly. */
export class Prng {
  private s: number;
  constructor(readonly seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s;
  }
  int(n: number): number {
    return this.next() % n;
  }
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.next() & 0xff;
    return out;
  }
  /** A `RandomSource` drawing from this PRNG. */
  source(): RandomSource {
    return (out) => out.set(this.bytes(out.length));
  }
}

/** A random source that hands out `blocks` in order (each request must match the next block's length). */
export function replay(...blocks: Uint8Array[]): RandomSource & { remaining: () => number } {
  const queue = [...blocks];
  const source = ((out: Uint8Array) => {
    const next = queue.shift();
    if (!next) throw new Error('replay: random source exhausted');
    if (next.length !== out.length) throw new Error(`replay: asked for ${out.length} bytes, next block has ${next.length}`);
    out.set(next);
  }) as RandomSource & { remaining: () => number };
  source.remaining = () => queue.length;
  return source;
}

/** Ways to cut a byte stream into the chunks a decoder receives. */
export const CHUNKINGS: Record<string, (data: Uint8Array, prng: Prng) => Uint8Array[]> = {
  'one chunk': (data) => [data],
  'byte by byte': (data) => Array.from(data, (b) => Uint8Array.of(b)),
  'random splits': (data, prng) => {
    const out: Uint8Array[] = [];
    for (let i = 0; i < data.length; ) {
      const n = Math.min(data.length - i, 1 + prng.int(37));
      out.push(data.slice(i, i + n));
      i += n;
    }
    return out;
  },
};

/** Feeds `chunks` to `feed` and collects the frames. */
export function feedAll(feed: (chunk: Uint8Array) => Frame[], chunks: Uint8Array[]): Frame[] {
  const frames: Frame[] = [];
  for (const chunk of chunks) frames.push(...feed(chunk));
  return frames;
}

/** The payloads of `frames`, asserting they are all packets. */
export function payloads(frames: Frame[]): Uint8Array[] {
  return frames.map((f) => {
    if (f.type !== 'packet') throw new Error(`expected a packet frame, got ${f.type}`);
    return f.payload;
  });
}

/**
 * An MTProto-shaped packet of roughly `size` bytes, so padded intermediate's
 * padding removal gives it back exactly: even sizes are an encrypted message
 * (random auth_key_id ‖ msg_key ‖ whole AES blocks), odd ones an unencrypted
 * message (auth_key_id 0 ‖ msg_id ‖ length ‖ body).
 */
export function mtprotoPacket(prng: Prng, size: number, plain = false): Uint8Array {
  if (plain) {
    const body = Math.max(4, size - 20) & ~3;
    const out = concat(new Uint8Array(8), prng.bytes(8), new Uint8Array(4), prng.bytes(body));
    new DataView(out.buffer).setUint32(16, body, true);
    return out;
  }
  const blocks = Math.max(1, Math.floor((size - 24) / 16));
  const out = prng.bytes(24 + 16 * blocks);
  out[0] |= 1; // a nonzero auth_key_id
  return out;
}

/** Asserts that `fn` throws a TransportError whose message matches `text` (and whose code is `code`, when given). */
export function throwsTransport(fn: () => unknown, text: RegExp, code?: number): TransportError {
  try {
    fn();
  } catch (e) {
    assert.instance(e, TransportError, String(e));
    assert.match((e as Error).message, text);
    if (code !== undefined) assert.is((e as TransportError).code, code);
    return e as TransportError;
  }
  assert.unreachable(`no TransportError (expected ${text})`);
  throw new Error('unreachable');
}

/** Async variant of `throwsTransport`. */
export async function rejectsTransport(promise: Promise<unknown>, text: RegExp): Promise<TransportError> {
  try {
    await promise;
  } catch (e) {
    assert.instance(e, TransportError, String(e));
    assert.match((e as Error).message, text);
    return e as TransportError;
  }
  assert.unreachable(`no TransportError (expected ${text})`);
  throw new Error('unreachable');
}

let provider: CryptoProvider | undefined;

/** The WASM crypto provider (load it in `test.before`: uvu test files have no top-level await). */
export async function loadCrypto(): Promise<CryptoProvider> {
  return (provider ??= await createWasmProvider());
}

/** The provider loaded by `loadCrypto`. */
export function crypto(): CryptoProvider {
  if (!provider) throw new Error('crypto provider not loaded (missing test.before(loadCrypto)?)');
  return provider;
}
