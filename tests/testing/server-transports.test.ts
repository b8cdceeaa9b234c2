/**
 * The test server over every transport
 * (https://core.telegram.org/mtproto/mtproto-transports): a full key
 * exchange and an encrypted help.getConfig (in invokeWithLayer +
 * initConnection) over the four framings in the clear and the three that
 * obfuscated2 allows, over TCP and over WebSocket (/apiws, obfuscated only).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadRsaPublicKey } from '../../ts/crypto/rsa.js';
import { ClientHandshake } from '../../ts/mtproto/index.js';
import { TransportError } from '../../ts/errors.js';
import type { Config } from '../../ts/tl/generated/types.js';
import { Transport, type CodecKind } from '../../ts/transport/index.js';
import { createNodeTcpFactory, createNodeWebSocketFactory } from '../../ts/transport/node.js';
import { getCrypto, SessionClient, startServer, until, withServer, type Route } from './server-harness.js';

const routes: (Route & { name: string })[] = [
  ...(['abridged', 'intermediate', 'padded-intermediate', 'full'] as CodecKind[]).map((codec) => ({ name: `TCP ${codec}`, codec })),
  ...(['abridged', 'intermediate', 'padded-intermediate'] as CodecKind[]).map((codec) => ({
    name: `TCP obfuscated2 ${codec}`,
    codec,
    obfuscated: true,
  })),
  ...(['abridged', 'intermediate', 'padded-intermediate'] as CodecKind[]).map((codec) => ({
    name: `WebSocket obfuscated2 ${codec}`,
    codec,
    websocket: true,
  })),
];

for (const route of routes) {
  test(`key exchange + help.getConfig over ${route.name}`, () =>
    withServer(async (server) => {
      const client = await SessionClient.connect(server, route);
      const config = (await client.invoke({ _: 'help.getConfig' })) as Config.config;
      assert.is(config._, 'config');
      assert.is(config.this_dc, 2);
      assert.ok(config.test_mode);
      // Every DC of the server, at the ports it listens on.
      assert.equal(
        config.dc_options.map((o) => [o.id, o.ip_address, o.port]),
        server.dcs.map((d) => [d.id, d.host, d.port]),
      );
      assert.is(server.authKeyCount(2), 1);
      assert.is(server.stats.rpcCalls['help.getConfig'], 1);
      client.close();
    }));
}

test('public key: the PEM parses to the same key, and the fingerprint is the spec one (low 64 bits of SHA1 of the TL key)', () =>
  withServer(async (server) => {
    const parsed = loadRsaPublicKey(server.publicKeyPem, await getCrypto());
    assert.is(parsed.n, server.rsaPublicKey.n);
    assert.is(parsed.e, server.rsaPublicKey.e);
    assert.is(parsed.fingerprint, server.fingerprint);
    assert.ok(server.publicKeyPem.startsWith('-----BEGIN RSA PUBLIC KEY-----'));
  }));

test('every DC listens on its own TCP and WebSocket port, and the backend knows the TCP ports', () =>
  withServer(async (server) => {
    assert.equal(
      server.dcs.map((d) => d.id),
      [1, 2, 3],
    );
    const ports = server.dcs.flatMap((d) => [d.port, d.wsPort]);
    assert.is(new Set(ports).size, 6);
    for (const d of server.dcs) assert.is(server.backend.dcs.get(d.id).port, d.port);
  }));

test('a key made on DC 2 is unknown on DC 1: transport error -404', () =>
  withServer(async (server) => {
    const first = await SessionClient.connect(server, { dc: 2 });
    await first.invoke({ _: 'help.getNearestDc' });
    const other = await SessionClient.connect(server, { dc: 1, key: first.key });
    const pending = other.invoke({ _: 'help.getNearestDc' });
    await until(() => other.transportErrors.some((e) => e.code === -404), 'transport error -404');
    await until(() => other.connectionClosed, 'the server to close');
    assert.is(server.stats.transportErrors, 1);
    other.close();
    await pending.catch(() => {});
    first.close();
  }));

test('obfuscated2: the full framing cannot be chosen, and an init with an unknown protocol tag is refused', () =>
  withServer(async (server) => {
    const c = await getCrypto();
    const full = new Transport({ sockets: createNodeTcpFactory(), codec: 'full', obfuscated: true, crypto: c });
    try {
      await full.connect(server.dc(2).host, server.dc(2).port);
      assert.unreachable('obfuscated full must be refused');
    } catch (e) {
      assert.instance(e, TransportError);
    }
    // 64 bytes that are not a plain prefix: an init whose decrypted tag names no framing.
    let closed = false;
    const socket = await createNodeTcpFactory().connect(server.dc(2).host, server.dc(2).port, {
      onData: () => {},
      onError: () => {},
      onClose: () => (closed = true),
    });
    const init = new Uint8Array(64).fill(0x5a);
    socket.write(init);
    await until(() => closed, 'the server to close the connection');
    assert.is(server.stats.securityDrops, 1);
  }));

test('the WebSocket endpoint refuses a plain (non-obfuscated) stream', () =>
  withServer(async (server) => {
    const ws = createNodeWebSocketFactory({ secure: false });
    let closed = false;
    const socket = await ws.connect(server.dc(2).host, server.dc(2).wsPort!, {
      onData: () => {},
      onError: () => {},
      onClose: () => (closed = true),
    });
    socket.write(new Uint8Array([0xee, 0xee, 0xee, 0xee, 8, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
    await until(() => closed, 'the server to close the connection');
    assert.is(server.stats.securityDrops, 1);
  }));

test("p_q_inner_data_dc: the DC id, +10000 (test DCs) and negative (media) are accepted; another DC's id is not", () =>
  withServer(async (server) => {
    const c = await getCrypto();
    const exchange = async (dcId: number) => {
      const transport = new Transport({ sockets: createNodeTcpFactory(), codec: 'intermediate', crypto: c });
      const packets: Uint8Array[] = [];
      let closed = false;
      transport.on('packet', (p) => packets.push(p));
      transport.on('close', () => (closed = true));
      await transport.connect(server.dc(2).host, server.dc(2).port);
      const hs = new ClientHandshake({ crypto: c, dcId, rsaKeys: [server.rsaPublicKey] });
      transport.send(hs.start());
      for (;;) {
        await until(() => packets.length > 0 || closed, 'an answer or a close');
        if (packets.length === 0) return 'closed';
        const out = hs.receive(packets.shift()!);
        if (out.done) {
          transport.close();
          return 'key';
        }
        transport.send(out.request);
      }
    };
    assert.is(await exchange(2), 'key');
    assert.is(await exchange(10002), 'key');
    assert.is(await exchange(-2), 'key');
    assert.is(await exchange(1), 'closed');
    assert.is(server.authKeyCount(2), 3);
  }));

test('stop() closes open connections and frees the ports', async () => {
  const server = await startServer({ websocket: false });
  const client = await SessionClient.connect(server);
  await client.invoke({ _: 'help.getNearestDc' });
  assert.is(server.connectionCount(), 1);
  await server.stop();
  await until(() => client.connectionClosed, 'the client to see the close');
  assert.is(server.connectionCount(), 0);
  await server.stop(); // twice is fine
  client.close();
});

test.run();
