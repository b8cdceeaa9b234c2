/**
 * createAutoTransports (`transport: 'auto'`): the candidate list per DC —
 * TCP intermediate at once, TCP obfuscated one stagger later, WebSocket two
 * staggers later; where the runtime has no TCP the WebSocket candidate is
 * alone and starts at once (a fixed 200 ms wait before every first
 * connection in browsers and Workers otherwise).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createAutoTransports } from '../../ts/network/auto-transport.js';
import type { SocketFactory } from '../../ts/transport/socket.js';

const factory = (requiresObfuscation: boolean): SocketFactory => ({
  requiresObfuscation,
  connect: async () => {
    throw new Error('not used');
  },
});
const testServer = { dcs: [{ id: 2, host: '127.0.0.1', wsPort: 4430 }] };
const dc = { id: 2, host: '127.0.0.1', port: 4400 };

test('auto transports: TCP intermediate at 0, TCP obfuscated at 1 stagger, WebSocket at 2 staggers', async () => {
  const make = await createAutoTransports({ tcp: factory(false), websocket: factory(true), testServer, staggerMs: 100 });
  const list = make(dc, false);
  assert.equal(
    list.map((c) => [c.label, c.port, c.delayMs ?? 0]),
    [
      ['tcp-intermediate', 4400, 0],
      ['tcp-obfuscated', 4400, 100],
      ['websocket', 4430, 200],
    ],
  );
});

test('auto transports: without TCP (browsers, the worker condition) the WebSocket candidate starts at once', async () => {
  for (const tcp of [undefined, factory(true)]) {
    const make = await createAutoTransports({ ...(tcp && { tcp }), websocket: factory(true), testServer, staggerMs: 100 });
    const list = make(dc, false);
    assert.equal(
      list.map((c) => [c.label, c.delayMs ?? 0]),
      [['websocket', 0]],
    );
  }
});

test.run();
