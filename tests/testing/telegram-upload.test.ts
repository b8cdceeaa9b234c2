/**
 * Files on the in-memory Telegram (https://core.telegram.org/api/files):
 * upload.saveFilePart stores parts per account within bounds, upload.getFile
 * reads them back under Telegram's offset/limit rules — and a 512 KiB part
 * crosses the whole stack (test server + Connection over TCP) both ways.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { wrapWithInitConnection, type InitConnectionFields } from '../../ts/mtproto/session/init-connection.js';
import { Connection } from '../../ts/network/index.js';
import { TestServer } from '../../ts/testing/index.js';
import { encodeResult, manualClock, seededRandom, TelegramBackend, type RequestContext } from '../../ts/testing/telegram/index.js';
import { MAX_FILES_PER_USER, MAX_PART_SIZE } from '../../ts/testing/telegram/methods/file-parts.js';
import { decodeResult } from '../../ts/tl/codec/index.js';
import type { AnyRequest, upload } from '../../ts/tl/generated/types.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { rejects } from './_rpc.js';

const INIT: InitConnectionFields = {
  api_id: 4,
  device_model: 'uvu',
  system_version: 'node',
  app_version: '0.1.0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};
const T0 = 1_700_000_000;
const KIB = 1024;

function setup() {
  const backend = new TelegramBackend({ now: manualClock(T0), random: seededRandom(9) });
  const alice = backend.addUser({ phone: '9996621111', firstName: 'Alice' });
  const bob = backend.addUser({ phone: '9996622222', firstName: 'Bob' });
  let nextKey = 500n;
  const connect = async (userId?: bigint): Promise<RequestContext> => {
    const ctx = backend.connect(2, { authKeyId: nextKey++ });
    await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT));
    if (userId !== undefined) backend.authorize(2, ctx.authKeyId, userId);
    return ctx;
  };
  return { backend, alice, bob, connect };
}

/** `n` bytes whose value depends on the position and `seed`. */
function pattern(n: number, seed = 0): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (i * 31 + seed * 7 + (i >> 10)) & 0xff;
  return out;
}

const save = (file_id: bigint, file_part: number, bytes: Uint8Array): upload.saveFilePart => ({
  _: 'upload.saveFilePart',
  file_id,
  file_part,
  bytes,
});

function getFile(id: bigint, offset: number, limit: number, extra: Partial<upload.getFile> = {}): upload.getFile {
  return {
    _: 'upload.getFile',
    location: { _: 'inputDocumentFileLocation', id, access_hash: 0n, file_reference: new Uint8Array(0), thumb_size: '' },
    offset: BigInt(offset),
    limit,
    ...extra,
  };
}

/** The bytes of an `upload.file` answer (fails on a CDN redirect). */
function bytesOf(file: upload.File): Uint8Array {
  assert.is(file._, 'upload.file');
  return file._ === 'upload.file' ? file.bytes : new Uint8Array(0);
}

/** The result survives the codec: encoded by its result type and decoded back, same bytes again. */
function schemaValid(request: AnyRequest, result: unknown): void {
  const bytes = encodeResult(request, result);
  assert.equal(encodeResult(request, decodeResult(request, bytes)), bytes);
}

// --- upload.saveFilePart ------------------------------------------------------------

test('upload.saveFilePart: stores the part and answers boolTrue', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  const req = save(77n, 0, pattern(4 * KIB));
  const ok = await backend.handle(ctx, req);
  assert.is(ok, true);
  schemaValid(req, ok);
  assert.equal(bytesOf(await backend.handle(ctx, getFile(77n, 0, 4 * KIB))), pattern(4 * KIB));
});

test('upload.saveFilePart: keeps a copy, not a view of the request buffer', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  const bytes = pattern(4 * KIB);
  await backend.handle(ctx, save(1n, 0, bytes));
  bytes.fill(0);
  assert.equal(bytesOf(await backend.handle(ctx, getFile(1n, 0, 4 * KIB))), pattern(4 * KIB));
});

test('upload.saveFilePart: needs a signed-in key (401 AUTH_KEY_UNREGISTERED)', async () => {
  const { backend, connect } = setup();
  const ctx = await connect();
  await rejects(backend.handle(ctx, save(1n, 0, pattern(16))), 401, 'AUTH_KEY_UNREGISTERED');
});

test('upload.saveFilePart: an empty part is FILE_PART_EMPTY, over 512 KiB FILE_PART_TOO_BIG', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  await rejects(backend.handle(ctx, save(1n, 0, new Uint8Array(0))), 400, 'FILE_PART_EMPTY');
  await rejects(backend.handle(ctx, save(1n, 0, new Uint8Array(MAX_PART_SIZE + 1))), 400, 'FILE_PART_TOO_BIG');
  assert.is(await backend.handle(ctx, save(1n, 0, new Uint8Array(MAX_PART_SIZE))), true);
});

test('upload.saveFilePart: part numbers outside 0..3999 are FILE_PART_INVALID', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  await rejects(backend.handle(ctx, save(1n, -1, pattern(16))), 400, 'FILE_PART_INVALID');
  await rejects(backend.handle(ctx, save(1n, 4000, pattern(16))), 400, 'FILE_PART_INVALID');
  assert.is(await backend.handle(ctx, save(1n, 3999, pattern(16))), true);
});

test('upload.saveFilePart: a file is bounded to 10 MiB (FILE_PARTS_INVALID); replacing a part does not count twice', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  const part = new Uint8Array(MAX_PART_SIZE);
  for (let i = 0; i < 20; i++) assert.is(await backend.handle(ctx, save(5n, i, part)), true);
  await rejects(backend.handle(ctx, save(5n, 20, pattern(16))), 400, 'FILE_PARTS_INVALID');
  // Rewriting a stored part keeps the total at 10 MiB.
  assert.is(await backend.handle(ctx, save(5n, 3, part)), true);
});

test(`upload.saveFilePart: an account keeps its ${MAX_FILES_PER_USER} most recently written files`, async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  for (let id = 1n; id <= BigInt(MAX_FILES_PER_USER); id++) await backend.handle(ctx, save(id, 0, pattern(16)));
  await backend.handle(ctx, save(1n, 1, pattern(16))); // file 1 is now the newest
  await backend.handle(ctx, save(100n, 0, pattern(16))); // evicts file 2, the oldest
  await rejects(backend.handle(ctx, getFile(2n, 0, 4 * KIB)), 400, 'LOCATION_INVALID');
  assert.is(bytesOf(await backend.handle(ctx, getFile(1n, 0, 4 * KIB))).length, 32);
  assert.is(bytesOf(await backend.handle(ctx, getFile(100n, 0, 4 * KIB))).length, 16);
});

// --- upload.getFile -----------------------------------------------------------------

test('upload.getFile: upload.file with storage.filePartial, the call time and the bytes of the part', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  const part = pattern(MAX_PART_SIZE, 3);
  await backend.handle(ctx, save(9n, 0, part));
  const req = getFile(9n, 0, MAX_PART_SIZE);
  const file = await backend.handle(ctx, req);
  assert.is(file._, 'upload.file');
  if (file._ !== 'upload.file') return;
  assert.is(file.type._, 'storage.filePartial');
  assert.is(file.mtime, T0);
  assert.equal(file.bytes, part);
  schemaValid(req, file);
});

test('upload.getFile: the file is its parts in order; ranges cross part boundaries; past the end is empty', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  const parts = [pattern(8 * KIB, 1), pattern(8 * KIB, 2), pattern(2 * KIB, 3)];
  // Written out of order: the order of part numbers decides the layout.
  for (const i of [2, 0, 1]) await backend.handle(ctx, save(4n, i, parts[i]!));
  const whole = new Uint8Array(18 * KIB);
  whole.set(parts[0]!, 0);
  whole.set(parts[1]!, 8 * KIB);
  whole.set(parts[2]!, 16 * KIB);
  assert.equal(bytesOf(await backend.handle(ctx, getFile(4n, 4 * KIB, 8 * KIB))), whole.subarray(4 * KIB, 12 * KIB));
  assert.equal(bytesOf(await backend.handle(ctx, getFile(4n, 0, 32 * KIB))), whole);
  assert.equal(bytesOf(await backend.handle(ctx, getFile(4n, 16 * KIB, 4 * KIB))), parts[2]);
  assert.is(bytesOf(await backend.handle(ctx, getFile(4n, 32 * KIB, 4 * KIB))).length, 0);
});

test('upload.getFile: limit must divide 1 MiB in 4 KiB steps (LIMIT_INVALID), offset be 4 KiB-aligned (OFFSET_INVALID)', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  await backend.handle(ctx, save(1n, 0, pattern(64 * KIB)));
  for (const limit of [0, -4096, 1000, 12 * KIB, 2 * 1024 * KIB]) {
    await rejects(backend.handle(ctx, getFile(1n, 0, limit)), 400, 'LIMIT_INVALID');
  }
  await rejects(backend.handle(ctx, getFile(1n, 1024, 4 * KIB)), 400, 'OFFSET_INVALID');
  await rejects(backend.handle(ctx, getFile(1n, -4096, 4 * KIB)), 400, 'OFFSET_INVALID');
  // 768 KiB + 512 KiB would cross the 1 MiB boundary.
  await rejects(backend.handle(ctx, getFile(1n, 768 * KIB, 512 * KIB)), 400, 'LIMIT_INVALID');
});

test('upload.getFile: precise relaxes the rules to 1 KiB steps, limit ≤ 1 MiB', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  const data = pattern(64 * KIB);
  await backend.handle(ctx, save(1n, 0, data));
  assert.equal(bytesOf(await backend.handle(ctx, getFile(1n, 3 * KIB, 5 * KIB, { precise: true }))), data.subarray(3 * KIB, 8 * KIB));
  await rejects(backend.handle(ctx, getFile(1n, 512, 5 * KIB, { precise: true })), 400, 'OFFSET_INVALID');
  await rejects(backend.handle(ctx, getFile(1n, 0, 1025 * KIB, { precise: true })), 400, 'LIMIT_INVALID');
});

test("upload.getFile: an unknown file, a thumbnail, or another account's upload is LOCATION_INVALID", async () => {
  const { backend, alice, bob, connect } = setup();
  const a = await connect(alice.id);
  const b = await connect(bob.id);
  await backend.handle(a, save(6n, 0, pattern(16)));
  await rejects(backend.handle(a, getFile(7n, 0, 4 * KIB)), 400, 'LOCATION_INVALID');
  const thumb = getFile(6n, 0, 4 * KIB);
  if (thumb.location._ === 'inputDocumentFileLocation') thumb.location.thumb_size = 'm';
  await rejects(backend.handle(a, thumb), 400, 'LOCATION_INVALID');
  await rejects(backend.handle(b, getFile(6n, 0, 4 * KIB)), 400, 'LOCATION_INVALID');
});

test('upload.getFile: a gap in the parts is FILE_PART_<n>_MISSING', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  await backend.handle(ctx, save(3n, 0, pattern(4 * KIB)));
  await backend.handle(ctx, save(3n, 2, pattern(4 * KIB)));
  await rejects(backend.handle(ctx, getFile(3n, 0, 4 * KIB)), 400, 'FILE_PART_1_MISSING');
});

test('upload.getFile: other location kinds are METHOD_NOT_IMPLEMENTED, not a made-up file', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  const req: upload.getFile = {
    _: 'upload.getFile',
    location: { _: 'inputEncryptedFileLocation', id: 1n, access_hash: 2n },
    offset: 0n,
    limit: 4 * KIB,
  };
  await rejects(backend.handle(ctx, req), 400, 'METHOD_NOT_IMPLEMENTED_upload.getFile.inputEncryptedFileLocation');
});

test('upload.getFile: inputPeerPhotoFileLocation with a photo_id the peer does not show is LOCATION_INVALID', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(alice.id);
  const req: upload.getFile = {
    _: 'upload.getFile',
    location: { _: 'inputPeerPhotoFileLocation', peer: { _: 'inputPeerSelf' }, photo_id: 1n },
    offset: 0n,
    limit: 4 * KIB,
  };
  await rejects(backend.handle(ctx, req), 400, 'LOCATION_INVALID');
});

// --- over the wire ------------------------------------------------------------------

test('a 512 KiB part goes up with upload.saveFilePart and comes back with upload.getFile over TCP', async () => {
  const crypto = await createCryptoProvider();
  const server = await TestServer.start({ dcs: [2], crypto, websocket: false });
  const dc = server.dc(2);
  const conn = new Connection({
    crypto,
    sockets: createNodeTcpFactory(),
    dcId: 2,
    host: dc.host,
    port: dc.port,
    rsaKeys: [server.rsaPublicKey],
    initConnection: INIT,
  });
  try {
    // A new test number: auth.signIn with the code (2 five times) asks to sign up.
    const phone = '9996621234';
    const sent = await conn.invoke({ _: 'auth.sendCode', phone_number: phone, api_id: 4, api_hash: 'x', settings: { _: 'codeSettings' } });
    if (sent._ !== 'auth.sentCode') return assert.unreachable(sent._);
    const auth = await conn.invoke({ _: 'auth.signIn', phone_number: phone, phone_code_hash: sent.phone_code_hash, phone_code: '22222' });
    assert.is(auth._, 'auth.authorizationSignUpRequired');
    await conn.invoke({ _: 'auth.signUp', phone_number: phone, phone_code_hash: sent.phone_code_hash, first_name: 'Up', last_name: '' });
    const part = pattern(MAX_PART_SIZE, 5);
    assert.is(await conn.invoke(save(42n, 0, part)), true);
    assert.equal(bytesOf(await conn.invoke(getFile(42n, 0, MAX_PART_SIZE))), part);
  } finally {
    conn.close();
    await server.stop();
  }
});

test.run();
