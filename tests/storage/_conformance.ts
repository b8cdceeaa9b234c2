/**
 * One conformance suite for every SessionStorage backend: the same checks run
 * on memory, file, string and libSQL storages (each test file calls
 * `conformance(name, harness)`).
 */
import { inspect } from 'node:util';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SessionError } from '../../ts/errors.js';
import { type CachedPeer, type SessionSnapshot, type SessionStorage, STORAGE_VERSION, type StoredDcKey } from '../../ts/storage/index.js';

/** How a test file hands its backend to the suite. */
export interface Harness {
  /** A fresh, empty, not yet opened storage. */
  create(): Promise<SessionStorage>;
  /** Another storage over the same backing store as `storage` (after it was closed); omitted for memory. */
  reopen?(storage: SessionStorage): Promise<SessionStorage>;
  /** Removes whatever create() made. */
  cleanup?(): Promise<void>;
}

export function fakeKey(seed: number): Uint8Array {
  const k = new Uint8Array(256);
  for (let i = 0; i < 256; i++) k[i] = (seed * 31 + i * 7) & 0xff;
  return k;
}

export function peer(id: bigint, extra: Partial<CachedPeer> = {}): CachedPeer {
  return { id, kind: 'user', accessHash: id * 1000n + 7n, min: false, updatedAt: 1_700_000_000, ...extra };
}

/** A snapshot with something in every field. */
export function fullSnapshot(peers = 3): SessionSnapshot {
  const s: SessionSnapshot = {
    version: STORAGE_VERSION,
    homeDc: 2,
    dcOptions: [
      { id: 2, host: '149.154.167.51', port: 443 },
      { id: 2, host: '2001:67c:4e8:f002::a', port: 443, ipv6: true },
      { id: 4, host: '149.154.167.92', port: 443, mediaOnly: true, secret: new Uint8Array([1, 2, 3]) },
    ],
    keys: [
      { dcId: 2, authKey: fakeKey(2), serverSalt: -1234567890123n, timeOffset: -3 },
      { dcId: 4, authKey: fakeKey(4) },
      { dcId: 4, authKey: fakeKey(40), media: true },
    ],
    account: { userId: 5_000_000_001n, bot: false, phone: '15550001', username: 'alice' },
    updateState: { pts: 10, qts: 2, date: 1_700_000_100, seq: 5 },
    channelPts: new Map([
      [1_000_000_001n, 77],
      [1_000_000_002n, 78],
    ]),
    peers: new Map(),
  };
  for (let i = 0; i < peers; i++) {
    const id = BigInt(100 + i);
    s.peers.set(id, peer(id, { usernames: [`user${i}`], phone: `1555${i}` }));
  }
  s.peers.set(-5n, peer(-5n, { kind: 'channel', accessHash: -9_000_000_000_000_000_000n, min: true }));
  return s;
}

async function rejectsSession(fn: () => Promise<unknown>, pattern?: RegExp): Promise<SessionError> {
  try {
    await fn();
  } catch (e) {
    assert.ok(e instanceof SessionError, `expected SessionError, got ${String(e)}`);
    if (pattern) assert.match((e as Error).message, pattern);
    return e as SessionError;
  }
  assert.unreachable('expected a SessionError');
  throw new Error('unreachable');
}
export { rejectsSession };

function keyEquals(a: StoredDcKey | undefined, b: StoredDcKey): void {
  assert.ok(a, 'key present');
  assert.is(a!.dcId, b.dcId);
  assert.equal([...a!.authKey], [...b.authKey]);
  assert.is(a!.serverSalt, b.serverSalt);
  assert.is(a!.timeOffset, b.timeOffset);
}

/** Registers and runs the shared checks for one backend. */
export function conformance(name: string, h: Harness): void {
  const t = suite(`${name} (conformance)`);
  const opened: SessionStorage[] = [];
  const make = async () => {
    const s = await h.create();
    await s.open();
    opened.push(s);
    return s;
  };
  t.after.each(async () => {
    for (const s of opened.splice(0)) await s.close().catch(() => {});
    await h.cleanup?.();
  });

  t('a new storage is empty', async () => {
    const s = await make();
    assert.is(await s.getHomeDc(), undefined);
    assert.equal(await s.getDcOptions(), []);
    assert.is(await s.getAuthKey(2), undefined);
    assert.is(await s.getAccount(), undefined);
    assert.is(await s.getUpdateState(), undefined);
    assert.is(await s.getPeer(1n), undefined);
    assert.is(await s.getChannelPts(1n), undefined);
    const snap = await s.snapshot();
    assert.is(snap.version, STORAGE_VERSION);
    assert.is(snap.peers.size, 0);
  });

  t('home DC, DC options, account and update state round-trip', async () => {
    const s = await make();
    await s.setHomeDc(4);
    const opts = fullSnapshot().dcOptions;
    await s.setDcOptions(opts);
    await s.setAccount({ userId: 42n, bot: true, username: 'robot' });
    await s.setUpdateState({ pts: 1, qts: 2, date: 3, seq: 4 });
    await s.setChannelPts(99n, 1234);
    assert.is(await s.getHomeDc(), 4);
    const back = await s.getDcOptions();
    assert.is(back.length, 3);
    assert.equal(back[0], opts[0]);
    assert.equal([...back[2]!.secret!], [1, 2, 3]);
    assert.is(back[2]!.mediaOnly, true);
    assert.equal(await s.getAccount(), { userId: 42n, bot: true, username: 'robot' });
    assert.equal(await s.getUpdateState(), { pts: 1, qts: 2, date: 3, seq: 4 });
    assert.is(await s.getChannelPts(99n), 1234);
    await s.setChannelPts(99n, undefined);
    assert.is(await s.getChannelPts(99n), undefined);
    await s.setAccount(undefined);
    assert.is(await s.getAccount(), undefined);
    await s.setUpdateState(undefined);
    assert.is(await s.getUpdateState(), undefined);
  });

  t('auth keys: per DC, media kept apart, delete with undefined, bad length refused', async () => {
    const s = await make();
    const main: StoredDcKey = { dcId: 2, authKey: fakeKey(1), serverSalt: 99n, timeOffset: 5 };
    const media: StoredDcKey = { dcId: 2, authKey: fakeKey(9) };
    await s.setAuthKey(2, main);
    await s.setAuthKey(2, media, true);
    keyEquals(await s.getAuthKey(2), main);
    const m = await s.getAuthKey(2, true);
    assert.equal([...m!.authKey], [...media.authKey]);
    assert.is(m!.media, true);
    assert.is(await s.getAuthKey(3), undefined);
    await s.setAuthKey(2, undefined);
    assert.is(await s.getAuthKey(2), undefined);
    assert.ok(await s.getAuthKey(2, true));
    await rejectsSession(() => s.setAuthKey(1, { dcId: 1, authKey: new Uint8Array(10) }), /256 bytes/);
  });

  t('returned values are copies: mutating them does not change the store', async () => {
    const s = await make();
    await s.setAuthKey(1, { dcId: 1, authKey: fakeKey(1) });
    const k = await s.getAuthKey(1);
    k!.authKey.fill(0);
    assert.is((await s.getAuthKey(1))!.authKey[1], fakeKey(1)[1]);
    await s.putPeers([peer(5n, { usernames: ['x'] })]);
    const p = await s.getPeer(5n);
    p!.accessHash = 0n;
    assert.is((await s.getPeer(5n))!.accessHash, peer(5n).accessHash);
  });

  t('peers: lookup by id, username (case-insensitive, @ allowed) and phone (+ and spaces ignored)', async () => {
    const s = await make();
    await s.putPeers([
      peer(1n, { usernames: ['Alice', 'alice_old'], phone: '15550001' }),
      peer(2n, { kind: 'channel', usernames: ['news'] }),
      peer(3n, { kind: 'chat', accessHash: 0n }),
    ]);
    assert.is((await s.getPeer(1n))!.accessHash, 1007n);
    assert.is((await s.getPeerByUsername('@ALICE'))!.id, 1n);
    assert.is((await s.getPeerByUsername('alice_old'))!.id, 1n);
    assert.is((await s.getPeerByUsername('news'))!.kind, 'channel');
    assert.is((await s.getPeerByPhone('+1 555 0001'))!.id, 1n);
    assert.is((await s.getPeer(3n))!.accessHash, 0n);
    assert.is(await s.getPeerByUsername('nobody'), undefined);
    assert.is(await s.getPeerByPhone('1'), undefined);
  });

  t('peers: a min entry never replaces a full one; a full one replaces min; a renamed user loses the old username', async () => {
    const s = await make();
    await s.putPeers([peer(7n, { accessHash: 111n })]);
    await s.putPeers([peer(7n, { accessHash: 222n, min: true })]);
    assert.is((await s.getPeer(7n))!.accessHash, 111n);
    await s.putPeers([peer(8n, { accessHash: 1n, min: true })]);
    await s.putPeers([peer(8n, { accessHash: 2n })]);
    const p8 = await s.getPeer(8n);
    assert.is(p8!.accessHash, 2n);
    assert.is(p8!.min, false);
    await s.putPeers([peer(9n, { usernames: ['old'] })]);
    await s.putPeers([peer(9n, { usernames: ['new'] })]);
    assert.is(await s.getPeerByUsername('old'), undefined);
    assert.is((await s.getPeerByUsername('new'))!.id, 9n);
  });

  t('peers: negative and 64-bit ids and hashes survive', async () => {
    const s = await make();
    const big = peer(0x7fff_ffff_ffff_ffffn, { accessHash: -0x8000_0000_0000_0000n });
    await s.putPeers([big, peer(-1n, { accessHash: 0x7fff_ffff_ffff_ffffn })]);
    assert.equal(await s.getPeer(big.id), big);
    assert.is((await s.getPeer(-1n))!.accessHash, 0x7fff_ffff_ffff_ffffn);
  });

  t('snapshot/restore: a full snapshot round-trips', async () => {
    const s = await make();
    const full = fullSnapshot();
    await s.restore(full);
    const back = await s.snapshot();
    assert.is(back.homeDc, 2);
    assert.is(back.keys.length, 3);
    assert.equal(back.account, full.account);
    assert.equal(back.updateState, full.updateState);
    assert.equal([...back.channelPts], [...full.channelPts]);
    assert.equal(
      [...back.peers.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
      [...full.peers.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    keyEquals(await s.getAuthKey(2), full.keys[0]!);
    assert.equal([...(await s.getAuthKey(4, true))!.authKey], [...fakeKey(40)]);
    assert.is((await s.getPeerByUsername('user1'))!.id, 101n);
  });

  t('restore: a newer snapshot version is refused and nothing changes', async () => {
    const s = await make();
    await s.setHomeDc(3);
    await rejectsSession(() => s.restore({ ...fullSnapshot(), version: STORAGE_VERSION + 1 }), /newer/);
    assert.is(await s.getHomeDc(), 3);
  });

  t('redaction: storage, snapshot and keys print [redacted], never key bytes', async () => {
    const s = await make();
    await s.restore(fullSnapshot());
    const key = await s.getAuthKey(2);
    const snap = await s.snapshot();
    for (const v of [s, snap, key]) {
      const text = inspect(v, { depth: 10 }) + JSON.stringify({ v });
      assert.match(text, /\[redacted\]/);
      assert.not.match(text, /authKey|serverSalt/);
    }
  });

  t('lease: a second owner is refused naming the holder, takeOver wins, renew after loss fails, release frees', async () => {
    const s = await make();
    if (!s.acquireLease) return;
    const a = await s.acquireLease('proc-a', 60_000);
    assert.is(a.owner, 'proc-a');
    await s.acquireLease('proc-a', 60_000); // re-acquire by the holder is fine
    await rejectsSession(() => s.acquireLease!('proc-b', 60_000), /proc-a/);
    await s.acquireLease('proc-b', 60_000, true);
    await rejectsSession(() => s.renewLease!('proc-a', 60_000), /proc-b/);
    const r = await s.renewLease!('proc-b', 1000);
    assert.ok(r.expiresAt > Date.now());
    await s.releaseLease!('proc-b');
    await s.acquireLease('proc-c', 60_000);
    await s.releaseLease!('proc-c');
  });

  t('lease: an expired lease can be taken without takeOver', async () => {
    const s = await make();
    if (!s.acquireLease) return;
    await s.acquireLease('old', 1);
    await new Promise((r) => setTimeout(r, 10));
    const l = await s.acquireLease('new', 60_000);
    assert.is(l.owner, 'new');
    await s.releaseLease!('new');
  });

  t('calls before open() or after close() fail with SessionError', async () => {
    const s = await h.create();
    await rejectsSession(() => s.getHomeDc(), /open/);
    await s.open();
    await s.close();
    await rejectsSession(() => s.setHomeDc(1), /closed/);
  });

  if (h.reopen) {
    t('durable: everything written is there after close and reopen', async () => {
      const s = await make();
      await s.restore(fullSnapshot(50));
      await s.setHomeDc(4);
      await s.putPeers([peer(999n, { usernames: ['late'] })]);
      await s.setAuthKey(5, { dcId: 5, authKey: fakeKey(5), serverSalt: 1n });
      await s.close();
      const r = await h.reopen!(s);
      await r.open();
      opened.push(r);
      assert.is(await r.getHomeDc(), 4);
      assert.is((await r.getPeerByUsername('late'))!.id, 999n);
      assert.is((await r.getPeerByUsername('user49'))!.id, 149n);
      assert.is((await r.getPeer(-5n))!.min, true);
      assert.is((await r.getAuthKey(5))!.serverSalt, 1n);
      assert.equal([...(await r.getAuthKey(2))!.authKey], [...fakeKey(2)]);
      assert.equal(await r.getAccount(), fullSnapshot().account);
      assert.is(await r.getChannelPts(1_000_000_002n), 78);
      assert.equal((await r.getDcOptions()).length, 3);
    });
  }

  t.run();
}
