/**
 * `transport: 'auto'` (issue 11): candidates raced for the first connection
 * to a DC, against the test server on loopback, with a listener that accepts
 * and never answers and a refused port among them. A candidate wins only
 * once it answered the req_pq_multi probe; the winner is kept for reconnects
 * and, in the DC pool, for later connections to that DC; losers are closed.
 */
import { createServer, type Server, type Socket as NetSocket } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { TransportError } from '../../ts/errors.js';
import { createAutoTransports } from '../../ts/network/auto-transport.js';
import { Connection } from '../../ts/network/connection.js';
import { DcPool } from '../../ts/network/dc-pool.js';
import { raceTransports, type TransportCandidate } from '../../ts/network/transport-race.js';
import { MemoryStorage } from '../../ts/storage/memory.js';
import { TestServer } from '../../ts/testing/index.js';
import { createNodeTcpFactory, createNodeWebSocketFactory } from '../../ts/transport/node.js';
import { RaceError } from '../../ts/transport/proxy/race.js';

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
  /** Accepts TCP connections and never sends a byte. */
  silent: Server;
  silentPort: number;
  /** Sockets the silent listener accepted, and how many of them are closed. */
  accepted: NetSocket[];
  closedCount: () => number;
  /** A port nothing listens on. */
  refusedPort: number;
}

const test = suite<Ctx>('transport race', {} as Ctx);

test.before(async (ctx) => {
  ctx.crypto = await createCryptoProvider();
  ctx.server = await TestServer.start({ dcs: [1, 2], crypto: ctx.crypto, onError: (e) => console.error('server bug:', e) });
  ctx.accepted = [];
  let closed = 0;
  ctx.closedCount = () => closed;
  ctx.silent = createServer((socket) => {
    ctx.accepted.push(socket);
    socket.resume(); // reads and drops what comes (so a FIN is seen), never answers
    socket.on('error', () => {});
    socket.on('close', () => closed++);
  });
  await new Promise<void>((r) => ctx.silent.listen(0, '127.0.0.1', r));
  ctx.silentPort = (ctx.silent.address() as { port: number }).port;
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  ctx.refusedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
});

test.after(async (ctx) => {
  for (const s of ctx.accepted) s.destroy();
  await new Promise<void>((r) => ctx.silent.close(() => r()));
  await ctx.server.stop();
});

async function until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Hanging TCP, refused TCP and the server's WebSocket, all started at once. */
function candidates(ctx: Ctx, dcId = 2): TransportCandidate[] {
  const dc = ctx.server.dcs.find((d) => d.id === dcId)!;
  const tcp = createNodeTcpFactory();
  return [
    { label: 'tcp-silent', sockets: tcp, host: '127.0.0.1', port: ctx.silentPort },
    { label: 'tcp-refused', sockets: tcp, host: '127.0.0.1', port: ctx.refusedPort, obfuscated: true },
    { label: 'websocket', sockets: createNodeWebSocketFactory({ scheme: 'ws' }), host: dc.host, port: dc.wsPort!, obfuscated: true },
  ];
}

test('raceTransports: a listener that never answers and a refused port lose to the server that answers the probe; the silent one is closed', async (ctx) => {
  const before = ctx.accepted.length;
  const closedBefore = ctx.closedCount();
  const won = await raceTransports(candidates(ctx), { crypto: ctx.crypto, protocolDcId: 2, timeoutMs: 5000 });
  assert.is(won.candidate.label, 'websocket');
  assert.is(won.transport.state, 'open');
  assert.is(ctx.accepted.length, before + 1, 'the silent listener accepted the TCP connection');
  await until(() => ctx.closedCount() === closedBefore + 1, 'the silent loser to be closed');
  won.transport.close();
});

test('raceTransports: every candidate failing is a RaceError naming each (the silent one by the deadline of its own socket close)', async (ctx) => {
  const tcp = createNodeTcpFactory();
  try {
    await raceTransports(
      [
        { label: 'a', sockets: tcp, host: '127.0.0.1', port: ctx.refusedPort },
        { label: 'b', sockets: tcp, host: '127.0.0.1', port: ctx.refusedPort, obfuscated: true },
      ],
      { crypto: ctx.crypto, protocolDcId: 2, timeoutMs: 5000 },
    );
    assert.unreachable('must fail');
  } catch (e) {
    assert.instance(e, RaceError);
    assert.equal(
      (e as RaceError).failures.map((f) => f.label),
      ['a', 'b'],
    );
  }
  try {
    await raceTransports([{ label: 'silent', sockets: tcp, host: '127.0.0.1', port: ctx.silentPort }], {
      crypto: ctx.crypto,
      protocolDcId: 2,
      timeoutMs: 300,
    });
    assert.unreachable('must time out');
  } catch (e) {
    assert.match((e as Error).message, /no candidate connected within 300 ms/);
  }
});

test('Connection with transports: the race winner carries the key exchange and the calls, and is reused on reconnect without a race', async (ctx) => {
  const conn = new Connection({
    crypto: ctx.crypto,
    sockets: createNodeTcpFactory(),
    dcId: 2,
    host: '127.0.0.1',
    port: ctx.refusedPort,
    transports: candidates(ctx),
    rsaKeys: [ctx.server.rsaPublicKey],
    initConnection: init,
    reconnect: { initialMs: 10, maxMs: 50 },
  });
  const won: string[] = [];
  conn.on('transport', (label) => won.push(label));
  try {
    const config = await conn.invoke({ _: 'help.getConfig' }, { timeoutMs: 10_000 });
    assert.is(config.this_dc, 2);
    assert.equal(won, ['websocket']);
    const silentBefore = ctx.accepted.length;
    conn.dropConnection();
    assert.is((await conn.invoke({ _: 'help.getNearestDc' }, { timeoutMs: 10_000 })).this_dc, 2);
    assert.equal(won, ['websocket'], 'no second race');
    assert.is(ctx.accepted.length, silentBefore, 'the silent candidate was not tried again');
  } finally {
    conn.close();
  }
});

test('Connection with transports: when every candidate fails, the give-up error says RaceError', async (ctx) => {
  const tcp = createNodeTcpFactory();
  const conn = new Connection({
    crypto: ctx.crypto,
    sockets: tcp,
    dcId: 2,
    host: '127.0.0.1',
    port: ctx.refusedPort,
    transports: [
      { label: 'tcp-intermediate', sockets: tcp, host: '127.0.0.1', port: ctx.refusedPort },
      { label: 'tcp-obfuscated', sockets: tcp, host: '127.0.0.1', port: ctx.refusedPort, obfuscated: true },
    ],
    reconnect: { initialMs: 1, maxMs: 2, maxAttempts: 2 },
  });
  try {
    await conn.connect({ timeoutMs: 5000 });
    assert.unreachable('must give up');
  } catch (e) {
    assert.instance(e, TransportError);
    assert.match(
      (e as Error).message,
      /^could not open a working connection to DC 2: RaceError: every candidate failed: tcp-intermediate: .*; tcp-obfuscated: /,
    );
  } finally {
    conn.close();
  }
});

test("DcPool with createAutoTransports (the client's transport: 'auto'): TCP wins on each DC; later connections to that DC use it without a race", async (ctx) => {
  const tcp = createNodeTcpFactory();
  let tcpConnects = 0;
  const counting = { requiresObfuscation: false, connect: (...a: Parameters<typeof tcp.connect>) => (tcpConnects++, tcp.connect(...a)) };
  const transports = await createAutoTransports({ tcp: counting, testServer: ctx.server, staggerMs: 50 });
  const dc2 = ctx.server.dcs.find((d) => d.id === 2)!;
  assert.equal(
    transports({ id: 2, host: dc2.host, port: dc2.port }, false).map((c) => [c.label, c.port]),
    [
      ['tcp-intermediate', dc2.port],
      ['tcp-obfuscated', dc2.port],
      ['websocket', dc2.wsPort],
    ],
  );
  const storage = new MemoryStorage();
  await storage.open();
  const pool = new DcPool({
    crypto: ctx.crypto,
    sockets: tcp,
    storage,
    initConnection: init,
    rsaKeys: [ctx.server.rsaPublicKey],
    dcs: ctx.server.dcs.map((d) => ({ id: d.id, host: d.host, port: d.port })),
    defaultDc: 2,
    transports,
    connection: { reconnect: { initialMs: 10, maxMs: 50 }, requestTimeoutMs: 10_000 },
  });
  const log: string[] = [];
  pool.on('error', () => {});
  try {
    await pool.start();
    (await pool.connection(2)).on('transport', (l) => log.push(l));
    assert.is((await pool.invoke({ _: 'help.getNearestDc' })).this_dc, 2);
    assert.equal(log, ['tcp-intermediate'], 'plain TCP answers first (the others start later and are closed)');
    const afterRace = tcpConnects;
    const extra = await pool.connection(2, { slot: 1 });
    const extraLog: string[] = [];
    extra.on('transport', (l) => extraLog.push(l));
    assert.is((await pool.invoke({ _: 'help.getNearestDc' }, { slot: 1 })).this_dc, 2);
    assert.equal(extraLog, [], 'no race: the pool passed the winner on');
    assert.is(tcpConnects, afterRace + 1, 'one TCP connection for the new slot');
  } finally {
    await pool.close();
  }
});

test.run();
