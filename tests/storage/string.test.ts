import { inspect } from 'node:util';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SessionError } from '../../ts/errors.js';
import {
  exportStringSession,
  importStringSession,
  readStringSession,
  type SessionSnapshot,
  SessionFileError,
  StringStorage,
} from '../../ts/storage/index.js';
import { emptySnapshot } from '../../ts/storage/state.js';
import { conformance, fakeKey, fullSnapshot } from './_conformance.js';

conformance('StringStorage', { create: async () => new StringStorage() });

function small(): SessionSnapshot {
  const s = emptySnapshot();
  s.homeDc = 2;
  s.testMode = true;
  s.dcOptions.push({ id: 2, host: '149.154.167.40', port: 443 });
  s.keys.push({ dcId: 2, authKey: fakeKey(2) });
  s.account = { userId: 7_000_000_001n, bot: true };
  return s;
}

function problem(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof SessionError, `expected SessionError, got ${String(e)}`);
    return e instanceof SessionFileError ? e.problem : 'session';
  }
  assert.unreachable('expected a SessionError');
  return '';
}

test('string session: "wg" + base64url, URL-safe, compact, and round-trips home DC, address, key, account, test mode', () => {
  const text = exportStringSession(small());
  assert.match(text, /^wg[A-Za-z0-9_-]+$/);
  assert.ok(text.length < 400, `compact (${text.length} chars)`);
  const back = importStringSession(text);
  assert.is(back.homeDc, 2);
  assert.is(back.testMode, true);
  assert.equal(back.dcOptions, [{ id: 2, host: '149.154.167.40', port: 443 }]);
  assert.equal([...back.keys[0]!.authKey], [...fakeKey(2)]);
  assert.equal(back.account, { userId: 7_000_000_001n, bot: true });
  assert.is(readStringSession(text).format, 'wasmgram');
});

test('string session: layout is version 1 | flags | dc | host | port | key | user | CRC-32 (fixed vector)', () => {
  const text = exportStringSession(small());
  const b = Buffer.from(text.slice(2), 'base64url');
  assert.is(b[0], 1); // version
  assert.is(b[1], 1 | 2 | 4 | 8); // test, account, bot, address
  assert.is(b.readUInt16BE(2), 2);
  assert.is(b[4], '149.154.167.40'.length);
  assert.is(b.subarray(5, 19).toString(), '149.154.167.40');
  assert.is(b.readUInt16BE(19), 443);
  assert.equal([...b.subarray(21, 277)], [...fakeKey(2)]);
  assert.is(b.readBigInt64BE(277), 7_000_000_001n);
  assert.is(b.length, 277 + 8 + 4);
});

test('string session: every truncation of a paste is a SessionError, never a session', () => {
  const text = exportStringSession(small());
  for (let n = 0; n < text.length; n++) {
    const p = problem(() => importStringSession(text.slice(0, n)));
    assert.ok(['truncated', 'corrupt', 'foreign'].includes(p), `cut at ${n}: ${p}`);
  }
});

test('string session: a changed character is caught by the checksum', () => {
  const text = exportStringSession(small());
  for (const i of [3, 40, 200, text.length - 2]) {
    const c = text[i] === 'A' ? 'B' : 'A';
    assert.is(
      problem(() => importStringSession(text.slice(0, i) + c + text.slice(i + 1))),
      'corrupt',
    );
  }
});

test('string session: a newer version is refused with a clear message', () => {
  const b = Buffer.from(exportStringSession(small()).slice(2), 'base64url');
  b[0] = 2;
  try {
    importStringSession(`wg${b.toString('base64url')}`);
    assert.unreachable();
  } catch (e) {
    assert.ok(e instanceof SessionFileError);
    assert.is(e.problem, 'newer');
    assert.match(e.message, /version 2 .*upgrade/);
  }
});

test('string session: exporting before login is a SessionError; whitespace around a paste is ignored', () => {
  assert.is(
    problem(() => exportStringSession(emptySnapshot())),
    'corrupt',
  );
  const text = exportStringSession(small());
  assert.is(importStringSession(`  ${text}\n`).homeDc, 2);
});

test('string session: errors never contain the string or key bytes', () => {
  const text = exportStringSession(small());
  try {
    importStringSession(`${text.slice(0, 200)}x`);
  } catch (e) {
    assert.not.ok((e as Error).message.includes(text.slice(10, 30)));
  }
});

test('StringStorage: starts from a string, exports the current state, reports changes on flush', async () => {
  const seen: string[] = [];
  const s = new StringStorage(exportStringSession(small()), { onChange: (t) => seen.push(t) });
  await s.open();
  assert.is(await s.getHomeDc(), 2);
  await s.setAccount({ userId: 1n, bot: false });
  await s.flush();
  assert.is(seen.length, 1);
  assert.equal(importStringSession(seen[0]!).account, { userId: 1n, bot: false });
  assert.equal(importStringSession(s.exportString()).account, { userId: 1n, bot: false });
  assert.match(inspect(s), /StringStorage \[redacted\]/);
  await s.close();
});

test('StringStorage: a full snapshot exports only what reconnecting needs', async () => {
  const s = new StringStorage();
  await s.open();
  await s.restore(fullSnapshot(1000));
  const text = s.exportString();
  assert.ok(text.length < 400);
  const back = importStringSession(text);
  assert.is(back.peers.size, 0);
  assert.is(back.homeDc, 2);
  assert.equal(back.dcOptions, [{ id: 2, host: '149.154.167.51', port: 443 }], 'IPv4 main address preferred');
});

test('string import: arbitrary text is a SessionError, never another exception (property)', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 600 }),
        fc.base64String({ maxLength: 600 }),
        fc.string({ maxLength: 50 }).map((s) => `1${s}`),
      ),
      (s) => {
        try {
          importStringSession(s);
        } catch (e) {
          if (!(e instanceof SessionError)) throw e;
        }
      },
    ),
    { numRuns: 500, seed: 11 },
  );
});

test.run();
