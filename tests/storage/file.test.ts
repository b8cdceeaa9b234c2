import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SessionError } from '../../ts/errors.js';
import { NodeFileSystem, nodeFileStorage } from '../../ts/storage/file-node.js';
import { FileStorage, SessionFileError, type StorageFileSystem } from '../../ts/storage/index.js';
import { encodeSessionFile } from '../../ts/storage/snapshot-codec.js';
import { STORAGE_VERSION } from '../../ts/storage/types.js';
import { conformance, fakeKey, fullSnapshot, rejectsSession } from './_conformance.js';
import { spawnChild } from './_spawn.js';

let dir = mkdtempSync(path.join(tmpdir(), 'wasmgram-file-'));
let n = 0;
const fresh = () => path.join(dir, `s${n++}.session`);

conformance('FileStorage', {
  create: async () => nodeFileStorage(fresh(), { debounceMs: 0 }),
  reopen: async (s) => nodeFileStorage((s as FileStorage).path),
});

/** A file system that counts writes and can be told to fail. */
function countingFs(): StorageFileSystem & { writes: number; fail: boolean } {
  const inner = new NodeFileSystem();
  const fs = {
    writes: 0,
    fail: false,
    readFile: (p: string) => inner.readFile(p),
    createExclusive: (p: string, d: Uint8Array) => inner.createExclusive(p, d),
    remove: (p: string) => inner.remove(p),
    async writeFileAtomic(p: string, d: Uint8Array) {
      if (fs.fail) throw new SessionError('disk full (simulated)');
      fs.writes++;
      await inner.writeFileAtomic(p, d);
    },
  };
  return fs;
}

async function saved(file: string, homeDc = 2): Promise<Uint8Array> {
  const s = nodeFileStorage(file);
  await s.open();
  await s.restore(fullSnapshot());
  await s.setHomeDc(homeDc);
  await s.close();
  return readFileSync(file);
}

async function refused(file: string, problem: string, pattern: RegExp): Promise<void> {
  const before = readFileSync(file);
  const s = nodeFileStorage(file, { debounceMs: 0 });
  const e = await rejectsSession(() => s.open(), pattern);
  assert.ok(e instanceof SessionFileError);
  assert.is((e as SessionFileError).problem, problem);
  await s.close();
  assert.equal(readFileSync(file), before, 'a refused file is never overwritten');
}

test('file: a missing file is a new empty session, and nothing is written until something changes', async () => {
  const file = fresh();
  const s = nodeFileStorage(file, { debounceMs: 0 });
  await s.open();
  assert.is(await s.getHomeDc(), undefined);
  await s.close();
  assert.throws(() => statSync(file));
});

test('file: header is magic WGSF, the storage version, the body length and its CRC-32; mode 0600', async () => {
  const file = fresh();
  const bytes = await saved(file);
  assert.equal([...bytes.subarray(0, 4)], [0x57, 0x47, 0x53, 0x46]);
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  assert.is(view.getUint16(4), STORAGE_VERSION);
  assert.is(view.getUint32(8), bytes.length - 16);
  if (process.platform !== 'win32') assert.is(statSync(file).mode & 0o777, 0o600);
});

test('file: a truncated file is refused as truncated and left untouched', async () => {
  const file = fresh();
  const bytes = await saved(file);
  writeFileSync(file, bytes.subarray(0, bytes.length - 10));
  await refused(file, 'truncated', /truncated/);
  writeFileSync(file, bytes.subarray(0, 9));
  await refused(file, 'truncated', /truncated/);
});

test('file: a flipped bit is refused as corrupt (checksum) and left untouched', async () => {
  const file = fresh();
  const bytes = Uint8Array.from(await saved(file));
  bytes[100]! ^= 0x10;
  writeFileSync(file, bytes);
  await refused(file, 'corrupt', /checksum/);
});

test('file: a foreign file (another library, a text file, empty) is refused as foreign and left untouched', async () => {
  const file = fresh();
  writeFileSync(file, 'SQLite format 3\0 this is a Telethon/Pyrogram .session');
  await refused(file, 'foreign', /not a wasmgram session/);
  writeFileSync(file, '');
  await refused(file, 'truncated', /truncated/);
});

test('file: a file from a newer wasmgram is refused with the version and left untouched', async () => {
  const file = fresh();
  const bytes = Uint8Array.from(await saved(file));
  new DataView(bytes.buffer).setUint16(4, STORAGE_VERSION + 1);
  writeFileSync(file, bytes);
  await refused(file, 'newer', new RegExp(`version ${STORAGE_VERSION + 1}.*upgrade`));
});

test('file: a body whose counts lie is refused without a huge loop or allocation', async () => {
  const file = fresh();
  const s = encodeSessionFile({ ...fullSnapshot(0), peers: new Map(), channelPts: new Map() });
  // Last 4 bytes = peer count (0): make it 4 billion, and fix the CRC so only the count is wrong.
  const bytes = Uint8Array.from(s);
  const view = new DataView(bytes.buffer);
  view.setUint32(bytes.length - 4, 0xffffffff);
  const { crc32 } = await import('../../ts/tl/parser/crc32.js');
  view.setUint32(12, crc32(bytes.subarray(16)));
  writeFileSync(file, bytes);
  const t0 = Date.now();
  await refused(file, 'corrupt', /peer count/);
  assert.ok(Date.now() - t0 < 5000);
});

test('file: writes are coalesced (one write for a burst) and flush() forces them', async () => {
  const file = fresh();
  const fs = countingFs();
  const s = new FileStorage(file, { fs, debounceMs: 60_000 });
  await s.open();
  for (let i = 0; i < 100; i++) await s.putPeers([{ id: BigInt(i), kind: 'user', accessHash: 1n, min: false, updatedAt: 0 }]);
  await s.setHomeDc(3);
  assert.is(fs.writes, 0);
  await s.flush();
  assert.is(fs.writes, 1);
  await s.flush();
  assert.is(fs.writes, 1, 'nothing changed: no second write');
  await s.close();
  const r = nodeFileStorage(file);
  await r.open();
  assert.is(await r.getHomeDc(), 3);
  assert.ok(await r.getPeer(99n));
  await r.close();
});

test('file: a failed write rejects flush() with SessionError, keeps the old file, and is retried', async () => {
  const file = fresh();
  await saved(file, 2);
  const before = readFileSync(file);
  const fs = countingFs();
  const errors: SessionError[] = [];
  const s = new FileStorage(file, { fs, debounceMs: 60_000, onWriteError: (e) => errors.push(e) });
  await s.open();
  await s.setHomeDc(4);
  fs.fail = true;
  await rejectsSession(() => s.flush(), /disk full/);
  assert.is(errors.length, 1);
  assert.equal(readFileSync(file), before);
  fs.fail = false;
  await s.flush();
  await s.close();
  const r = nodeFileStorage(file);
  await r.open();
  assert.is(await r.getHomeDc(), 4);
  await r.close();
});

test('file: a process killed (SIGKILL) between write and rename leaves the old session intact and loadable', async () => {
  const file = fresh();
  await saved(file, 2);
  const before = readFileSync(file);
  const child = await spawnChild(['crash-before-rename', file]);
  const temps = readdirSync(dir).filter((f) => f.startsWith(path.basename(file)) && f.endsWith('.tmp'));
  assert.is(temps.length, 1, 'the child wrote its temporary file and paused before rename');
  await child.kill();
  assert.equal(readFileSync(file), before);
  const s = nodeFileStorage(file);
  await s.open();
  assert.is(await s.getHomeDc(), 2);
  assert.is(await s.getPeer(777n), undefined);
  assert.equal([...(await s.getAuthKey(2))!.authKey], [...fakeKey(2)]);
  await s.close();
});

test('file lease: a second process is refused naming the holder; takeOver wins; the holder then loses renew', async () => {
  const file = fresh();
  await saved(file);
  const child = await spawnChild(['hold-lease', file, 'worker-1@host:4242']);
  try {
    const s = nodeFileStorage(file);
    await s.open();
    const holder = await s.leaseHolder();
    assert.is(holder?.owner, 'worker-1@host:4242');
    await rejectsSession(() => s.acquireLease('worker-2', 10_000), /in use by worker-1@host:4242/);
    const l = await s.acquireLease('worker-2', 10_000, true);
    assert.is(l.owner, 'worker-2');
    // The first process's next renew fails (simulated here through a second handle with its owner name).
    const other = nodeFileStorage(file);
    await other.open();
    await rejectsSession(() => other.renewLease('worker-1@host:4242', 10_000), /lost: now held by worker-2/);
    await other.close();
    await s.close(); // close releases the lease
    assert.is(await s.leaseHolder(), undefined);
  } finally {
    await child.kill();
  }
});

test('file lease: a lease left by a killed process lapses after its ttl; a stale lock file is broken', async () => {
  const file = fresh();
  writeFileSync(`${file}.lease`, JSON.stringify({ owner: 'dead', expiresAt: Date.now() - 1 }));
  writeFileSync(`${file}.lease.lock`, String(Date.now() - 60_000));
  const s = nodeFileStorage(file);
  await s.open();
  const l = await s.acquireLease('alive', 10_000);
  assert.is(l.owner, 'alive');
  await s.close();
});

test.after(() => {
  rmSync(dir, { recursive: true, force: true });
  dir = '';
});

test.run();
