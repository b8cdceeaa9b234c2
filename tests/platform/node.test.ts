/**
 * The Node implementation of the platform layer (ts/platform/node/*, what the
 * package's `default`/`node` conditions load) against its interface
 * (ts/platform/types.ts): a real TCP socket on loopback, temporary files, gzip
 * against a fixed node:zlib vector, OpenSSL against NIST vectors, random bytes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TransportError } from '../../ts/errors.js';
import * as nodeCrypto from '../../ts/platform/node/crypto.js';
import * as nodeFilePath from '../../ts/platform/node/file-path.js';
import * as nodeFileSystem from '../../ts/platform/node/file-system.js';
import * as nodeTcp from '../../ts/platform/node/tcp.js';
import * as nodeWebSocket from '../../ts/platform/node/websocket.js';
import * as nodeZlib from '../../ts/platform/node/zlib.js';
import { fillRandom, randomBytes } from '../../ts/platform/random.js';
import type { RuntimePlatform } from '../../ts/platform/types.js';
import * as embedded from '../../ts/wasm/embedded.js';
import { hex, unhex } from '../_hex.js';
import { GZIP_TEXT, GZIP_VECTOR } from './_vectors.js';

/** The runtime platform of Node, as the `default` condition assembles it (a type error if a file drifts from the interface). */
const node = {
  tcp: nodeTcp,
  websocket: nodeWebSocket,
  fileSystem: nodeFileSystem,
  filePath: nodeFilePath,
  zlib: nodeZlib,
  crypto: nodeCrypto,
  wasm: embedded,
} satisfies RuntimePlatform;

/** Rejects after `ms` so no wait of this file can hang the suite. */
function deadline<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

test('tcp: a loopback echo round trip, then close reports onClose once', async () => {
  const server = createServer((s) => s.pipe(s));
  const port = await listen(server);
  try {
    const received: number[] = [];
    let closes = 0;
    let gotAll!: () => void;
    const all = new Promise<void>((r) => (gotAll = r));
    let closed!: () => void;
    const done = new Promise<void>((r) => (closed = r));
    const socket = await deadline(
      'connect',
      5000,
      node.tcp.createNodeTcpFactory().connect('127.0.0.1', port, {
        onData: (chunk) => {
          received.push(...chunk);
          if (received.length === 1000) gotAll();
        },
        onError: (e) => assert.unreachable(e.message),
        onClose: () => {
          closes++;
          closed();
        },
      }),
    );
    const sent = new Uint8Array(1000).map((_, i) => i * 31);
    socket.write(sent.subarray(0, 400));
    socket.write(sent.subarray(400));
    await deadline('echo', 5000, all);
    assert.equal(new Uint8Array(received), sent);
    socket.close();
    await deadline('close', 5000, done);
    assert.is(closes, 1);
  } finally {
    server.close();
  }
});

test('tcp: a refused connection rejects with TransportError', async () => {
  const server = createServer();
  const port = await listen(server);
  await new Promise<void>((r) => server.close(() => r()));
  const handlers = { onData() {}, onError() {}, onClose() {} };
  const err = await deadline('refused', 5000, node.tcp.createNodeTcpFactory().connect('127.0.0.1', port, handlers)).catch((e) => e);
  assert.instance(err, TransportError);
  assert.match((err as Error).message, `TCP connect to 127.0.0.1:${port} failed`);
});

test('websocket: the ws class is a WHATWG-shaped constructor', () => {
  const Ws = node.websocket.webSocketClient();
  assert.type(Ws, 'function');
  assert.is((Ws as unknown as { OPEN: number }).OPEN, 1);
});

test('file system: atomic write, read back, exclusive create, remove — on a temporary directory', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'wasmgram-platform-'));
  try {
    const fs = new node.fileSystem.NodeFileSystem();
    const file = path.join(dir, 'me.session');
    assert.is(await fs.readFile(file), undefined);
    await fs.writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    await fs.writeFileAtomic(file, new Uint8Array([4, 5]));
    assert.equal(await fs.readFile(file), new Uint8Array([4, 5]));
    assert.is(await fs.createExclusive(file, new Uint8Array([9])), false);
    assert.is(await fs.createExclusive(`${file}.lock`, new Uint8Array([9])), true);
    assert.equal(new Uint8Array(await readFile(`${file}.lock`)), new Uint8Array([9]));
    await fs.remove(file);
    await fs.remove(file); // already gone: no error
    assert.is(await fs.readFile(file), undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('file paths: a source reads a file in chunks, a sink writes parts out of order', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'wasmgram-platform-'));
  try {
    const data = new Uint8Array(10_000).map((_, i) => i % 251);
    const input = path.join(dir, 'photo.jpg');
    await writeFile(input, data);
    const source = await node.filePath.openFileSource(input, 4096);
    assert.is(source.size, 10_000);
    assert.is(source.name, 'photo.jpg');
    const sizes: number[] = [];
    const read: number[] = [];
    for (let r = await source.chunks.next(); !r.done; r = await source.chunks.next()) {
      sizes.push(r.value.length);
      read.push(...r.value);
    }
    assert.equal(sizes, [4096, 4096, 1808]);
    assert.equal(new Uint8Array(read), data);

    const output = path.join(dir, 'download.bin');
    const sink = await node.filePath.openFileSink(output);
    await sink.write(data.subarray(5000), 5000);
    await sink.write(data.subarray(0, 5000), 0);
    await sink.close();
    assert.equal(new Uint8Array(await readFile(output)), data);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('zlib: inflates the fixed node:zlib vector, honours the limit, refuses a cut stream', () => {
  assert.equal(node.zlib.nativeInflate(GZIP_VECTOR, 1 << 20), GZIP_TEXT);
  assert.equal(node.zlib.nativeInflate(GZIP_VECTOR, GZIP_TEXT.length), GZIP_TEXT);
  assert.is(node.zlib.nativeInflate(GZIP_VECTOR, GZIP_TEXT.length - 1), 'too-large');
  assert.is(node.zlib.nativeInflate(GZIP_VECTOR.subarray(0, 40), 1 << 20), 'invalid');
});

test('zlib: gzip round trip (what nativeGzip writes, node:zlib inflates)', () => {
  const packed = node.zlib.nativeGzip(GZIP_TEXT);
  assert.equal([...packed.subarray(0, 2)], [0x1f, 0x8b]); // gzip framing, as gzip_packed carries it
  assert.ok(packed.length < GZIP_TEXT.length);
  assert.equal(new Uint8Array(gunzipSync(packed)), GZIP_TEXT);
});

test('crypto: SHA-256 of "abc" (FIPS 180-2), of one array and of parts', () => {
  const abc = new TextEncoder().encode('abc');
  const want = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  assert.is(hex(node.crypto.nativeHash('sha256', abc)), want);
  assert.is(hex(node.crypto.nativeHash('sha256', [abc.subarray(0, 1), abc.subarray(1)])), want);
  assert.is(hex(node.crypto.nativeHash('sha1', abc)), 'a9993e364706816aba3e25717850c26c9cd0d89d');
});

test('crypto: AES-256-CBC and AES-256-CTR match NIST SP 800-38A (F.2.5, F.5.5)', () => {
  const key = unhex('603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4');
  const block = unhex('6bc1bee22e409f96e93d7e117393172a');
  assert.is(hex(node.crypto.aesCbcEncrypt(block, key, unhex('000102030405060708090a0b0c0d0e0f'))), 'f58c4c04d6e5f1ba779eabfb5f7bfbd6');
  const ctr = node.crypto.createAesCtr(key, unhex('f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff'));
  // Two updates continue one keystream.
  const out = [...ctr.update(block.subarray(0, 5)), ...ctr.update(block.subarray(5))];
  assert.is(hex(new Uint8Array(out)), '601ec313775789a5b7a7f504bbf3d228');
  assert.is(node.crypto.timingSafeEqual(block, block.slice()), true);
  assert.is(node.crypto.timingSafeEqual(block, key.subarray(0, 16)), false);
});

test('wasm: each embedded binary, both builds, is a module this engine accepts', () => {
  for (const get of [node.wasm.embeddedCryptoWasm, node.wasm.embeddedBignumWasm, node.wasm.embeddedTlWasm]) {
    const plain = get(false);
    assert.instance(plain, Uint8Array);
    assert.ok(WebAssembly.validate(plain as BufferSource));
    assert.ok(get(true) instanceof Uint8Array);
  }
});

test('random bytes: the length asked for, fresh each time, past the 64 KiB Web Crypto limit too', () => {
  for (const n of [0, 1, 32, 65536, 65537, 200_000]) assert.is(randomBytes(n).length, n);
  const a = randomBytes(32);
  const b = randomBytes(32);
  assert.is.not(hex(a), hex(b));
  const big = new Uint8Array(200_000);
  fillRandom(big);
  // Every 64 KiB call filled its part: no 1 KiB run of zeros (probability 2^-8192 per run).
  for (let i = 0; i + 1024 <= big.length; i += 1024)
    assert.ok(
      big.subarray(i, i + 1024).some((x) => x !== 0),
      `zeros at ${i}`,
    );
});

test.run();
