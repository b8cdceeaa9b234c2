/**
 * Proxy links and MTProxy secrets: tg://proxy, https://t.me/proxy,
 * tg://socks; secrets in hex and base64url (plain, dd, ee + domain); clear
 * `ProxyError`s for malformed links that never repeat a secret; configs
 * holding secrets print redacted.
 */
import { inspect } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  createMtproxySecret,
  formatMtproxySecret,
  formatProxyLink,
  mtproxyTransportOptions,
  parseMtproxySecret,
  parseProxyLink,
  ProxyError,
} from '../../ts/transport/proxy/index.js';
import { hex } from './_support.js';

const KEY = '00112233445566778899aabbccddeeff';

test('tg://proxy with a plain hex secret', () => {
  const c = parseProxyLink(`tg://proxy?server=1.2.3.4&port=443&secret=${KEY}`);
  assert.is(c.type, 'mtproxy');
  if (c.type !== 'mtproxy') return;
  assert.is(c.host, '1.2.3.4');
  assert.is(c.port, 443);
  assert.is(c.secret.mode, 'plain');
  assert.is(hex(c.secret.key), KEY);
});

test('https://t.me/proxy with a dd secret; t.me without scheme; telegram.me', () => {
  for (const prefix of ['https://t.me/proxy?', 't.me/proxy?', 'http://telegram.me/proxy?']) {
    const c = parseProxyLink(`${prefix}server=proxy.example.com&port=8443&secret=dd${KEY}`);
    assert.is(c.type, 'mtproxy');
    if (c.type === 'mtproxy') {
      assert.is(c.secret.mode, 'dd');
      assert.is(hex(c.secret.key), KEY);
    }
  }
});

test('ee secrets: hex and base64url give the same key and SNI domain', () => {
  const hexSecret = `ee${KEY}${hex(new TextEncoder().encode('www.example.org'))}`;
  const a = parseMtproxySecret(hexSecret);
  const b64 = Buffer.from(hexSecret, 'hex').toString('base64url');
  const b = parseMtproxySecret(b64);
  for (const s of [a, b]) {
    assert.is(s.mode, 'ee');
    assert.is(hex(s.key), KEY);
    assert.is(s.domain, 'www.example.org');
  }
  assert.is(formatMtproxySecret(a), hexSecret);
  assert.is(formatMtproxySecret(a, 'base64url'), b64);
  const link = parseProxyLink(`tg://proxy?server=h&port=1&secret=${b64}`);
  assert.is(link.type === 'mtproxy' && link.secret.domain, 'www.example.org');
});

test('tg://socks with user and pass; without; IPv6 server in brackets', () => {
  const c = parseProxyLink('tg://socks?server=127.0.0.1&port=1080&user=alice&pass=p%40ss');
  assert.equal({ ...c }, { type: 'socks5', host: '127.0.0.1', port: 1080, username: 'alice', password: 'p@ss' });
  assert.equal({ ...parseProxyLink('https://t.me/socks?server=h&port=1') }, { type: 'socks5', host: 'h', port: 1 });
  assert.is(parseProxyLink('tg://socks?server=[::1]&port=1').host, '::1');
});

test('configs with secrets print redacted (inspect and JSON)', () => {
  const socks = parseProxyLink('tg://socks?server=h&port=1&user=alice&pass=hunter2');
  const mt = parseProxyLink(`tg://proxy?server=h&port=1&secret=dd${KEY}`);
  for (const c of [socks, mt]) {
    assert.not.match(inspect(c), 'hunter2');
    assert.not.match(inspect(c), KEY.slice(0, 8));
    assert.not.match(JSON.stringify({ c }), 'hunter2');
  }
  assert.not.match(inspect(parseMtproxySecret(KEY)), '0011');
});

test('round trip: formatProxyLink → parseProxyLink', () => {
  const secret = createMtproxySecret('ee', Buffer.from(KEY, 'hex'), 'a.example');
  for (const style of ['tg', 't.me'] as const) {
    const link = formatProxyLink({ type: 'mtproxy', host: '10.0.0.1', port: 443, secret }, style);
    const back = parseProxyLink(link);
    assert.ok(back.type === 'mtproxy' && back.secret.domain === 'a.example' && hex(back.secret.key) === KEY);
  }
  const socks = formatProxyLink({ type: 'socks5', host: 'h', port: 9, username: 'u', password: 'p&q' });
  assert.is(socks, 'tg://socks?server=h&port=9&user=u&pass=p%26q');
  assert.is(parseProxyLink(socks).type === 'socks5' && (parseProxyLink(socks) as { password?: string }).password, 'p&q');
});

test('dd and ee force padded intermediate; plain leaves the codec to the caller', () => {
  const fake = {} as never;
  for (const [mode, codec] of [
    ['plain', undefined],
    ['dd', 'padded-intermediate'],
    ['ee', 'padded-intermediate'],
  ] as const) {
    const secret = createMtproxySecret(mode, Buffer.from(KEY, 'hex'), mode === 'ee' ? 'x.example' : undefined);
    const o = mtproxyTransportOptions({ host: 'h', port: 1, secret, crypto: fake });
    assert.is(o.codec, codec);
    assert.ok(o.obfuscated && o.sockets.requiresObfuscation);
    assert.is(hex(o.secret), KEY);
  }
});

test('malformed links and secrets → ProxyError malformed, without echoing the secret', () => {
  const bad = [
    `https://example.com/proxy?server=h&port=1&secret=${KEY}`,
    'tg://resolve?domain=x',
    `tg://proxy?port=1&secret=${KEY}`,
    `tg://proxy?server=h&secret=${KEY}`,
    `tg://proxy?server=h&port=0&secret=${KEY}`,
    `tg://proxy?server=h&port=70000&secret=${KEY}`,
    `tg://proxy?server=h&port=x1&secret=${KEY}`,
    'tg://proxy?server=h&port=1',
    'tg://proxy?server=h&port=1&secret=0011',
    `tg://proxy?server=h&port=1&secret=ab${KEY}`,
    `tg://proxy?server=h&port=1&secret=ee${KEY}`,
    'tg://proxy?server=h&port=1&secret=zz!!',
    `tg://proxy?server=h h&port=1&secret=${KEY}`,
    'tg://socks?server=h&port=1&user=u',
  ];
  for (const link of bad) {
    try {
      parseProxyLink(link);
      assert.unreachable(link);
    } catch (e) {
      assert.instance(e, ProxyError, link);
      assert.is((e as ProxyError).reason, 'malformed');
      assert.not.match((e as Error).message, KEY, link);
    }
  }
  assert.throws(
    () => parseMtproxySecret(`ee${KEY}${'61'.repeat(200)}`),
    (e: unknown) => e instanceof ProxyError,
  );
  assert.throws(
    () => parseMtproxySecret(`ee${KEY}2f2f`),
    (e: unknown) => e instanceof ProxyError,
  ); // "//" is not a host name
});

test.run();
