/**
 * The protocol half of PFS (ts/mtproto/pfs.ts, https://core.telegram.org/api/pfs):
 * the temporary key's expiry on the server's clock, when a new one is due,
 * the renewal delay, and auth.bindTempAuthKey queued as a barrier whose inner
 * msg_id is the query's own (https://core.telegram.org/method/auth.bindTempAuthKey).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inspect } from 'node:util';
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { WasmgramError } from '../../ts/errors.js';
import type { AuthKeyResult } from '../../ts/mtproto/handshake/index.js';
import { queueTempKeyBinding, TempKeySchedule } from '../../ts/mtproto/pfs.js';
import { encodeRpcResult, openBindTempAuthKeyMessage } from '../../ts/mtproto/server-side.js';
import { bodyOf, makeHarness, T0, testAuthKey } from './_session.js';
import { getProvider } from './_support.js';

let crypto: CryptoProvider;
test.before(async () => {
  crypto = await getProvider();
});

const result = (timeOffset: number): AuthKeyResult =>
  ({
    authKey: testAuthKey('temp'),
    authKeyId: new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2]),
    serverSalt: 7n,
    timeOffset,
  }) as unknown as AuthKeyResult;

test('TempKeySchedule: a key is needed first; it expires expiresIn after adoption on the server clock; renewal renewBeforeS earlier', () => {
  const pfs = new TempKeySchedule({ expiresIn: 600, renewBeforeS: 60 });
  assert.ok(pfs.needsNewKey(T0, 0), 'no key yet');
  assert.is(pfs.renewalDelayMs(T0, 0), undefined);
  const temp = pfs.adopt(result(5), T0);
  assert.is(temp.expiresAt, T0 / 1000 + 5 + 600, 'server time (local + offset) + expiresIn');
  assert.is(pfs.expiresIn, 600);
  assert.not.ok(pfs.needsNewKey(T0, 5));
  assert.is(pfs.renewalDelayMs(T0, 5), 540_000);
  assert.not.ok(pfs.needsNewKey(T0 + 539_000, 5));
  assert.ok(pfs.needsNewKey(T0 + 540_000, 5), 'within renewBeforeS of expiry');
  assert.is(pfs.renewalDelayMs(T0 + 600_000, 5), 0, 'overdue: now');
  assert.match(inspect(pfs.current), /redacted/);
  pfs.forget();
  assert.is(pfs.current, undefined);
  assert.ok(pfs.needsNewKey(T0, 5), 'after -404 a new key is needed');
});

test('TempKeySchedule: defaults 86 400 s and 300 s; the renewal delay fits a timer', () => {
  const pfs = new TempKeySchedule();
  pfs.adopt(result(0), T0);
  assert.is(pfs.renewalDelayMs(T0, 0), (86_400 - 300) * 1000);
  const long = new TempKeySchedule({ expiresIn: 10 ** 8 });
  long.adopt(result(0), T0);
  assert.is(long.renewalDelayMs(T0, 0), 2 ** 31 - 1);
});

test('queueTempKeyBinding: a barrier query whose encrypted inner message carries its own msg_id; true resolves', async () => {
  const h = makeHarness(crypto);
  const perm = testAuthKey('perm');
  const pfs = new TempKeySchedule({ expiresIn: 600 });
  const temp = pfs.adopt(result(0), T0);
  h.client.send({ _: 'help.getConfig' });
  const bound = queueTempKeyBinding(h.client, { crypto, permAuthKey: perm, temp });
  const [p] = h.toServer();
  assert.equal(
    p!.messages.map((m) => bodyOf(m.body)._),
    ['auth.bindTempAuthKey'],
    'only the binding goes out while it is unanswered',
  );
  const msg = p!.messages[0]!;
  const opened = openBindTempAuthKeyMessage(crypto, perm, bodyOf(msg.body).encrypted_message as Uint8Array);
  assert.is(opened.msgId, msg.msgId);
  assert.is(opened.inner.temp_session_id, h.client.sessionId);
  assert.is(opened.inner.expires_at, temp.expiresAt);
  h.deliver([{ body: encodeRpcResult(msg.msgId, new Uint8Array([0xb5, 0x75, 0x72, 0x99])), contentRelated: true, response: true }]);
  await bound;
  assert.equal(
    h.toServer().flatMap((q) => q.messages.map((m) => bodyOf(m.body)._)),
    ['msgs_ack', 'help.getConfig'],
    'the waiting query follows',
  );
});

test('queueTempKeyBinding: boolFalse rejects with a WasmgramError', async () => {
  const h = makeHarness(crypto);
  const pfs = new TempKeySchedule();
  const bound = queueTempKeyBinding(h.client, { crypto, permAuthKey: testAuthKey('perm'), temp: pfs.adopt(result(0), T0) });
  const [p] = h.toServer();
  h.deliver([
    { body: encodeRpcResult(p!.messages[0]!.msgId, new Uint8Array([0x37, 0x97, 0x79, 0xbc])), contentRelated: true, response: true },
  ]);
  try {
    await bound;
    assert.unreachable('should reject');
  } catch (e) {
    assert.instance(e, WasmgramError);
    assert.match((e as Error).message, /not accepted/);
  }
});

test.run();
