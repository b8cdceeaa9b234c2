/**
 * The web implementation of the platform layer (ts/platform/web/*, what the
 * package's `browser`, `worker` and — where workerd has nothing of its own —
 * `workerd` conditions load), run under Node by importing the files directly:
 * each stub throws the library's typed error with the message users see, and
 * pako's gzip agrees with node:zlib on the same fixed vector. The deno and
 * workerd files are checked against the interface by type only where they
 * import what Node lacks (cloudflare:sockets, .wasm modules).
 */
import { gunzipSync } from 'node:zlib';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SessionError, TransportError, WasmgramError } from '../../ts/errors.js';
import * as denoTcp from '../../ts/platform/deno/tcp.js';
import type { PlatformTcp, PlatformWasm, RuntimePlatform } from '../../ts/platform/types.js';
import * as webFilePath from '../../ts/platform/web/file-path.js';
import * as webFileSystem from '../../ts/platform/web/file-system.js';
import * as webLibsql from '../../ts/platform/web/libsql-local.js';
import * as webTcp from '../../ts/platform/web/tcp.js';
import * as webWebSocket from '../../ts/platform/web/websocket.js';
import * as webZlib from '../../ts/platform/web/zlib.js';
import type * as workerdTcp from '../../ts/platform/workerd/tcp.js';
import type * as workerdWasm from '../../ts/platform/workerd/wasm.js';
import * as embedded from '../../ts/wasm/embedded.js';
import { GZIP_TEXT, GZIP_VECTOR, notAvailableText } from './_vectors.js';

/** The browser's runtime platform (a type error if a web file drifts from the interface). */
const web: RuntimePlatform = {
  tcp: webTcp,
  websocket: webWebSocket,
  fileSystem: webFileSystem,
  filePath: webFilePath,
  zlib: webZlib,
  wasm: embedded,
};
// workerd's own files, by type (Node cannot load cloudflare:sockets or .wasm imports).
const workerd: { tcp: PlatformTcp; wasm: PlatformWasm } = {} as { tcp: typeof workerdTcp; wasm: typeof workerdWasm };
void workerd;

/** Runs `fn` and returns what it threw (synchronously, or as a rejected promise). */
async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  return assert.unreachable('expected a throw');
}

async function assertStub(fn: () => unknown, type: new (...args: never[]) => Error, what: string): Promise<void> {
  const e = await thrown(fn);
  assert.instance(e, type);
  assert.instance(e, WasmgramError);
  assert.is((e as Error).message, notAvailableText(what));
}

test('tcp stub: TransportError, "TCP (Node net sockets) is not available ..."', async () => {
  await assertStub(() => web.tcp.createNodeTcpFactory(), TransportError, 'TCP (Node net sockets)');
});

test('websocket stub: TransportError, "the ws WebSocket client is not available ..."', async () => {
  await assertStub(() => web.websocket.webSocketClient(), TransportError, 'the ws WebSocket client');
});

test('file system stub: constructing it throws SessionError', async () => {
  await assertStub(() => new web.fileSystem.NodeFileSystem(), SessionError, 'file storage (Node fs)');
});

test('file path stubs: uploads and downloads by path throw WasmgramError', async () => {
  await assertStub(() => web.filePath.openFileSource('a.jpg', 4096), WasmgramError, 'file paths in uploads (Node fs)');
  await assertStub(() => web.filePath.openFileSink('a.jpg'), WasmgramError, 'file paths in downloads (Node fs)');
});

test('local libSQL stub: SessionError for file: databases', async () => {
  await assertStub(
    () => webLibsql.createLocalLibsqlClient({ url: 'file:bot.db' }),
    SessionError,
    'a local libSQL database (file: or :memory:)',
  );
});

test('deno tcp: outside Deno the `deno` file says Deno.connect is missing', () => {
  assert.throws(
    () => denoTcp.createNodeTcpFactory(),
    (e: unknown) => e instanceof TransportError && /Deno\.connect is not available/.test((e as Error).message),
  );
});

test('zlib (pako): inflates the fixed node:zlib vector to what node:zlib inflates', () => {
  const fromNode = new Uint8Array(gunzipSync(GZIP_VECTOR));
  assert.equal(fromNode, GZIP_TEXT);
  assert.equal(web.zlib.nativeInflate(GZIP_VECTOR, 1 << 20), fromNode);
});

test('zlib (pako): the same limit and damage answers as node:zlib', () => {
  assert.equal(web.zlib.nativeInflate(GZIP_VECTOR, GZIP_TEXT.length), GZIP_TEXT);
  assert.is(web.zlib.nativeInflate(GZIP_VECTOR, GZIP_TEXT.length - 1), 'too-large');
  assert.is(web.zlib.nativeInflate(GZIP_VECTOR.subarray(0, 40), 1 << 20), 'invalid');
});

test('zlib (pako): what pako gzips, node:zlib inflates', () => {
  const packed = web.zlib.nativeGzip(GZIP_TEXT);
  assert.equal([...packed.subarray(0, 2)], [0x1f, 0x8b]);
  assert.equal(new Uint8Array(gunzipSync(packed)), GZIP_TEXT);
});

test.run();
