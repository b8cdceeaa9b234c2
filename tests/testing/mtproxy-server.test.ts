/**
 * The test MTProxy end to end: a `Connection` through each mode (plain, dd,
 * fake-TLS ee) to a `TestServer` DC completes the key exchange and
 * help.getConfig; a wrong secret, a wrong mode and a replayed hello are
 * refused, and the client sees a typed error within its deadline.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { RpcError, TransportError, WasmgramError } from '../../ts/errors.js';
import { Connection, type ConnectionOptions } from '../../ts/network/index.js';
import { TestServer } from '../../ts/testing/index.js';
import { MtproxyTestServer } from '../../ts/testing/mtproxy/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import {
  createMtproxySecret,
  parseProxyLink,
  type ProxyConfig,
  ProxyError,
  mtproxySocketFactory,
  proxyTransportOptions,
} from '../../ts/transport/proxy/index.js';

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
  proxy: MtproxyTestServer;
  crypto: CryptoProvider;
}

const test = suite<Ctx>('mtproxy test server', {} as Ctx);

test.before(async (ctx) => {
  ctx.crypto = await createCryptoProvider();
  ctx.server = await TestServer.start({
    dcs: [1, 2],
    crypto: ctx.crypto,
    websocket: false,
    onError: (e) => console.error('server bug:', e),
  });
  ctx.proxy = await MtproxyTestServer.start({ dcs: ctx.server.dcs, crypto: ctx.crypto, domain: 'cdn.example.org' });
});

test.after(async (ctx) => {
  await ctx.proxy.stop();
  await ctx.server.stop();
});

function viaLink(ctx: Ctx, link: string, extra: Partial<ConnectionOptions> = {}, dcId = 2): Connection {
  return viaConfig(ctx, parseProxyLink(link), extra, dcId);
}

function viaConfig(ctx: Ctx, config: ProxyConfig, extra: Partial<ConnectionOptions> = {}, dcId = 2): Connection {
  return new Connection({
    crypto: ctx.crypto,
    dcId,
    host: 'unused.invalid',
    port: 1,
    rsaKeys: [ctx.server.rsaPublicKey],
    initConnection: init,
    connectTimeoutMs: 3000,
    reconnect: { initialMs: 20, maxMs: 50, maxAttempts: 0 },
    ...proxyTransportOptions(config, { crypto: ctx.crypto, inner: createNodeTcpFactory(), timeoutMs: 3000 }),
    ...extra,
  });
}

for (const mode of ['plain', 'dd', 'ee'] as const) {
  test(`MTProxy ${mode}: key exchange and help.getConfig through the proxy to DC 2`, async (ctx) => {
    const before = ctx.proxy.stats.accepted[mode];
    const conn = viaLink(ctx, ctx.proxy.link(mode));
    try {
      const config = await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 5000 });
      assert.is(config.this_dc, 2);
      assert.is(ctx.proxy.stats.accepted[mode], before + 1);
    } finally {
      conn.close();
    }
  });
}

test('MTProxy ee: a t.me link and a test-DC id (10001) reach DC 1', async (ctx) => {
  const conn = viaLink(ctx, ctx.proxy.link('ee', 't.me'), { protocolDcId: 10001 }, 1);
  try {
    const config = await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 5000 });
    assert.is(config.this_dc, 1);
  } finally {
    conn.close();
  }
});

test('MTProxy ee: a 100 KB request crosses many TLS records intact (the DC parses it and answers)', async (ctx) => {
  const conn = viaLink(ctx, ctx.proxy.link('ee'));
  try {
    const bytes = new Uint8Array(100_000).map((_, i) => i & 0xff);
    // Not signed in, so the DC answers AUTH_KEY_UNREGISTERED — after decoding all 100 KB.
    const error = await conn
      .invoke({ _: 'upload.saveFilePart', file_id: 7n, file_part: 0, bytes }, { timeoutMs: 5000 })
      .catch((e: unknown) => e);
    assert.instance(error, RpcError);
    assert.is((error as RpcError).text, 'AUTH_KEY_UNREGISTERED');
    assert.is((await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 5000 })).this_dc, 2);
  } finally {
    conn.close();
  }
});

async function expectFailure(conn: Connection, ms: number): Promise<{ error: unknown; events: Error[]; elapsed: number }> {
  const events: Error[] = [];
  conn.on('error', (e) => events.push(e));
  const t0 = Date.now();
  let error: unknown;
  try {
    await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: ms });
  } catch (e) {
    error = e;
  } finally {
    conn.close();
  }
  return { error, events, elapsed: Date.now() - t0 };
}

const wrongKey = new Uint8Array(16).fill(7);

for (const mode of ['plain', 'dd'] as const) {
  test(`MTProxy ${mode}: a wrong secret is refused (the proxy closes) → TransportError`, async (ctx) => {
    const before = ctx.proxy.stats.refused['bad-secret'] ?? 0;
    const bad = viaConfig(ctx, {
      type: 'mtproxy',
      host: ctx.proxy.host,
      port: ctx.proxy.port,
      secret: createMtproxySecret(mode, wrongKey),
    });
    const { error, elapsed } = await expectFailure(bad, 4000);
    assert.instance(error, WasmgramError);
    assert.ok(error instanceof TransportError, String(error));
    assert.ok(elapsed < 4000, `took ${elapsed} ms`);
    assert.is(ctx.proxy.stats.refused['bad-secret'], before + 1);
  });
}

test('MTProxy ee: a wrong secret → the ServerHello never comes, the proxy closes → ProxyError, no DC connection', async (ctx) => {
  const before = ctx.proxy.stats.refused.hmac ?? 0;
  const bad = viaConfig(ctx, {
    type: 'mtproxy',
    host: ctx.proxy.host,
    port: ctx.proxy.port,
    secret: createMtproxySecret('ee', wrongKey, 'cdn.example.org'),
  });
  const { error, events, elapsed } = await expectFailure(bad, 4000);
  assert.ok(error instanceof TransportError, String(error));
  assert.ok(elapsed < 4000, `took ${elapsed} ms`);
  const proxyError = events.find((e) => e instanceof ProxyError) as ProxyError | undefined;
  assert.ok(proxyError, 'the connection reported a ProxyError');
  assert.is(proxyError!.proxy, 'mtproxy');
  assert.is(proxyError!.reason, 'closed');
  assert.is(ctx.proxy.stats.refused.hmac, before + 1);
});

test('MTProxy ee: a hello naming another SNI domain is refused', async (ctx) => {
  const before = ctx.proxy.stats.refused.sni ?? 0;
  const secret = createMtproxySecret('ee', ctx.proxy.secret('ee').key, 'other.example');
  const { error } = await expectFailure(viaConfig(ctx, { type: 'mtproxy', host: ctx.proxy.host, port: ctx.proxy.port, secret }), 4000);
  assert.ok(error instanceof TransportError);
  assert.is(ctx.proxy.stats.refused.sni, before + 1);
});

test('MTProxy ee: a client clock 10 minutes off is refused', async (ctx) => {
  const before = ctx.proxy.stats.refused.clock ?? 0;
  const config = parseProxyLink(ctx.proxy.link('ee'));
  if (config.type !== 'mtproxy') throw new Error('unreachable');
  const sockets = mtproxySocketFactory(
    { ...config, crypto: ctx.crypto, now: () => Date.now() - 600_000, timeoutMs: 3000 },
    createNodeTcpFactory(),
  );
  const { error } = await expectFailure(viaConfig(ctx, config, { sockets }), 4000);
  assert.ok(error instanceof TransportError);
  assert.is(ctx.proxy.stats.refused.clock, before + 1);
});

test('MTProxy with only ee enabled: plain and dd clients are refused (tls-required)', async () => {
  const crypto = await createCryptoProvider();
  const server = await TestServer.start({ dcs: [2], crypto, websocket: false });
  const proxy = await MtproxyTestServer.start({ dcs: server.dcs, crypto, modes: ['ee'] });
  try {
    for (const mode of ['plain', 'dd'] as const) {
      const conn = viaConfig({ server, proxy, crypto }, parseProxyLink(proxy.link(mode)));
      const { error } = await expectFailure(conn, 4000);
      assert.ok(error instanceof TransportError);
    }
    assert.is(proxy.stats.refused['tls-required'], 2);
    const ok = viaConfig({ server, proxy, crypto }, parseProxyLink(proxy.link('ee')));
    assert.is((await ok.invoke({ _: 'help.getConfig' }, { timeoutMs: 5000 })).this_dc, 2);
    ok.close();
  } finally {
    await proxy.stop();
    await server.stop();
  }
});

test('MTProxy dd-only, onBadClient ignore: a plain (intermediate) client is refused (padding-required) silently; the client gives up at its connect deadline with a TransportError', async () => {
  const crypto = await createCryptoProvider();
  const server = await TestServer.start({ dcs: [2], crypto, websocket: false });
  const proxy = await MtproxyTestServer.start({ dcs: server.dcs, crypto, modes: ['dd'], onBadClient: 'ignore' });
  try {
    const conn = viaConfig({ server, proxy, crypto }, parseProxyLink(proxy.link('plain')), { connectTimeoutMs: 400 });
    const { error, elapsed } = await expectFailure(conn, 3000);
    assert.ok(error instanceof TransportError, String(error));
    assert.ok(elapsed < 3000, `took ${elapsed} ms`);
    assert.is(proxy.stats.refused['padding-required'], 1);
  } finally {
    await proxy.stop();
    await server.stop();
  }
});

test.run();
