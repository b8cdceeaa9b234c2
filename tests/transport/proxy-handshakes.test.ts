/**
 * The sans-IO proxy handshakes, bytes in / bytes out: SOCKS5 (RFC 1928 with
 * RFC 1929 auth) and HTTP CONNECT, fed whole and one byte at a time, with
 * every failure reply mapped to its `ProxyError` reason and bounded buffering.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TransportError } from '../../ts/errors.js';
import {
  createHttpConnectHandshake,
  createSocks5Handshake,
  MAX_RESPONSE_HEAD,
  parseIpv6,
  ProxyError,
  type ProxyFailure,
  type ProxyHandshake,
} from '../../ts/transport/proxy/index.js';
import { concat, hex, unhex } from './_support.js';

/** Feeds `reply` in pieces of `size`, collecting what the handshake sends. */
function run(hs: ProxyHandshake, replies: Uint8Array[], size = Infinity) {
  const sent: string[] = [hex(hs.start())];
  for (const reply of replies) {
    for (let i = 0; i < reply.length; i += size === Infinity ? reply.length : size) {
      const step = hs.feed(reply.subarray(i, i + (size === Infinity ? reply.length : size)));
      if (step.send.length > 0) sent.push(hex(step.send));
      if (step.done) return { sent, done: true, rest: hex(step.rest ?? new Uint8Array(0)) };
    }
  }
  return { sent, done: false, rest: '' };
}

function fails(f: () => unknown, reason: ProxyFailure): void {
  try {
    f();
  } catch (e) {
    assert.instance(e, ProxyError);
    assert.instance(e, TransportError);
    assert.is((e as ProxyError).reason, reason, (e as Error).message);
    return;
  }
  assert.unreachable(`expected a ProxyError (${reason})`);
}

test('SOCKS5 RFC 1928: no-auth greeting, CONNECT to an IPv4 address, success reply, trailing bytes are the stream', () => {
  for (const size of [Infinity, 1]) {
    const r = run(
      createSocks5Handshake({ host: '149.154.167.51', port: 443 }),
      [unhex('0500'), unhex('05 00 00 01 7f000001 1f90 aabb')],
      size,
    );
    assert.equal(r.sent, ['050100', '05010001959aa73301bb']);
    assert.ok(r.done);
    assert.is(r.rest, size === 1 ? '' : 'aabb'); // fed byte by byte, the stream bytes come after done
  }
});

test('SOCKS5 RFC 1929: offers 00 and 02, sends ver 1 + ulen user + plen pass, then CONNECT with a domain name', () => {
  const r = run(createSocks5Handshake({ host: 'dc2.example', port: 80, username: 'user', password: 'pw' }), [
    unhex('0502'),
    unhex('0100'),
    unhex('05 00 00 03 03 616263 0050'),
  ]);
  assert.equal(r.sent, ['05020002', '010475736572027077', `050100030b${hex(new TextEncoder().encode('dc2.example'))}0050`]);
  assert.ok(r.done);
});

test('SOCKS5: CONNECT to an IPv6 address uses ATYP 4 and 16 bytes', () => {
  const r = run(createSocks5Handshake({ host: '2001:b28:f23d:f001::a', port: 443 }), [unhex('0500')]);
  assert.is(r.sent[1], '05010004' + '20010b28f23df001000000000000000a' + '01bb');
  assert.is(hex(parseIpv6('::ffff:1.2.3.4')!), '00000000000000000000ffff01020304');
  assert.is(parseIpv6('1:2:3'), undefined);
  assert.is(parseIpv6('1::2::3'), undefined);
});

test('SOCKS5: method FF → auth-required; auth status ≠ 0 → auth-failed; reply codes → refused/unreachable', () => {
  fails(() => run(createSocks5Handshake({ host: '1.2.3.4', port: 1 }), [unhex('05ff')]), 'auth-required');
  fails(
    () => run(createSocks5Handshake({ host: '1.2.3.4', port: 1, username: 'u', password: 'p' }), [unhex('0502'), unhex('0101')]),
    'auth-failed',
  );
  const codes: [string, ProxyFailure][] = [
    ['01', 'refused'],
    ['02', 'refused'],
    ['03', 'unreachable'],
    ['04', 'unreachable'],
    ['05', 'unreachable'],
    ['06', 'unreachable'],
    ['07', 'refused'],
    ['08', 'refused'],
    ['09', 'refused'],
  ];
  for (const [code, reason] of codes) {
    fails(() => run(createSocks5Handshake({ host: '1.2.3.4', port: 1 }), [unhex('0500'), unhex(`05${code}0001000000000000`)]), reason);
  }
  // a short failure reply (no address) still reports the failure
  fails(() => run(createSocks5Handshake({ host: '1.2.3.4', port: 1 }), [unhex('0500'), unhex('0505000000')]), 'unreachable');
});

test('SOCKS5: malformed replies (version, unoffered method, reserved byte, address type) → malformed', () => {
  fails(() => run(createSocks5Handshake({ host: '1.2.3.4', port: 1 }), [unhex('0400')]), 'malformed');
  fails(() => run(createSocks5Handshake({ host: '1.2.3.4', port: 1 }), [unhex('0502')]), 'malformed');
  fails(() => run(createSocks5Handshake({ host: '1.2.3.4', port: 1 }), [unhex('0500'), unhex('0500ff01000000000000')]), 'malformed');
  fails(() => run(createSocks5Handshake({ host: '1.2.3.4', port: 1 }), [unhex('0500'), unhex('0500000900')]), 'malformed');
  fails(
    () => run(createSocks5Handshake({ host: '1.2.3.4', port: 1, username: 'u', password: 'p' }), [unhex('0502'), unhex('0500')]),
    'malformed',
  );
});

test('SOCKS5: bad options are rejected up front (port, 256-byte names, empty credentials)', () => {
  fails(() => createSocks5Handshake({ host: 'a', port: 0 }), 'refused');
  fails(() => createSocks5Handshake({ host: 'a'.repeat(256), port: 1 }), 'refused');
  fails(() => createSocks5Handshake({ host: 'a', port: 1, username: '', password: 'p' }), 'auth-failed');
  fails(() => createSocks5Handshake({ host: 'a', port: 1, username: 'u'.repeat(256), password: 'p' }), 'auth-failed');
});

test('HTTP CONNECT: request line, Host, Basic auth (RFC 7617 vector), 200 with trailing bytes', () => {
  const hs = createHttpConnectHandshake({ host: '149.154.167.51', port: 443, username: 'Aladdin', password: 'open sesame' });
  const request = new TextDecoder().decode(hs.start());
  assert.is(
    request,
    'CONNECT 149.154.167.51:443 HTTP/1.1\r\nHost: 149.154.167.51:443\r\nProxy-Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==\r\n\r\n',
  );
  const head = new TextEncoder().encode('HTTP/1.1 200 Connection established\r\nProxy-agent: x\r\n\r\n');
  for (let i = 0; i < head.length - 1; i++) assert.not.ok(hs.feed(head.subarray(i, i + 1)).done);
  const last = hs.feed(head.subarray(head.length - 1));
  assert.ok(last.done);
  assert.is(last.rest!.length, 0);
  const whole = createHttpConnectHandshake({ host: 'h', port: 1 });
  whole.start();
  const step = whole.feed(concat(head, unhex('cafe')));
  assert.ok(step.done);
  assert.is(hex(step.rest!), 'cafe');
});

test('HTTP CONNECT: IPv6 targets are bracketed; statuses map to reasons', () => {
  assert.match(
    new TextDecoder().decode(createHttpConnectHandshake({ host: '2001:db8::1', port: 443 }).start()),
    /^CONNECT \[2001:db8::1\]:443 /,
  );
  const status = (line: string, auth: boolean) => {
    const hs = createHttpConnectHandshake({ host: 'h', port: 1, ...(auth && { username: 'u', password: 'p' }) });
    hs.start();
    return () => hs.feed(new TextEncoder().encode(`${line}\r\n\r\n`));
  };
  fails(status('HTTP/1.1 407 Proxy Authentication Required', false), 'auth-required');
  fails(status('HTTP/1.1 407 Proxy Authentication Required', true), 'auth-failed');
  fails(status('HTTP/1.0 403 Forbidden', false), 'refused');
  fails(status('HTTP/1.1 502 Bad Gateway', false), 'unreachable');
  fails(status('SSH-2.0-OpenSSH', false), 'malformed');
});

test('HTTP CONNECT: a response head that never ends is refused past MAX_RESPONSE_HEAD (bounded read)', () => {
  const hs = createHttpConnectHandshake({ host: 'h', port: 1 });
  hs.start();
  hs.feed(new TextEncoder().encode('HTTP/1.1 200 OK\r\n'));
  const junk = new TextEncoder().encode('X-Junk: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n');
  let threw = false;
  try {
    for (let i = 0; i < (2 * MAX_RESPONSE_HEAD) / junk.length; i++) hs.feed(junk);
  } catch (e) {
    threw = e instanceof ProxyError && e.reason === 'malformed';
  }
  assert.ok(threw);
});

test.run();
