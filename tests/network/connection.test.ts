/**
 * The network layer end to end against the project's own MTProto test server
 * on 127.0.0.1: every transport, reconnect and re-send semantics, and the
 * server-driven service-message rules as the client sees them.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { RpcError, TimeoutError } from '../../ts/errors.js';
import type { SessionEvent } from '../../ts/mtproto/session/events.js';
import { Connection, type ConnectionEvents, type ConnectionOptions } from '../../ts/network/index.js';
import { TestServer } from '../../ts/testing/index.js';
import type { CodecKind } from '../../ts/transport/frame.js';
import { createNodeTcpFactory, createNodeWebSocketFactory } from '../../ts/transport/node.js';

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

const test = suite<Ctx>('network', {} as Ctx);

test.before(async (ctx) => {
  ctx.crypto = await createCryptoProvider();
  ctx.server = await TestServer.start({ dcs: [1, 2], crypto: ctx.crypto, onError: (e) => console.error('server bug:', e) });
});

test.after(async (ctx) => {
  await ctx.server.stop();
});

function connection(ctx: Ctx, extra: Partial<ConnectionOptions> = {}, dcId = 2): Connection {
  const dc = ctx.server.dcs.find((d) => d.id === dcId)!;
  return new Connection({
    crypto: ctx.crypto,
    sockets: createNodeTcpFactory(),
    dcId,
    host: dc.host,
    port: dc.port,
    rsaKeys: [ctx.server.rsaPublicKey],
    initConnection: init,
    reconnect: { initialMs: 20, maxMs: 200 },
    ...extra,
  });
}

async function until(cond: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const rpcCount = (ctx: Ctx, method: string) => ctx.server.stats.rpcCalls[method] ?? 0;

const CODECS: CodecKind[] = ['abridged', 'intermediate', 'padded-intermediate', 'full'];
for (const codec of CODECS) {
  for (const obfuscated of codec === 'full' ? [false] : [false, true]) {
    test(`TCP ${codec}${obfuscated ? ' + obfuscated2' : ''}: key exchange, then an encrypted help.getConfig`, async (ctx) => {
      const conn = connection(ctx, { codec, obfuscated });
      const config = await conn.invoke({ _: 'help.getConfig' });
      assert.is(config.this_dc, 2);
      assert.ok(config.dc_options.some((o) => o.id === 1 && o.port === ctx.server.dcs[0]!.port));
      assert.is(conn.authKey!.key.length, 256);
      conn.close();
    });
  }
}

for (const codec of ['abridged', 'intermediate', 'padded-intermediate'] as const) {
  test(`WebSocket ${codec} (obfuscated2, as browsers connect): key exchange and help.getConfig`, async (ctx) => {
    const dc = ctx.server.dcs[1]!;
    const conn = connection(ctx, { codec, sockets: createNodeWebSocketFactory({ secure: false }), port: dc.wsPort! });
    const config = await conn.invoke({ _: 'help.getConfig' });
    assert.is(config.this_dc, 2);
    conn.close();
  });
}

test('a stored auth key is reused: no second key exchange', async (ctx) => {
  const first = connection(ctx);
  await first.invoke({ _: 'help.getNearestDc' });
  const stored = first.authKey!;
  first.close();
  const keysBefore = ctx.server.stats.authKeys;
  const second = connection(ctx, { authKey: stored });
  const nearest = await second.invoke({ _: 'help.getNearestDc' });
  assert.is(nearest.this_dc, 2);
  assert.is(ctx.server.stats.authKeys, keysBefore);
  second.close();
});

test('resend: 100 requests in flight when the connection drops each resolve exactly once, and none runs twice on the server', async (ctx) => {
  const conn = connection(ctx);
  await conn.connect();
  const before = rpcCount(ctx, 'help.getNearestDc');
  const cachedBefore = ctx.server.stats.cachedAnswers;
  // Hold the server's answers so the connection dies with the queries executed but unanswered.
  ctx.server.faults.delay(60_000);
  let settled = 0;
  const results = Array.from({ length: 100 }, () =>
    conn.invoke({ _: 'help.getNearestDc' }).then((r) => {
      settled++;
      return r;
    }),
  );
  await until(() => rpcCount(ctx, 'help.getNearestDc') === before + 100, 'the server to run all 100 queries');
  assert.is(settled, 0);
  ctx.server.faults.clear();
  ctx.server.faults.dropConnections(2);
  const answers = await Promise.all(results);
  assert.is(settled, 100);
  assert.ok(answers.every((a) => a.this_dc === 2));
  // Re-sent under their old msg_ids: answered from the server's cache, never executed again.
  assert.is(rpcCount(ctx, 'help.getNearestDc'), before + 100);
  assert.is(ctx.server.stats.cachedAnswers - cachedBefore, 100);
  conn.close();
});

test('reconnect: after the server drops every connection, the next request goes through a new one', async (ctx) => {
  const conn = connection(ctx);
  await conn.invoke({ _: 'help.getNearestDc' });
  const connections = ctx.server.stats.connections;
  ctx.server.faults.dropConnections();
  const nearest = await conn.invoke({ _: 'help.getNearestDc' });
  assert.is(nearest.this_dc, 2);
  assert.ok(ctx.server.stats.connections > connections);
  conn.close();
});

test('bad_server_salt: the request is re-sent with the salt the server names, transparently', async (ctx) => {
  const conn = connection(ctx);
  await conn.invoke({ _: 'help.getNearestDc' });
  ctx.server.faults.nextBadServerSalt();
  const nearest = await conn.invoke({ _: 'help.getNearestDc' });
  assert.is(nearest.this_dc, 2);
  assert.ok((ctx.server.stats.serviceSent.bad_server_salt ?? 0) > 0);
  conn.close();
});

test('bad_msg_notification 16 (msg_id too low): the clock is re-synced and the request re-sent', async (ctx) => {
  const conn = connection(ctx);
  await conn.invoke({ _: 'help.getNearestDc' });
  const synced: number[] = [];
  const onSession = (e: SessionEvent): void => {
    if (e.type === 'time_synced') synced.push(e.timeOffset);
  };
  conn.on('session', onSession as ConnectionEvents['session']);
  ctx.server.faults.nextTimeResync(16);
  const nearest = await conn.invoke({ _: 'help.getNearestDc' });
  assert.is(nearest.this_dc, 2);
  assert.is(synced.length, 1);
  conn.close();
});

test('security: a server packet with a corrupted msg_key is dropped, the connection reopened, and the request still answered', async (ctx) => {
  const conn = connection(ctx);
  await conn.invoke({ _: 'help.getNearestDc' });
  const errors: string[] = [];
  conn.on('session', (e: SessionEvent) => {
    const event = e as { type: string; error?: { check: string } };
    if (event.type === 'security_error') errors.push(event.error!.check);
  });
  ctx.server.faults.corruptNextMsgKey();
  const nearest = await conn.invoke({ _: 'help.getNearestDc' });
  assert.is(nearest.this_dc, 2);
  assert.equal(errors, ['msg_key']);
  conn.close();
});

test('FLOOD_WAIT_X reaches the caller as RpcError 420 with waitSeconds', async (ctx) => {
  const conn = connection(ctx);
  ctx.server.faults.floodWait('help.getNearestDc', 7);
  try {
    await conn.invoke({ _: 'help.getNearestDc' });
    assert.unreachable('must reject');
  } catch (e) {
    assert.instance(e, RpcError);
    assert.is((e as RpcError).code, 420);
    assert.is((e as RpcError).waitSeconds, 7);
  }
  conn.close();
});

test('a method the server does not implement is an RpcError 400, never silence', async (ctx) => {
  const conn = connection(ctx);
  try {
    await conn.invoke({ _: 'help.getPremiumPromo' });
    assert.unreachable('must reject');
  } catch (e) {
    assert.instance(e, RpcError);
    assert.is((e as RpcError).code, 400);
  }
  conn.close();
});

test('request timeout: TimeoutError, and the connection keeps working', async (ctx) => {
  const conn = connection(ctx);
  await conn.invoke({ _: 'help.getNearestDc' });
  ctx.server.faults.delay(2_000);
  try {
    await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 100 });
    assert.unreachable('must time out');
  } catch (e) {
    assert.instance(e, TimeoutError);
  }
  ctx.server.faults.clear();
  assert.is((await conn.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
  conn.close();
});

test('PFS: traffic runs on a temporary key bound to the permanent one; near expiry a new one is made and bound', async (ctx) => {
  // A 600 s key renewed 599 s before expiry: the renewal falls due after about a second.
  const conn = connection(ctx, { pfs: { expiresIn: 600, renewBeforeS: 599 } });
  const perm: Uint8Array[] = [];
  const temps: Uint8Array[] = [];
  conn.on('auth-key', (k) => perm.push(k.authKeyId));
  conn.on('temp-key', (k) => temps.push(k.authKeyId));
  const binds = () => ctx.server.stats.rpcCalls['auth.bindTempAuthKey'] ?? 0;
  const bindsBefore = binds();
  const config = await conn.invoke({ _: 'help.getConfig' });
  assert.is(config.this_dc, 2);
  assert.is(perm.length, 1);
  assert.is(temps.length, 1);
  assert.not.equal(temps[0], perm[0]);
  assert.is(binds() - bindsBefore, 1);
  await until(() => temps.length === 2, 'a second temporary key', 8_000);
  assert.is((await conn.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
  assert.is(perm.length, 1, 'the permanent key is kept');
  assert.is(binds() - bindsBefore, 2);
  assert.not.equal(temps[1], temps[0]);
  conn.close();
});

test('a client clock 400 s ahead of the server recovers: bad_msg_notification 17, clock corrected, new session, answer', async (ctx) => {
  const conn = connection(ctx, { now: () => Date.now() + 400_000 });
  assert.is((await conn.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
  conn.close();
});

test('close: pending requests reject and the connection stays closed', async (ctx) => {
  const conn = connection(ctx);
  await conn.connect();
  ctx.server.faults.delay(5_000);
  const pending = conn.invoke({ _: 'help.getNearestDc' });
  conn.close();
  await pending.then(
    () => assert.unreachable('must reject'),
    (e: Error) => assert.ok(e instanceof Error),
  );
  ctx.server.faults.clear();
  await conn.invoke({ _: 'help.getNearestDc' }).then(
    () => assert.unreachable('closed'),
    (e: Error) => assert.match(e.message, /closed/),
  );
});

test.run();
