/**
 * SOCKS5 and HTTP CONNECT against real daemons from Debian packages
 * (microsocks, dante-server, tinyproxy; see _proxies.ts): a `Connection`
 * through each completes the key exchange and help.getConfig on the
 * `TestServer`; wrong or missing credentials and unreachable targets give a
 * `ProxyError` (a `TransportError`) with the right `reason`, within the deadline.
 *
 * The dante test needs the system user `wgsocks` (Dante checks passwords
 * against system accounts): run as root it is created once and reused on
 * later runs, its password set to the fixed test one each time; as another
 * user it must exist already (see `ensureSocksUser` in _proxies.ts).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { TransportError } from '../../ts/errors.js';
import { Connection } from '../../ts/network/index.js';
import { TestServer } from '../../ts/testing/index.js';
import { MtproxyTestServer } from '../../ts/testing/mtproxy/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import {
  httpConnectProxy,
  parseProxyLink,
  ProxyError,
  type ProxyFailure,
  proxyTransportOptions,
  socks5Proxy,
} from '../../ts/transport/proxy/index.js';
import type { SocketFactory } from '../../ts/transport/socket.js';
import { CREDENTIALS, type Daemon, freePort, startDante, startMicrosocks, startTinyproxy } from './_proxies.js';

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
  daemons: Daemon[];
}

const test = suite<Ctx>('proxy daemons', {} as Ctx);

test.before(async (ctx) => {
  ctx.crypto = await createCryptoProvider();
  ctx.server = await TestServer.start({ dcs: [2], crypto: ctx.crypto, websocket: false });
  ctx.daemons = [];
});

test.after(async (ctx) => {
  await Promise.all(ctx.daemons.map((d) => d.stop()));
  await ctx.server.stop();
});

async function daemon(ctx: Ctx, start: () => Promise<Daemon>): Promise<Daemon> {
  const d = await start();
  ctx.daemons.push(d);
  return d;
}

function connection(ctx: Ctx, sockets: SocketFactory): Connection {
  const dc = ctx.server.dcs[0]!;
  return new Connection({
    crypto: ctx.crypto,
    sockets,
    dcId: 2,
    host: dc.host,
    port: dc.port,
    rsaKeys: [ctx.server.rsaPublicKey],
    initConnection: init,
    connectTimeoutMs: 4000,
    reconnect: { initialMs: 20, maxMs: 50, maxAttempts: 0 },
  });
}

async function getConfigThrough(ctx: Ctx, sockets: SocketFactory): Promise<void> {
  const conn = connection(ctx, sockets);
  try {
    const config = await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 5000 });
    assert.is(config.this_dc, 2);
  } finally {
    conn.close();
  }
}

/** Connects straight through `sockets` and expects a ProxyError of `reason` within `ms`. */
async function expectProxyError(sockets: SocketFactory, host: string, port: number, reason: ProxyFailure, ms = 4000): Promise<ProxyError> {
  const t0 = Date.now();
  const noop = { onData() {}, onError() {}, onClose() {} };
  const error = await sockets.connect(host, port, noop, AbortSignal.timeout(ms)).then(
    (s) => {
      s.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  assert.ok(error instanceof ProxyError, `expected a ProxyError, got ${String(error)}`);
  assert.ok(error instanceof TransportError);
  assert.is((error as ProxyError).reason, reason, (error as Error).message);
  assert.ok(Date.now() - t0 < ms, 'failed within the deadline');
  assert.not.match((error as Error).message, CREDENTIALS.password);
  return error as ProxyError;
}

const tcp = createNodeTcpFactory();

test('microsocks without auth: key exchange + help.getConfig through SOCKS5', async (ctx) => {
  const d = await daemon(ctx, () => startMicrosocks(false));
  await getConfigThrough(ctx, socks5Proxy({ host: d.host, port: d.port }, tcp));
});

test('microsocks with auth: a tg://socks link with user/pass works; a wrong password is auth-failed; none is auth-required', async (ctx) => {
  const d = await daemon(ctx, () => startMicrosocks(true));
  const link = `tg://socks?server=${d.host}&port=${d.port}&user=${CREDENTIALS.username}&pass=${CREDENTIALS.password}`;
  await getConfigThrough(ctx, proxyTransportOptions(parseProxyLink(link), { crypto: ctx.crypto, inner: tcp }).sockets);
  const dc = ctx.server.dcs[0]!;
  await expectProxyError(
    socks5Proxy({ host: d.host, port: d.port, username: CREDENTIALS.username, password: 'wrong' }, tcp),
    dc.host,
    dc.port,
    'auth-failed',
  );
  await expectProxyError(socks5Proxy({ host: d.host, port: d.port }, tcp), dc.host, dc.port, 'auth-required');
});

test('microsocks: a target nobody listens on is unreachable', async (ctx) => {
  const d = await daemon(ctx, () => startMicrosocks(false));
  await expectProxyError(socks5Proxy({ host: d.host, port: d.port }, tcp), '127.0.0.1', await freePort(), 'unreachable');
});

test('dante (danted) with username auth: help.getConfig through it; a wrong password is auth-failed', async (ctx) => {
  const d = await daemon(ctx, startDante);
  await getConfigThrough(ctx, socks5Proxy({ host: d.host, port: d.port, ...CREDENTIALS }, tcp));
  const dc = ctx.server.dcs[0]!;
  await expectProxyError(
    socks5Proxy({ host: d.host, port: d.port, username: CREDENTIALS.username, password: 'nope' }, tcp),
    dc.host,
    dc.port,
    'auth-failed',
  );
  await expectProxyError(socks5Proxy({ host: d.host, port: d.port }, tcp), dc.host, dc.port, 'auth-required');
});

test('tinyproxy: help.getConfig through HTTP CONNECT', async (ctx) => {
  const d = await daemon(ctx, () => startTinyproxy(false));
  await getConfigThrough(ctx, httpConnectProxy({ host: d.host, port: d.port }, tcp));
});

test('tinyproxy with Basic auth: right credentials work; wrong ones are auth-failed; none auth-required', async (ctx) => {
  const d = await daemon(ctx, () => startTinyproxy(true));
  await getConfigThrough(ctx, httpConnectProxy({ host: d.host, port: d.port, ...CREDENTIALS }, tcp));
  const dc = ctx.server.dcs[0]!;
  await expectProxyError(
    httpConnectProxy({ host: d.host, port: d.port, username: CREDENTIALS.username, password: 'bad' }, tcp),
    dc.host,
    dc.port,
    'auth-failed',
  );
  await expectProxyError(httpConnectProxy({ host: d.host, port: d.port }, tcp), dc.host, dc.port, 'auth-required');
});

test('tinyproxy: a target nobody listens on is unreachable (HTTP 5xx)', async (ctx) => {
  const d = await daemon(ctx, () => startTinyproxy(false));
  await expectProxyError(httpConnectProxy({ host: d.host, port: d.port }, tcp), '127.0.0.1', await freePort(), 'unreachable');
});

test('a wrong SOCKS5 password fails the Connection with a TransportError within its deadline', async (ctx) => {
  const d = await daemon(ctx, () => startMicrosocks(true));
  const conn = connection(ctx, socks5Proxy({ host: d.host, port: d.port, username: CREDENTIALS.username, password: 'bad' }, tcp));
  const errors: Error[] = [];
  conn.on('error', (e) => errors.push(e));
  const t0 = Date.now();
  const error = await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 4000 }).catch((e: unknown) => e);
  conn.close();
  assert.ok(error instanceof TransportError, String(error));
  assert.ok(Date.now() - t0 < 4000);
  assert.ok(errors.some((e) => e instanceof ProxyError && e.reason === 'auth-failed'));
});

test('MTProxy (ee) reached through a SOCKS5 proxy (wrappers chain)', async (ctx) => {
  const d = await daemon(ctx, () => startMicrosocks(false));
  const mtproxy = await MtproxyTestServer.start({ dcs: ctx.server.dcs, crypto: ctx.crypto });
  try {
    const conn = new Connection({
      crypto: ctx.crypto,
      dcId: 2,
      host: 'unused.invalid',
      port: 1,
      rsaKeys: [ctx.server.rsaPublicKey],
      initConnection: init,
      connectTimeoutMs: 4000,
      reconnect: { maxAttempts: 0 },
      ...proxyTransportOptions(parseProxyLink(mtproxy.link('ee')), {
        crypto: ctx.crypto,
        inner: socks5Proxy({ host: d.host, port: d.port }, tcp),
      }),
    });
    try {
      assert.is((await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 5000 })).this_dc, 2);
      assert.is(mtproxy.stats.accepted.ee, 1);
    } finally {
      conn.close();
    }
  } finally {
    await mtproxy.stop();
  }
});

test.run();
