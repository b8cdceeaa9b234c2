/**
 * `new TelegramClient({ transport: 'auto' })` (issue 11) against the test
 * server: the client's DC pool races TCP intermediate, TCP obfuscated and the
 * server's WebSocket port; with TCP blocked, WebSocket carries the login-free
 * calls; with TCP open, plain TCP wins.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TransportError } from '../../ts/errors.js';
import type { SocketFactory } from '../../ts/transport/socket.js';
import { clientFor, startServer, within } from '../client/_support.js';

test("transport 'auto' with TCP blocked: WebSocket wins and carries the calls", async () => {
  const server = await startServer();
  const blocked: SocketFactory = {
    requiresObfuscation: false,
    connect: async () => {
      throw new TransportError('TCP is filtered on this network');
    },
  };
  const client = await clientFor(server, { sockets: blocked, transport: 'auto' });
  try {
    await client.connect();
    const won: string[] = [];
    (await client.pool.connection(client.pool.homeDc)).on('transport', (l) => won.push(l));
    const nearest = await within(client.invoke({ _: 'help.getNearestDc' }), 10_000, 'help.getNearestDc');
    assert.is(nearest.this_dc, client.pool.homeDc);
    assert.equal(won, ['websocket']);
  } finally {
    await client.close();
    await server.stop();
  }
});

test("transport 'auto' with TCP open: tcp-intermediate wins (the others start later and are closed)", async () => {
  const server = await startServer();
  const client = await clientFor(server, { transport: 'auto' });
  try {
    await client.connect();
    const won: string[] = [];
    (await client.pool.connection(client.pool.homeDc)).on('transport', (l) => won.push(l));
    await within(client.invoke({ _: 'help.getNearestDc' }), 10_000, 'help.getNearestDc');
    assert.equal(won, ['tcp-intermediate']);
  } finally {
    await client.close();
    await server.stop();
  }
});

test.run();
