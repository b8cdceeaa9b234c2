import { gzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TlError } from '../../ts/errors.js';
import { DecodeBudget, decode, decodeRequest, decodeResult, encode, idOf, TlWriter } from '../../ts/tl/codec/index.js';
import { DEF_BARE_ONLY, DEF_FUNCTION } from '../../ts/tl/codec/schema-table.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';
import { getSchema } from '../../ts/tl/codec/load-schema.js';
import { TlReader } from '../../ts/tl/codec/reader.js';
import { K_OBJECT, K_QUERY } from '../../ts/tl/codec/type-code.js';
import { getTlModule } from '../../ts/tl/wasm/tl-module.js';
import { Sampler } from './helpers/samples.js';

/**
 * Seeded fuzzing of the decoder: random bytes, random bytes behind a valid
 * constructor id, and mutations of valid encodings (bit flips, overwritten
 * counts and lengths, truncation, insertion, swapped ids, gzip payloads).
 * Then adversarial vector counts (up to 2^31-1 against a budget of objects)
 * and gzip bombs (flat, nested, several per packet sharing one
 * DecodeBudget). The only acceptable failure is a TlError; anything else
 * (TypeError, RangeError from a huge allocation, a hang) fails the test, and
 * the heap must not grow past a bound.
 */

function prng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const INTERESTING = [
  0, 1, 2, 3, 4, 0x7f, 0xfe, 0xff, 0x100, 0xfffe, 0x10000, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 0x1cb5c415, 0x3072cfa1,
];

test('fuzz: 200 000+ random and mutated inputs raise only TlError', () => {
  const next = prng(0xc0ffee);
  const rnd = (n: number) => next() % n;
  const s = new Sampler({ allOn: true, seed: 11 }).s;

  // A corpus of valid encodings: every definition, all-on and all-off, plus gzip wrappers.
  const corpus: { bytes: Uint8Array; fn: boolean }[] = [];
  for (const allOn of [true, false]) {
    const sm = new Sampler({ allOn, seed: allOn ? 12 : 13, vectorLength: 2 });
    for (let d = 0; d < s.defCount; d++) {
      if (s.flags[d]! & DEF_BARE_ONLY || !sm.buildable(d) || s.names[d] === 'gzip_packed') continue;
      corpus.push({ bytes: encode(sm.object(d) as AnyTlObject), fn: (s.flags[d]! & DEF_FUNCTION) !== 0 });
    }
  }
  for (let i = 0; i < 40; i++) {
    const inner = corpus[rnd(corpus.length)]!;
    if (inner.fn) continue;
    const w = new TlWriter();
    w.raw(Uint8Array.of(0xa1, 0xcf, 0x72, 0x30)); // gzip_packed#3072cfa1
    w.bytes(gzipSync(inner.bytes));
    corpus.push({ bytes: w.result(), fn: false });
  }
  const ids = Array.from(s.byId.keys());

  const heapBefore = process.memoryUsage().heapUsed;
  let ok = 0;
  let tlErrors = 0;
  let total = 0;
  // Every 4 inputs share one budget, as the messages of one packet do.
  let packet = new DecodeBudget({ maxInflated: 1 << 20, maxObjects: 200_000 });
  const run = (bytes: Uint8Array, fn: boolean, differentialCheck = true) => {
    total++;
    if (differentialCheck && total % 5 === 0) differential(bytes, fn);
    if (total % 4 === 0) packet = new DecodeBudget({ maxInflated: 1 << 20, maxObjects: 200_000 });
    try {
      // Rotate the engines: generated JS readers, the table walker, the WASM scanner.
      const mode = total % 3;
      const options = {
        maxInflated: 1 << 20,
        compile: mode !== 1,
        engine: mode === 2 ? ('wasm' as const) : ('js' as const),
        ...(total % 2 === 0 && { budget: packet }),
      };
      if (fn) decodeRequest(bytes, options);
      else if (total % 7 === 0) decodeResult({ _: 'contacts.getContactIDs', hash: 0n }, bytes, options);
      else decode(bytes, options);
      ok++;
    } catch (e) {
      if (!(e instanceof TlError)) {
        throw new Error(`input #${total} (${Buffer.from(bytes).toString('hex').slice(0, 400)}) threw ${String(e)}`);
      }
      tlErrors++;
    }
  };
  // Differential check on every 5th input: the WASM scanner and the JS reader
  // must accept and reject the same inputs, failing at the same byte.
  const mod = getTlModule(getSchema())!;
  let compared = 0;
  const differential = (bytes: Uint8Array, fn: boolean) => {
    const code = fn ? K_QUERY : K_OBJECT;
    const scan = mod.scan(bytes, code, 64);
    let jsOffset = -1;
    let jsMessage = '';
    try {
      const r = new TlReader(bytes, 0, { maxInflated: 1 << 20 });
      r.value(code, 0);
    } catch (e) {
      if (!(e instanceof TlError)) throw e;
      jsOffset = e.offset;
      jsMessage = e.message;
    }
    compared++;
    // The scanner does not inflate gzip_packed payloads (the JS side does, after
    // the scan), so a bad payload is found by JS first; past it, the scanner may go on.
    const gzipFirst = /gzip/.test(jsMessage);
    // A scanner built before `Object` admitted function calls refuses them
    // (code 3, wrong type) where the JS reader reads on (and accepts, or fails
    // further on); decodeValue then uses the JS reader's result or error.
    if (!('tape' in scan) && scan.code === 3 && (jsOffset < 0 || jsOffset > scan.offset)) return;
    if ('tape' in scan) {
      if (jsOffset >= 0 && !gzipFirst) {
        throw new Error(`scanner accepted what JS rejects (${jsMessage}): ${Buffer.from(bytes).toString('hex').slice(0, 300)}`);
      }
    } else if (scan.offset !== jsOffset && !(gzipFirst && scan.offset > jsOffset)) {
      throw new Error(
        `scanner error ${scan.code} at ${scan.offset}, JS at ${jsOffset} (${jsMessage}): ${Buffer.from(bytes).toString('hex').slice(0, 300)}`,
      );
    }
  };
  const setU32 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v >>> 0, true);

  // 1. Random bytes.
  for (let i = 0; i < 40_000; i++) {
    run(
      Uint8Array.from({ length: rnd(64) }, () => rnd(256)),
      false,
    );
  }
  // 2. A valid id followed by random bytes (reaches field decoding).
  for (let i = 0; i < 50_000; i++) {
    const b = Uint8Array.from({ length: 4 + rnd(96) }, () => (rnd(4) === 0 ? 0 : rnd(256)));
    setU32(b, 0, ids[rnd(ids.length)]!);
    run(b, rnd(2) === 0);
  }
  // 3. Mutations of valid encodings.
  for (let i = 0; i < 110_000; i++) {
    const src = corpus[rnd(corpus.length)]!;
    let b: Uint8Array = src.bytes.slice();
    const n = 1 + rnd(4);
    for (let m = 0; m < n && b.length > 0; m++) {
      switch (rnd(7)) {
        case 0: // flip a bit
          b[rnd(b.length)]! ^= 1 << rnd(8);
          break;
        case 1: // overwrite an aligned word with an interesting value (counts, lengths, ids)
          if (b.length >= 4) setU32(b, rnd(b.length >> 2) << 2, INTERESTING[rnd(INTERESTING.length)]!);
          break;
        case 2: // truncate
          b = b.subarray(0, rnd(b.length));
          break;
        case 3: {
          // insert random bytes
          const at = rnd(b.length + 1);
          const ins = Uint8Array.from({ length: 1 + rnd(8) }, () => rnd(256));
          const out = new Uint8Array(b.length + ins.length);
          out.set(b.subarray(0, at));
          out.set(ins, at);
          out.set(b.subarray(at), at + ins.length);
          b = out;
          break;
        }
        case 4: // replace an aligned word with another valid id
          if (b.length >= 4) setU32(b, rnd(b.length >> 2) << 2, ids[rnd(ids.length)]!);
          break;
        case 5: // string/bytes length prefix 254 + huge length
          if (b.length >= 4) {
            const at = rnd(b.length >> 2) << 2;
            b[at] = 254;
            b[at + 1] = 0xff;
            b[at + 2] = 0xff;
          }
          break;
        default: // random byte
          b[rnd(b.length)] = rnd(256);
      }
    }
    run(b, src.fn);
  }

  // 4. Adversarial vector counts: every Vector header of a valid encoding gets a count
  //    from tiny to 2^31-1 (the bytes check and the object budget must both hold).
  const VECTOR = [0x15, 0xc4, 0xb5, 0x1c];
  const withVectors = corpus.filter((c) => {
    for (let p = 0; p + 8 <= c.bytes.length; p += 4) if (c.bytes[p] === VECTOR[0] && c.bytes[p + 3] === VECTOR[3]) return true;
    return false;
  });
  const COUNTS = [1, 2, 3, 255, 256, 1000, 65_535, 200_001, 1 << 20, 8_388_605, 0x3fffffff, 0x7fffffff];
  for (let i = 0; i < 20_000; i++) {
    const src = withVectors[rnd(withVectors.length)]!;
    const b = src.bytes.slice();
    const at: number[] = [];
    for (let p = 0; p + 8 <= b.length; p += 4)
      if (b[p] === VECTOR[0] && b[p + 1] === VECTOR[1] && b[p + 2] === VECTOR[2] && b[p + 3] === VECTOR[3]) at.push(p);
    const p = at[rnd(at.length)]!;
    setU32(b, p + 4, COUNTS[rnd(COUNTS.length)]! + (rnd(3) === 0 ? rnd(4) : 0));
    run(b, src.fn);
  }
  // 5. gzip bombs: a few KB that inflate to up to 4 MiB of ids of 4-byte objects, zeros or
  //    nested gzip_packed; run against a 1 MiB inflate budget and 200 000 objects.
  const gzipPacked = (inner: Uint8Array) => {
    const w = new TlWriter();
    w.raw(Uint8Array.of(0xa1, 0xcf, 0x72, 0x30));
    w.bytes(gzipSync(inner, { level: 9 }));
    return w.result();
  };
  const getUsersSelf = (n: number, declared = n) => {
    const b = new Uint8Array(12 + 4 * n);
    const v = new DataView(b.buffer);
    v.setUint32(0, idOf('users.getUsers')!, true);
    v.setUint32(4, 0x1cb5c415, true);
    v.setInt32(8, declared, true);
    for (let k = 0; k < n; k++) v.setUint32(12 + 4 * k, idOf('inputUserSelf')!, true);
    return b;
  };
  const bombs: { bytes: Uint8Array; fn: boolean }[] = [];
  for (const n of [1000, 60_000, 150_000, 250_000, 1 << 20]) {
    bombs.push({ bytes: gzipPacked(getUsersSelf(n)), fn: true });
    bombs.push({ bytes: gzipPacked(getUsersSelf(n, n + 1)), fn: true });
  }
  bombs.push({ bytes: gzipPacked(new Uint8Array(4 << 20)), fn: false });
  bombs.push({ bytes: gzipPacked(gzipPacked(gzipPacked(getUsersSelf(300_000)))), fn: true });
  bombs.push({ bytes: gzipPacked(gzipPacked(new Uint8Array(3 << 20))), fn: false });
  for (let i = 0; i < 150; i++) {
    const bomb = bombs[i % bombs.length]!;
    // Mutate the compressed bytes now and then: corrupt streams must fail cleanly too.
    const b = i % 3 === 0 ? bomb.bytes.slice() : bomb.bytes;
    if (i % 3 === 0) b[8 + rnd(b.length - 8)] ^= 1 << rnd(8);
    run(b, bomb.fn, false);
  }

  global.gc?.();
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  console.log(`fuzz: ${total} inputs, ${ok} decoded, ${tlErrors} TlError, heap +${Math.round(heapGrowth / 1048576)} MiB`);
  assert.ok(heapGrowth < 128 * 1024 * 1024, `heap grew ${heapGrowth} bytes`);
  assert.ok(total >= 200_000, `${total} inputs`);
  assert.ok(compared >= 40_000, `${compared} differential checks`);
  // Both outcomes occur, so the fuzzer reaches past the first id check.
  assert.ok(tlErrors > 150_000, `${tlErrors} TlErrors`);
  assert.ok(ok > 1_000, `${ok} inputs still decoded after mutation`);
});

test.run();
