/**
 * WebSocket scheme (issue 10, finding 2): the default factory speaks `wss`;
 * against a plain `ws://` server the open fails fast with a `TransportError`
 * naming the fix, a `Connection` over it settles its calls within their
 * deadline, and `scheme: 'ws'` connects. An endpoint that never finishes the
 * upgrade is bounded by `openTimeoutMs`.
 */
import { createServer } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { TimeoutError, TransportError } from '../../ts/errors.js';
import { Connection, type ConnectionOptions } from '../../ts/network/index.js';
import { TestServer } from '../../ts/testing/index.js';
import { createNodeWebSocketFactory } from '../../ts/transport/node.js';
import type { SocketHandlers } from '../../ts/transport/socket.js';

interface Ctx {
  server: TestServer;
  crypto: CryptoProvider;
}

const test = suite<Ctx>('websocket scheme', {} as Ctx);

test.before(async (ctx) => {
  ctx.crypto = await createCryptoProvider();
  ctx.server = await TestServer.start({ dcs: [2], crypto: ctx.crypto, onError: (e) => console.error('server bug:', e) });
});

test.after(async (ctx) => {
  await ctx.server.stop();
});

const handlers: SocketHandlers = { onData() {}, onError() {}, onClose() {} };

function connection(ctx: Ctx, extra: Partial<ConnectionOptions>): Connection {
  const dc = ctx.server.dcs[0]!;
  return new Connection({
    crypto: ctx.crypto,
    sockets: createNodeWebSocketFactory(),
    dcId: 2,
    host: dc.host,
    port: dc.wsPort!,
    rsaKeys: [ctx.server.rsaPublicKey],
    reconnect: { initialMs: 10, maxMs: 50 },
    initConnection: {
      api_id: 1,
      device_model: 'wasmgram tests',
      system_version: 'node',
      app_version: '0',
      system_lang_code: 'en',
      lang_pack: '',
      lang_code: 'en',
    },
    ...extra,
  });
}

test('default wss against a plain ws server: the open rejects with a TransportError that names scheme "ws"', async (ctx) => {
  const dc = ctx.server.dcs[0]!;
  const error = await createNodeWebSocketFactory()
    .connect(dc.host, dc.wsPort!, handlers)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  assert.instance(error, TransportError);
  assert.match((error as Error).message, /wss:\/\//);
  assert.match((error as Error).message, /scheme: 'ws'/);
});

test('finding 2: a Connection with the default factory against a plain ws server settles invoke within its deadline', async (ctx) => {
  const conn = connection(ctx, {});
  const started = Date.now();
  const error = await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 1_000 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof TransportError || error instanceof TimeoutError, String(error));
  assert.ok(Date.now() - started < 3_000);
  conn.close();
});

test('without a deadline the caller is still rejected once the attempts are spent', async (ctx) => {
  const conn = connection(ctx, { reconnect: { initialMs: 10, maxMs: 20, maxAttempts: 2 } });
  const error = await conn.invoke({ _: 'help.getNearestDc' }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.instance(error, TransportError);
  assert.match((error as Error).message, /scheme: 'ws'/);
  conn.close();
});

test("scheme: 'ws' connects and answers (secure: false still works)", async (ctx) => {
  for (const sockets of [createNodeWebSocketFactory({ scheme: 'ws' }), createNodeWebSocketFactory({ secure: false })]) {
    const conn = connection(ctx, { sockets });
    assert.is((await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 5_000 })).this_dc, 2);
    conn.close();
  }
});

test('an endpoint that accepts TCP but never answers the upgrade: the open rejects after openTimeoutMs', async () => {
  const sockets = new Set<import('node:net').Socket>();
  const silent = createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as { port: number }).port;
  const error = await createNodeWebSocketFactory({ scheme: 'ws', openTimeoutMs: 150 })
    .connect('127.0.0.1', port, handlers)
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  assert.instance(error, TransportError);
  assert.match((error as Error).message, /did not open within 150 ms/);
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

test('a bad scheme is a TransportError at creation', () => {
  assert.throws(
    () => createNodeWebSocketFactory({ scheme: 'http' as 'ws' }),
    (e: unknown) => e instanceof TransportError,
  );
});

test.run();
