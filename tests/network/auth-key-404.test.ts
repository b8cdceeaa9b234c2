/**
 * Transport error -404 against the real test server (issue 10, finding 4):
 * transport error codes are not authenticated, so one injected -404 must not
 * cost a working permanent key; a key the server really does not know is
 * confirmed lost on fresh connections, reported once (`auth-key-lost`) and
 * replaced; under PFS a -404 costs only the temporary key.
 * https://core.telegram.org/mtproto/mtproto-transports#transport-errors
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { TransportError } from '../../ts/errors.js';
import { type AuthKeyLost, Connection, type ConnectionOptions } from '../../ts/network/index.js';
import { TestServer } from '../../ts/testing/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';

const init = {
  api_id: 1,
  device_model: 'wasmgram tests',
  system_version: 'node',
  app_version: '0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};

interface Ctx {
  server: TestServer;
  crypto: CryptoProvider;
}

const test = suite<Ctx>('-404', {} as Ctx);

test.before(async (ctx) => {
  ctx.crypto = await createCryptoProvider();
  ctx.server = await TestServer.start({ dcs: [2], crypto: ctx.crypto, onError: (e) => console.error('server bug:', e) });
});

test.after(async (ctx) => {
  await ctx.server.stop();
});

function connection(ctx: Ctx, extra: Partial<ConnectionOptions> = {}): Connection {
  const dc = ctx.server.dcs[0]!;
  return new Connection({
    crypto: ctx.crypto,
    sockets: createNodeTcpFactory(),
    dcId: 2,
    host: dc.host,
    port: dc.port,
    rsaKeys: [ctx.server.rsaPublicKey],
    initConnection: init,
    reconnect: { initialMs: 10, maxMs: 50 },
    ...extra,
  });
}

test('finding 4: one injected -404 on a working permanent key does not discard it: reconnect, same key, the call is answered', async (ctx) => {
  const conn = connection(ctx);
  await conn.invoke({ _: 'help.getNearestDc' });
  const key = conn.authKey!.key.slice();
  const keysBefore = ctx.server.stats.authKeys;
  const lost: AuthKeyLost[] = [];
  const created: unknown[] = [];
  conn.on('auth-key-lost', (info) => lost.push(info));
  conn.on('auth-key', (r) => created.push(r));
  ctx.server.faults.transportError(-404);
  const nearest = await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 5_000 });
  assert.is(nearest.this_dc, 2);
  assert.equal(conn.authKey!.key, key);
  assert.is(lost.length, 0);
  assert.is(created.length, 0);
  assert.is(ctx.server.stats.authKeys, keysBefore, 'no new key exchange');
  conn.close();
});

test('-404 injected on every other connection, with answers in between, never confirms a loss', async (ctx) => {
  const conn = connection(ctx);
  await conn.invoke({ _: 'help.getNearestDc' });
  const key = conn.authKey!.key;
  const lost: AuthKeyLost[] = [];
  conn.on('auth-key-lost', (info) => lost.push(info));
  for (let i = 0; i < 4; i++) {
    ctx.server.faults.transportError(-404);
    assert.is((await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 5_000 })).this_dc, 2);
  }
  assert.is(lost.length, 0);
  assert.is(conn.authKey!.key, key);
  conn.close();
});

test('a stored key the server does not know: -404 confirmed on two fresh connections, auth-key-lost once, then a new key and the answer', async (ctx) => {
  const unknown = { key: ctx.crypto.randomBytes(256) };
  const conn = connection(ctx, { authKey: unknown });
  const lost: AuthKeyLost[] = [];
  const created: Uint8Array[] = [];
  conn.on('auth-key-lost', (info) => lost.push(info));
  conn.on('auth-key', (r) => created.push(r.authKey));
  const sentBefore = ctx.server.stats.transportErrors ?? 0;
  // The first call is rejected: its request went to a key that is gone (the login with it).
  const first = await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 5_000 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.instance(first, TransportError);
  assert.is((first as TransportError).code, -404);
  assert.is(lost.length, 1);
  assert.is(lost[0]!.dcId, 2);
  assert.instance(lost[0]!.error, TransportError);
  assert.is(lost[0]!.authKeyId.length, 8);
  if (typeof ctx.server.stats.transportErrors === 'number') assert.is(ctx.server.stats.transportErrors - sentBefore, 3);
  // The next call runs on a new key.
  assert.is((await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 5_000 })).this_dc, 2);
  assert.is(created.length, 1);
  assert.not.equal(conn.authKey!.key, unknown.key);
  conn.close();
});

test('PFS: a -404 on the temporary key makes and binds a new temporary key; the permanent key stays', async (ctx) => {
  const conn = connection(ctx, { pfs: {} });
  const perm: Uint8Array[] = [];
  const temps: Uint8Array[] = [];
  const lost: AuthKeyLost[] = [];
  conn.on('auth-key', (k) => perm.push(k.authKeyId));
  conn.on('temp-key', (k) => temps.push(k.authKeyId));
  conn.on('auth-key-lost', (info) => lost.push(info));
  await conn.invoke({ _: 'help.getNearestDc' });
  assert.is(temps.length, 1);
  ctx.server.faults.transportError(-404);
  assert.is((await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 5_000 })).this_dc, 2);
  assert.is(temps.length, 2);
  assert.not.equal(temps[1], temps[0]);
  assert.is(perm.length, 1);
  assert.is(lost.length, 0);
  conn.close();
});

test.run();
