import { gzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TlError } from '../../ts/errors.js';
import { DecodeBudget, decode, decodeRequest, encode, idOf, TlWriter, type ReadOptions } from '../../ts/tl/codec/index.js';

/**
 * One decode budget per received packet (issue 10, finding 1): inflated
 * bytes, objects and vector elements are drawn from one allowance shared by
 * every decode of the packet, and a vector the budget cannot hold is refused
 * before anything is allocated.
 */

const ENGINES: ReadOptions[] = [{ engine: 'js' }, { engine: 'js', compile: false }, { engine: 'wasm' }];
const le32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n >>> 0, true);
  return b;
};
const gzipPacked = (inner: Uint8Array): Uint8Array => {
  const w = new TlWriter();
  w.raw(le32(idOf('gzip_packed')!));
  w.bytes(gzipSync(inner));
  return w.result();
};

/** users.getUsers holding `n` × inputUserSelf: 4 wire bytes per object. */
function getUsersSelf(n: number): Uint8Array {
  const out = new Uint8Array(12 + 4 * n);
  const v = new DataView(out.buffer);
  v.setUint32(0, idOf('users.getUsers')!, true);
  v.setUint32(4, 0x1cb5c415, true);
  v.setInt32(8, n, true);
  const self = idOf('inputUserSelf')!;
  for (let i = 0; i < n; i++) v.setUint32(12 + 4 * i, self, true);
  return out;
}

function throwsBudget(fn: () => unknown, re: RegExp): TlError {
  try {
    fn();
  } catch (e) {
    assert.instance(e, TlError, String(e));
    assert.match((e as Error).message, re);
    return e as TlError;
  }
  assert.unreachable('no TlError');
  throw new Error('unreachable');
}

test('8 388 605 × inputUserSelf in a 32 KB gzip_packed: TlError at the vector count, no 8 M objects built', () => {
  const plain = getUsersSelf(8_388_605);
  assert.ok(plain.length <= 32 * 1024 * 1024);
  const packet = gzipPacked(plain);
  assert.ok(packet.length < 64 * 1024, `${packet.length} bytes on the wire`);
  for (const o of ENGINES) {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const budget = new DecodeBudget();
    throwsBudget(() => decodeRequest(packet, { ...o, budget }), /more than 1000000 objects/);
    assert.is(budget.exceeded, 'objects');
    // The inflated 32 MiB lives outside the JS heap (a typed array); 8 M objects would be ~300 MB of it.
    const grown = process.memoryUsage().heapUsed - before;
    assert.ok(grown < 64 * 1024 * 1024, `heap grew ${grown} bytes (${JSON.stringify(o)})`);
  }
});

test('a budget is shared: objects decoded by one call are not available to the next', () => {
  const one = getUsersSelf(600);
  // 600 vector elements + 600 objects + the request itself.
  const small = new DecodeBudget({ maxObjects: 2000 });
  decodeRequest(one, { budget: small });
  assert.is(small.objects, 2000 - 1201);
  throwsBudget(() => decodeRequest(one, { budget: small }), /more than 2000 objects/);
  assert.is(small.exceeded, 'objects');
  // Without a budget each call gets a fresh default one.
  for (let i = 0; i < 3; i++) decodeRequest(one);
});

test('inflated bytes add up across the messages of a packet and nested gzip_packed', () => {
  const big = gzipPacked(getUsersSelf(100_000));
  for (const o of ENGINES) {
    const budget = new DecodeBudget({ maxInflated: 700_000 });
    decodeRequest(big, { ...o, budget }); // 400 012 bytes
    assert.is(budget.inflated, 700_000 - 400_012);
    throwsBudget(() => decodeRequest(big, { ...o, budget }), /inflates past the 700000-byte limit of one packet/);
    assert.is(budget.exceeded, 'inflated');
  }
  // gzip_packed inside gzip_packed: both payloads count.
  const inner = gzipPacked(encode({ _: 'pong', msg_id: 1n, ping_id: 2n }));
  const outer = gzipPacked(inner);
  const budget = new DecodeBudget();
  decode(outer, { budget });
  assert.is(32 * 1024 * 1024 - budget.inflated, inner.length + 20);
});

test('a vector count above the remaining object budget fails before the elements are read', () => {
  // Vector<long> of 5000 elements against a budget of 4000: refused at the count (byte 8).
  const w = new TlWriter();
  w.object({ _: 'msgs_ack', msg_ids: Array.from({ length: 5000 }, (_, i) => BigInt(i)) });
  const bytes = w.result();
  for (const o of ENGINES.slice(0, 2)) {
    const e = throwsBudget(() => decode(bytes, { ...o, maxObjects: 4000 }), /more than 4000 objects/);
    assert.is(e.offset, 8);
  }
  throwsBudget(() => decode(bytes, { engine: 'wasm', maxObjects: 4000 }), /more than 4000 objects/);
  assert.is((decode(bytes, { maxObjects: 5001 }) as { msg_ids: bigint[] }).msg_ids.length, 5000);
});

test('nesting depth is the budget limit too', () => {
  const budget = new DecodeBudget({ maxDepth: 3 });
  const deep = encode({ _: 'textConcat', texts: [{ _: 'textConcat', texts: [{ _: 'textBold', text: { _: 'textEmpty' } }] }] });
  throwsBudget(() => decode(deep, { budget }), /nesting deeper than 3/);
  assert.is(budget.exceeded, 'depth');
  decode(deep, { budget: new DecodeBudget({ maxDepth: 4 }) });
});

test.run();
