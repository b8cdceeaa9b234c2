/**
 * Other libraries' string sessions. GramJS and mtcute strings are produced
 * here by those libraries' own code (devDependencies `telegram` and
 * `@mtcute/core`). Telethon and Pyrogram are Python libraries: their strings
 * are built from the formats in their source/documentation —
 * Telethon `telethon/sessions/string.py` (`'1' + urlsafe_b64encode(struct.pack('>B{4|16}sH256s', ...))`),
 * Pyrogram `pyrogram/storage/storage.py` (`SESSION_STRING_FORMAT = '>BI?256sQ?'`,
 * `OLD_SESSION_STRING_FORMAT = '>B?256sI?'`, `OLD_SESSION_STRING_FORMAT_64 = '>B?256sQ?'`,
 * urlsafe base64 with the `=` padding stripped).
 */
import { writeStringSession } from '@mtcute/core/utils.js';
import { AuthKey } from 'telegram/crypto/AuthKey.js';
import { StringSession } from 'telegram/sessions/index.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SessionError } from '../../ts/errors.js';
import { MemoryStorage, readStringSession, SessionFileError } from '../../ts/storage/index.js';
import { fakeKey } from './_conformance.js';

const KEY = fakeKey(77);

async function gramjs(dc: number, host: string, port: number): Promise<string> {
  const s = new StringSession('');
  s.setDC(dc, host, port);
  const key = new AuthKey();
  await key.setKey(Buffer.from(KEY));
  s.authKey = key;
  return s.save();
}

/** Python's struct.pack('>B{n}sH256s', dc, ip, port, key) for Telethon. */
function telethon(dc: number, ip: number[], port: number): string {
  const b = Buffer.alloc(1 + ip.length + 2 + 256);
  b[0] = dc;
  Buffer.from(ip).copy(b, 1);
  b.writeUInt16BE(port, 1 + ip.length);
  Buffer.from(KEY).copy(b, 3 + ip.length);
  return `1${b.toString('base64').replace(/\+/g, '-').replace(/\//g, '_')}`; // urlsafe_b64encode keeps '='
}

/** Pyrogram's struct layouts. */
function pyrogram(
  layout: 'current' | 'old32' | 'old64',
  f: { dc: number; apiId?: number; test: boolean; userId: bigint; bot: boolean },
): string {
  const parts: Buffer[] = [Buffer.from([f.dc])];
  if (layout === 'current') {
    const api = Buffer.alloc(4);
    api.writeUInt32BE(f.apiId!);
    parts.push(api);
  }
  parts.push(Buffer.from([f.test ? 1 : 0]), Buffer.from(KEY));
  const user = Buffer.alloc(layout === 'old32' ? 4 : 8);
  if (layout === 'old32') user.writeUInt32BE(Number(f.userId));
  else user.writeBigUInt64BE(f.userId);
  parts.push(user, Buffer.from([f.bot ? 1 : 0]));
  return Buffer.concat(parts).toString('base64url'); // urlsafe, '=' stripped
}

test('import GramJS (string made by GramJS StringSession.save)', async () => {
  const text = await gramjs(2, '149.154.167.51', 443);
  const r = readStringSession(text);
  assert.is(r.format, 'gramjs');
  assert.is(r.snapshot.homeDc, 2);
  assert.equal(r.snapshot.dcOptions, [{ id: 2, host: '149.154.167.51', port: 443 }]);
  assert.equal([...r.snapshot.keys[0]!.authKey], [...KEY]);
});

test('import GramJS: an IPv6 address and a host of Telethon-IPv6 length are told apart', async () => {
  const r = readStringSession(await gramjs(4, '2001:67c:4e8:f004::a', 443));
  assert.is(r.format, 'gramjs');
  assert.equal(r.snapshot.dcOptions[0], { id: 4, host: '2001:67c:4e8:f004::a', port: 443, ipv6: true });
  // 14-char host: 1+2+14+2+256 = 275 bytes, the same length as a Telethon IPv6 string.
  assert.is(readStringSession(await gramjs(1, '149.154.175.53', 80)).format, 'gramjs');
});

test('import Telethon IPv4 and IPv6 (format from telethon/sessions/string.py)', () => {
  const v4 = readStringSession(telethon(2, [149, 154, 167, 51], 443));
  assert.is(v4.format, 'telethon');
  assert.equal(v4.snapshot.dcOptions, [{ id: 2, host: '149.154.167.51', port: 443 }]);
  assert.equal([...v4.snapshot.keys[0]!.authKey], [...KEY]);
  assert.is(telethon(2, [149, 154, 167, 51], 443).length, 353);
  const ip6 = [0x20, 0x01, 0x06, 0x7c, 0x04, 0xe8, 0xf0, 0x02, 0, 0, 0, 0, 0, 0, 0, 0x0a];
  const v6 = readStringSession(telethon(5, ip6, 443));
  assert.is(v6.format, 'telethon');
  assert.equal(v6.snapshot.dcOptions, [{ id: 5, host: '2001:67c:4e8:f002:0:0:0:a', port: 443, ipv6: true }]);
});

test('import Pyrogram: current >BI?256sQ? (362 chars) with api_id, test mode, user, bot', () => {
  const text = pyrogram('current', { dc: 4, apiId: 12345, test: true, userId: 5_123_456_789n, bot: true });
  assert.is(text.length, 362);
  const r = readStringSession(text);
  assert.is(r.format, 'pyrogram');
  assert.is(r.apiId, 12345);
  assert.is(r.snapshot.homeDc, 4);
  assert.is(r.snapshot.testMode, true);
  assert.equal(r.snapshot.account, { userId: 5_123_456_789n, bot: true });
  assert.equal(r.snapshot.dcOptions, [], 'no address in the string: the library default for the DC is used');
  assert.equal([...r.snapshot.keys[0]!.authKey], [...KEY]);
});

test('import Pyrogram: old >B?256sI? (351 chars) and >B?256sQ? (356 chars)', () => {
  const a = pyrogram('old32', { dc: 1, test: false, userId: 123456n, bot: false });
  const b = pyrogram('old64', { dc: 5, test: false, userId: 6_000_000_000n, bot: true });
  assert.is(a.length, 351);
  assert.is(b.length, 356);
  const ra = readStringSession(a);
  assert.equal(ra.snapshot.account, { userId: 123456n, bot: false });
  assert.is(ra.snapshot.homeDc, 1);
  assert.is(ra.apiId, undefined);
  const rb = readStringSession(b);
  assert.equal(rb.snapshot.account, { userId: 6_000_000_000n, bot: true });
  assert.is(rb.snapshot.testMode, undefined);
});

test('import mtcute (strings made by @mtcute/core writeStringSession): with and without self, separate media DC, test mode', () => {
  const main = { id: 2, ipAddress: '149.154.167.51', port: 443 };
  const media = { id: 2, ipAddress: '149.154.167.222', port: 443, mediaOnly: true };
  const withSelf = writeStringSession({
    version: 3,
    primaryDcs: { main, media },
    self: { userId: 777000, isBot: false, isPremium: false, usernames: [] },
    authKey: KEY,
  });
  const r = readStringSession(withSelf);
  assert.is(r.format, 'mtcute');
  assert.is(r.snapshot.homeDc, 2);
  assert.equal(r.snapshot.account, { userId: 777000n, bot: false });
  assert.equal(r.snapshot.dcOptions, [
    { id: 2, host: '149.154.167.51', port: 443 },
    { id: 2, host: '149.154.167.222', port: 443, mediaOnly: true },
  ]);
  assert.equal([...r.snapshot.keys[0]!.authKey], [...KEY]);

  const testDc = { ...main, testMode: true, id: 1 };
  const bot = writeStringSession({
    version: 3,
    primaryDcs: { main: testDc, media: testDc },
    self: { userId: 9_007_199_254_740_000, isBot: true, isPremium: false, usernames: [] },
    authKey: KEY,
  });
  const rb = readStringSession(bot);
  assert.is(rb.snapshot.homeDc, 1);
  assert.is(rb.snapshot.testMode, true);
  assert.equal(rb.snapshot.account, { userId: 9_007_199_254_740_000n, bot: true });
  assert.is(rb.snapshot.dcOptions.length, 1);

  const anon = writeStringSession({ version: 3, primaryDcs: { main, media: main }, self: null, authKey: KEY });
  assert.is(readStringSession(anon).snapshot.account, undefined);
});

test('import: an imported session opens in a storage and exports as a wasmgram string', async () => {
  const s = new MemoryStorage(readStringSession(await gramjs(2, '149.154.167.51', 443)).snapshot);
  await s.open();
  assert.equal([...(await s.getAuthKey(2))!.authKey], [...KEY]);
});

test('import: truncated strings of every format are SessionErrors (never a session with a short key)', async () => {
  const all = [
    await gramjs(2, '149.154.167.51', 443),
    telethon(2, [149, 154, 167, 51], 443),
    pyrogram('current', { dc: 4, apiId: 1, test: false, userId: 1n, bot: false }),
    writeStringSession({
      version: 3,
      primaryDcs: { main: { id: 2, ipAddress: '1.2.3.4', port: 443 }, media: { id: 2, ipAddress: '1.2.3.4', port: 443 } },
      self: null,
      authKey: KEY,
    }),
  ];
  for (const text of all) {
    for (const cut of [1, 5, 20, 100]) {
      try {
        const bare = text.replace(/=+$/, ''); // padding is optional in every format
        const r = readStringSession(bare.slice(0, bare.length - cut));
        assert.unreachable(`${r.format} accepted a string cut by ${cut}`);
      } catch (e) {
        assert.ok(e instanceof SessionError, String(e));
      }
    }
  }
});

test('import: foreign text is refused as foreign', () => {
  for (const t of ['', 'hello', 'AAAA', '1', 'wg']) {
    try {
      readStringSession(t);
      assert.unreachable(t);
    } catch (e) {
      assert.ok(e instanceof SessionFileError, String(e));
    }
  }
});

test.run();
