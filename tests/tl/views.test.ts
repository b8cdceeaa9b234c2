import { gzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  DEFER_MIN_BYTES,
  decode,
  decodeRequest,
  encode,
  idOf,
  TlWriter,
  type ReadOptions,
  VIEW_MIN_BYTES,
} from '../../ts/tl/codec/index.js';
import type { AnyTlObject } from '../../ts/tl/generated/types.js';

/**
 * `ReadOptions.views` (issue 15): large `bytes` values share the received
 * buffer by default, small ones and nonces are copies; and `encode` copies a
 * large `bytes` value once, straight into its output.
 */

const ENGINES: ReadOptions[] = [{ engine: 'js' }, { engine: 'js', compile: false }, { engine: 'wasm' }];
const filled = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);
const uploadFile = (bytes: Uint8Array) => ({ _: 'upload.file', type: { _: 'storage.filePartial' }, mtime: 5, bytes }) as AnyTlObject;
const sharesMemory = (a: Uint8Array, b: Uint8Array) => a.buffer === b.buffer;

test(`default views: a bytes value of ${VIEW_MIN_BYTES} bytes or more is a view of the input, a shorter one a copy`, () => {
  for (const o of ENGINES) {
    const big = encode(uploadFile(filled(VIEW_MIN_BYTES)));
    const bigOut = (decode(big, o) as { bytes: Uint8Array }).bytes;
    assert.ok(sharesMemory(bigOut, big), `view ${JSON.stringify(o)}`);
    assert.is(bigOut.byteOffset, 16); // id, storage.filePartial, mtime, 254 + 3 length bytes
    assert.equal(bigOut, filled(VIEW_MIN_BYTES));
    const small = encode(uploadFile(filled(VIEW_MIN_BYTES - 1)));
    const smallOut = (decode(small, o) as { bytes: Uint8Array }).bytes;
    assert.not.ok(sharesMemory(smallOut, small), `copy ${JSON.stringify(o)}`);
    small.fill(0);
    assert.equal(smallOut, filled(VIEW_MIN_BYTES - 1));
  }
});

test('default views: int128 / int256 nonces are copies (they outlive the packet in the handshake state)', () => {
  for (const o of ENGINES) {
    const b = encode({
      _: 'req_DH_params',
      nonce: filled(16),
      server_nonce: filled(16, 2),
      p: filled(4),
      q: filled(4),
      public_key_fingerprint: 1n,
      encrypted_data: filled(2000),
    } as never);
    const r = decodeRequest(b, o) as unknown as { nonce: Uint8Array; encrypted_data: Uint8Array };
    b.fill(0);
    assert.equal(r.nonce, filled(16));
    assert.is(r.encrypted_data[0], 0, 'the large bytes value is a view, so it sees the overwrite');
  }
});

test('views: true makes every bytes / int128 a view; views: false copies everything', () => {
  for (const o of ENGINES) {
    const b = encode({ _: 'req_pq_multi', nonce: new Uint8Array(16).fill(9) });
    const view = decodeRequest(b, { ...o, views: true }) as { nonce: Uint8Array };
    const copy = decodeRequest(b, { ...o, views: false }) as { nonce: Uint8Array };
    b[4] = 1;
    assert.is(view.nonce[0], 1);
    assert.is(copy.nonce[0], 9);
    const big = encode(uploadFile(filled(5000)));
    const kept = decode(big, { ...o, views: false }) as { bytes: Uint8Array };
    big.fill(0);
    assert.equal(kept.bytes, filled(5000));
  }
});

test('views inside gzip_packed: the inflated array is the read’s own, so the same rule applies to it', () => {
  const inner = encode(uploadFile(filled(3000)));
  const packed = gzipSync(inner);
  const w = new TlWriter();
  w.uint(idOf('gzip_packed')!);
  w.bytes(packed);
  const bytes = w.result();
  for (const o of ENGINES) {
    const out = (decode(bytes, o) as { bytes: Uint8Array }).bytes;
    assert.equal(out, filled(3000));
    assert.not.ok(sharesMemory(out, bytes), 'not a view of the packed input');
    assert.ok(out.buffer.byteLength >= inner.length, 'a view of the inflated payload');
  }
});

test(`encode: bytes of ${DEFER_MIN_BYTES} or more are copied once into the output; every size gives the same bytes as a plain writer`, () => {
  for (const n of [
    0,
    1,
    253,
    254,
    DEFER_MIN_BYTES - 1,
    DEFER_MIN_BYTES,
    DEFER_MIN_BYTES + 1,
    DEFER_MIN_BYTES + 2,
    DEFER_MIN_BYTES + 3,
    70_001,
    512 * 1024,
  ]) {
    const data = filled(n, n);
    const obj = { _: 'upload.saveFilePart', file_id: -5n, file_part: 3, bytes: data } as never;
    const plain = new TlWriter();
    plain.object(obj);
    const expected = plain.result();
    assert.is(expected.length % 4, 0);
    assert.equal(encode(obj), expected, `${n} bytes`);
    assert.equal(encode(obj, { initialSize: 16 }), expected, `${n} bytes, own writer`);
  }
  // Two large values with small fields between and after them.
  const two = {
    _: 'req_DH_params',
    nonce: filled(16),
    server_nonce: filled(16, 2),
    p: filled(DEFER_MIN_BYTES + 5, 3),
    q: filled(DEFER_MIN_BYTES * 3 + 2, 4),
    public_key_fingerprint: 77n,
    encrypted_data: filled(3, 5),
  } as never;
  const w = new TlWriter();
  w.object(two);
  assert.equal(encode(two), w.result());
  const vec = { _: 'msgs_state_info', req_msg_id: 1n, info: filled(DEFER_MIN_BYTES * 2 + 1) } as never;
  const v = new TlWriter();
  v.object(vec);
  assert.equal(encode(vec), v.result());
});

test('encode does not keep the caller’s large bytes alive, and the output is independent of the input', () => {
  const data = filled(DEFER_MIN_BYTES * 2);
  const out = encode(uploadFile(data));
  data.fill(0);
  assert.is(out[16], filled(1)[0]);
  assert.not.ok(sharesMemory(out, data));
});

test('a writer holding large values flattens them for view8()', () => {
  const w = new TlWriter();
  w.deferLargeBytes = true;
  w.int(7);
  w.bytes(filled(DEFER_MIN_BYTES + 1));
  w.int(8);
  const expected = new TlWriter();
  expected.int(7);
  expected.bytes(filled(DEFER_MIN_BYTES + 1));
  expected.int(8);
  assert.equal(w.view8(), expected.view8());
  w.int(9);
  expected.int(9);
  assert.equal(w.result(), expected.result());
});

test.run();
