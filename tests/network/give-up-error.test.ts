/**
 * The error a Connection gives up with names the last failure's kind and its
 * machine-readable detail in the message (a proxy's reason, a security check,
 * a transport code), and keeps the failure itself as `cause`.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { SecurityError, TransportError } from '../../ts/errors.js';
import { Connection } from '../../ts/network/connection.js';
import { errorKind, giveUpError } from '../../ts/network/give-up-error.js';
import { ProxyError } from '../../ts/transport/proxy/proxy-error.js';
import type { SocketFactory } from '../../ts/transport/socket.js';

test('errorKind: class name, then the field a caller switches on', () => {
  assert.is(errorKind(new ProxyError('socks5', 'auth-failed', 'the proxy rejected the credentials')), 'ProxyError[auth-failed]');
  assert.is(errorKind(new SecurityError('msg_key', 'msg_key mismatch')), 'SecurityError[msg_key]');
  assert.is(errorKind(new TransportError('server said -404', -404)), 'TransportError[-404]');
  assert.is(errorKind(new TransportError('connection lost')), 'TransportError');
  assert.is(errorKind(new RangeError('x')), 'RangeError');
});

test('giveUpError: a TransportError naming the DC, the kind and the message; the cause stays reachable but is not enumerable', () => {
  const cause = new ProxyError('http', 'refused', 'HTTP 403');
  const e = giveUpError(4, cause);
  assert.instance(e, TransportError);
  assert.is(e.message, 'could not open a working connection to DC 4: ProxyError[refused]: http proxy: HTTP 403');
  assert.is((e as { cause?: unknown }).cause, cause);
  assert.not.ok(Object.keys(e).includes('cause'));
});

test('Connection: a proxy that refuses the login makes the give-up error say ProxyError[auth-failed] (no unwrapping needed)', async () => {
  const crypto = await createCryptoProvider();
  let attempts = 0;
  const sockets: SocketFactory = {
    requiresObfuscation: false,
    connect: async () => {
      attempts++;
      throw new ProxyError('socks5', 'auth-failed', 'the proxy rejected the username/password');
    },
  };
  const conn = new Connection({
    crypto,
    sockets,
    dcId: 2,
    host: '127.0.0.1',
    port: 1,
    reconnect: { initialMs: 1, maxMs: 2, maxAttempts: 2 },
  });
  try {
    await conn.connect({ timeoutMs: 5000 });
    assert.unreachable('connect should give up');
  } catch (e) {
    assert.instance(e, TransportError);
    assert.match((e as Error).message, /^could not open a working connection to DC 2: ProxyError\[auth-failed\]: socks5 proxy: /);
    assert.instance((e as { cause?: unknown }).cause, ProxyError);
    assert.is(attempts, 2);
  } finally {
    conn.close();
  }
});

test.run();
