/**
 * The test server with the in-memory Telegram behind it: temporary keys
 * bound with auth.bindTempAuthKey (https://core.telegram.org/api/pfs), the
 * test-DC login (https://core.telegram.org/api/auth#test-accounts) with
 * PHONE_MIGRATE on the wrong DC, RPC errors for methods the emulator lacks,
 * updates as server-initiated messages, and destroy_auth_key.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bindTempAuthKeyRequest } from '../../ts/mtproto/index.js';
import type { auth, Updates } from '../../ts/tl/generated/types.js';
import { API, getCrypto, RawClient, SessionClient, until, withServer } from './server-harness.js';
import { rejects } from './_rpc.js';

const SETTINGS = { _: 'codeSettings' } as const;

/** Phone login on `client`'s DC: sendCode, then signIn with the test code (X five times). */
async function signIn(client: SessionClient, phone: string): Promise<auth.Authorization.authorization> {
  const sent = (await client.invoke({ _: 'auth.sendCode', phone_number: phone, ...API, settings: SETTINGS })) as auth.SentCode.sentCode;
  assert.is(sent._, 'auth.sentCode');
  const code = phone[5]!.repeat(5);
  const res = await client.invoke({ _: 'auth.signIn', phone_number: phone, phone_code_hash: sent.phone_code_hash, phone_code: code });
  assert.is(res._, 'auth.authorization');
  return res as auth.Authorization.authorization;
}

test("sign-in on the phone number's DC: auth.sendCode + auth.signIn with code X five times", () =>
  withServer(async (server) => {
    const alice = server.backend.addUser({ phone: '9996621234', firstName: 'Alice' });
    const client = await SessionClient.connect(server, { dc: 2 });
    const res = await signIn(client, '9996621234');
    assert.is((res.user as { id: bigint }).id, alice.id);
    const [me] = await client.invoke({ _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] });
    assert.is((me as { id: bigint }).id, alice.id);
    client.close();
  }));

test('sign-in on the wrong DC: 303 PHONE_MIGRATE_2', () =>
  withServer(async (server) => {
    server.backend.addUser({ phone: '9996621234', firstName: 'Alice' });
    const client = await SessionClient.connect(server, { dc: 1 });
    const e = await rejects(
      client.invoke({ _: 'auth.sendCode', phone_number: '9996621234', ...API, settings: SETTINGS }),
      303,
      'PHONE_MIGRATE_2',
    );
    assert.is(e.value, 2);
    client.close();
  }));

test('a method the emulator does not implement gets 400 METHOD_NOT_IMPLEMENTED_<name>, never silence', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await rejects(client.invoke({ _: 'help.getAppConfig', hash: 0 }), 400, 'METHOD_NOT_IMPLEMENTED_help.getAppConfig');
    // The session still works afterwards.
    assert.is((await client.invoke({ _: 'help.getNearestDc' }))._, 'nearestDc');
    client.close();
  }));

test('an API call needing a login on a fresh key: 401 AUTH_KEY_UNREGISTERED', () =>
  withServer(async (server) => {
    const client = await SessionClient.connect(server);
    await rejects(client.invoke({ _: 'updates.getState' }), 401, 'AUTH_KEY_UNREGISTERED');
    client.close();
  }));

test('temporary key (p_q_inner_data_temp_dc) bound with auth.bindTempAuthKey: the login of the permanent key applies', () =>
  withServer(async (server) => {
    const c = await getCrypto();
    const alice = server.backend.addUser({ phone: '9996621234', firstName: 'Alice' });
    const perm = await SessionClient.connect(server, { dc: 2 });
    await signIn(perm, '9996621234');

    const temp = await SessionClient.connect(server, { dc: 2, expiresIn: 3600 });
    assert.is(temp.key.expiresIn, 3600);
    assert.is(server.authKeyCount(2), 2);
    const bind = bindTempAuthKeyRequest({
      crypto: c,
      permAuthKey: perm.key.authKey,
      tempAuthKeyId: temp.key.authKeyId,
      tempSessionId: temp.session.sessionId,
      expiresAt: Math.floor(Date.now() / 1000) + 3600,
    });
    assert.is(await temp.invoke(bind.build(0n), { build: bind.build }), true);
    const [me] = await temp.invoke({ _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] });
    assert.is((me as { id: bigint }).id, alice.id);
    perm.close();
    temp.close();
  }));

test('auth.bindTempAuthKey with a message that does not match the query: 400 ENCRYPTED_MESSAGE_INVALID', () =>
  withServer(async (server) => {
    const c = await getCrypto();
    const perm = await SessionClient.connect(server, { dc: 2 });
    const temp = await SessionClient.connect(server, { dc: 2, expiresIn: 3600 });
    const expiresAt = Math.floor(Date.now() / 1000) + 3600;
    // Built for another session_id than the one that sends it.
    const wrongSession = bindTempAuthKeyRequest({
      crypto: c,
      permAuthKey: perm.key.authKey,
      tempAuthKeyId: temp.key.authKeyId,
      tempSessionId: temp.session.sessionId + 1n,
      expiresAt,
    });
    await rejects(temp.invoke(wrongSession.build(0n), { build: wrongSession.build }), 400, 'ENCRYPTED_MESSAGE_INVALID');
    // Right fields, but the inner msg_id is not the query's.
    const good = bindTempAuthKeyRequest({
      crypto: c,
      permAuthKey: perm.key.authKey,
      tempAuthKeyId: temp.key.authKeyId,
      tempSessionId: temp.session.sessionId,
      expiresAt,
    });
    await rejects(temp.invoke(good.build(4n)), 400, 'ENCRYPTED_MESSAGE_INVALID');
    // Binding a permanent key as if it were temporary.
    const permAsTemp = bindTempAuthKeyRequest({
      crypto: c,
      permAuthKey: temp.key.authKey,
      tempAuthKeyId: perm.key.authKeyId,
      tempSessionId: perm.session.sessionId,
      expiresAt,
    });
    await rejects(perm.invoke(permAsTemp.build(0n), { build: permAsTemp.build }), 400, 'ENCRYPTED_MESSAGE_INVALID');
    perm.close();
    temp.close();
  }));

test('a temporary key is forgotten when it expires: transport error -404', async () => {
  let now = Date.now();
  await withServer(
    async (server) => {
      const temp = await SessionClient.connect(server, { dc: 2, expiresIn: 60 });
      await temp.invoke({ _: 'help.getNearestDc' });
      now += 61_000;
      const pending = temp.invoke({ _: 'help.getNearestDc' });
      await until(() => temp.transportErrors.some((e) => e.code === -404), 'transport error -404');
      assert.is(server.authKeyCount(2), 0);
      temp.close();
      await pending.catch(() => {});
    },
    { clock: () => now, backend: undefined },
  );
});

test('updates for a signed-in user arrive as server-initiated messages (msg_id 3 mod 4) and are acknowledged', () =>
  withServer(async (server) => {
    const alice = server.backend.addUser({ phone: '9996621234', firstName: 'Alice' });
    const client = await SessionClient.connect(server, { dc: 2 });
    await signIn(client, '9996621234');
    const updates: Updates = { _: 'updatesTooLong' };
    assert.is(server.backend.publish(alice.id, updates), 1);
    const ev = await client.event('update');
    assert.is(ev.update._, 'updatesTooLong');
    assert.is(ev.msgId & 3n, 3n);
    client.close();
  }));

test('destroy_auth_key: a bare destroy_auth_key_ok, the connection closes, then the key is unknown (-404)', () =>
  withServer(async (server) => {
    // Bare, as Telegram answers it (MtprotoSession does not settle a bare answer yet, hence the raw client).
    const raw = await RawClient.connect(server, { dc: 2 });
    raw.send({ _: 'destroy_auth_key' }, true);
    const ok = await raw.expect('destroy_auth_key_ok');
    assert.is(ok.obj._, 'destroy_auth_key_ok');
    assert.is(server.authKeyCount(2), 0);
    await until(() => raw.wire.closed, 'the server to close the connection');
    const again = await SessionClient.connect(server, { dc: 2, key: raw.authKey });
    const pending = again.invoke({ _: 'help.getNearestDc' });
    await until(() => again.transportErrors.some((e) => e.code === -404), 'transport error -404');
    again.close();
    raw.close();
    await pending.catch(() => {});
  }));

test.run();
