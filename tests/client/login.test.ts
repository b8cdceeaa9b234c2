/**
 * e2e: every login path of TelegramClient against the test server
 * (https://core.telegram.org/api/auth): phone + code with PHONE_MIGRATE,
 * sign-up, bot token with USER_MIGRATE, wrong code, log out, restart from
 * stored state without a new login.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RpcError } from '../../ts/errors.js';
import { MemoryStorage, StringStorage } from '../../ts/storage/index.js';
import type { TestServer } from '../../ts/testing/index.js';
import { clientFor, startServer, within } from './_support.js';

let server: TestServer;
test.before(async () => {
  server = await startServer();
});
test.after(async () => {
  await server.stop();
});

test('phone + code: PHONE_MIGRATE moves the home DC (2 → 3), the code is X five times', async () => {
  const alice = server.backend.addUser({ phone: '9996631001', firstName: 'Alice' });
  const storage = new MemoryStorage();
  const client = await clientFor(server, { storage });
  try {
    const seen: string[] = [];
    const me = await within(
      client.start({
        phone: '+99966 3 1001',
        code: (sent) => {
          seen.push(sent.type._);
          return '33333';
        },
      }),
      8000,
      'login',
    );
    assert.is(me.id, alice.id);
    assert.is(me.first_name, 'Alice');
    assert.equal(seen, ['auth.sentCodeTypeApp']);
    assert.is(client.pool.homeDc, 3);
    assert.is(await storage.getHomeDc(), 3);
    assert.equal(await storage.getAccount(), { userId: alice.id, bot: false, phone: '9996631001' });
    assert.ok(await storage.getAuthKey(3), 'the DC 3 key is stored');
    assert.ok((await storage.getPeer(alice.id))?.accessHash === alice.accessHash, 'peers seen in answers are cached');
    assert.is((await client.getMe()).id, alice.id);
    assert.ok(await client.isAuthorized());
  } finally {
    await client.close();
  }
});

test('phone + code: PHONE_MIGRATE to a DC the client has no address for — the pool learns it from help.getConfig on the DC it knows', async () => {
  const alice = server.backend.addUser({ phone: '9996631002', firstName: 'Alice' });
  const only2 = { dcs: server.dcs.filter((d) => d.id === 2), rsaPublicKey: server.rsaPublicKey };
  const client = await clientFor(server, { testServer: only2 });
  try {
    const me = await within(client.start({ phone: '9996631002', code: '33333' }), 8000, 'login');
    assert.is(me.id, alice.id);
    assert.is(client.pool.homeDc, 3);
  } finally {
    await client.close();
  }
});

test('sign-up: a number without an account gets one with the given name', async () => {
  const client = await clientFor(server);
  try {
    const me = await within(client.start({ phone: '9996621777', code: '22222', firstName: 'New', lastName: 'Person' }), 8000);
    assert.is(me.first_name, 'New');
    assert.is(me.last_name, 'Person');
    assert.ok(server.backend.users.byPhone('9996621777'));
  } finally {
    await client.close();
  }
});

test('signIn/signUp as separate steps: signUpRequired, then signUp', async () => {
  const client = await clientFor(server);
  try {
    const phone = '9996621778';
    const sent = await client.sendCode({ phone });
    const again = await client.resendCode({ phone, phoneCodeHash: sent.phoneCodeHash });
    assert.is(again.phoneCodeHash, sent.phoneCodeHash);
    const res = await client.signIn({ phone, phoneCodeHash: sent.phoneCodeHash, code: '22222' });
    assert.ok('signUpRequired' in res);
    const me = await client.signUp({ phone, phoneCodeHash: sent.phoneCodeHash, firstName: 'Step' });
    assert.is(me.first_name, 'Step');
  } finally {
    await client.close();
  }
});

test('wrong code: PHONE_CODE_INVALID reaches the caller; a prompt is asked again', async () => {
  server.backend.addUser({ phone: '9996621002', firstName: 'Bob' });
  const client = await clientFor(server);
  try {
    try {
      await client.start({ phone: '9996621002', code: '12345' });
      assert.unreachable();
    } catch (e) {
      assert.ok(RpcError.is(e, 'PHONE_CODE_INVALID'), String(e));
    }
    const codes = ['11111', '22222'];
    const me = await client.start({ phone: '9996621002', code: () => codes.shift()! });
    assert.is(me.first_name, 'Bob');
    assert.is(codes.length, 0);
  } finally {
    await client.close();
  }
});

test('bot token: USER_MIGRATE to the bot’s DC, account stored as a bot', async () => {
  const { user, token } = server.backend.addBot({ username: 'client_test_bot', dcId: 1 });
  const storage = new MemoryStorage();
  const client = await clientFor(server, { storage });
  try {
    const me = await within(client.start({ botToken: token }), 8000);
    assert.is(me.id, user.id);
    assert.ok(me.bot);
    assert.is(client.pool.homeDc, 1);
    assert.is((await storage.getAccount())?.bot, true);
  } finally {
    await client.close();
  }
});

test('bot token: a bad token is ACCESS_TOKEN_INVALID', async () => {
  const client = await clientFor(server);
  try {
    await client.signInBot('1:nope');
    assert.unreachable();
  } catch (e) {
    assert.ok(RpcError.is(e, 'ACCESS_TOKEN_INVALID'), String(e));
  } finally {
    await client.close();
  }
});

test('restart: a second client on the stored state is signed in without a new login or key exchange', async () => {
  const carol = server.backend.addUser({ phone: '9996611003', firstName: 'Carol' });
  const first = new MemoryStorage();
  const a = await clientFor(server, { storage: first });
  await a.start({ phone: '9996611003', code: '11111' });
  await a.close();
  const keys = server.stats.authKeys;
  const b = await clientFor(server, { storage: new MemoryStorage(await first.snapshot()) });
  try {
    const me = await b.start({
      phone: () => assert.unreachable('asked for a phone') as never,
      code: () => assert.unreachable('asked for a code') as never,
    });
    assert.is(me.id, carol.id);
    assert.is(b.pool.homeDc, 1);
    assert.is(server.stats.authKeys, keys, 'no new auth key');
  } finally {
    await b.close();
  }
});

test('exportSession: a string session restores the login in a new client (StringStorage), no new key exchange', async () => {
  const erin = server.backend.addUser({ phone: '9996621005', firstName: 'Erin' });
  const a = await clientFor(server);
  await a.start({ phone: '9996621005', code: '22222' });
  const text = await a.exportSession();
  await a.close();
  assert.ok(text.startsWith('wg'), 'a wasmgram string session');
  const keys = server.stats.authKeys;
  const b = await clientFor(server, { storage: new StringStorage(text) });
  try {
    const me = await b.start({
      phone: () => assert.unreachable('asked for a phone') as never,
      code: () => assert.unreachable('asked for a code') as never,
    });
    assert.is(me.id, erin.id);
    assert.is(server.stats.authKeys, keys, 'no new auth key');
  } finally {
    await b.close();
  }
});

test('logOut: the account is forgotten and the key is no longer signed in', async () => {
  server.backend.addUser({ phone: '9996621004', firstName: 'Dan' });
  const storage = new MemoryStorage();
  const client = await clientFor(server, { storage });
  try {
    await client.start({ phone: '9996621004', code: '22222' });
    await client.logOut();
    assert.is(await storage.getAccount(), undefined);
    assert.not.ok(await client.isAuthorized());
    try {
      await client.getMe();
      assert.unreachable();
    } catch (e) {
      assert.ok(RpcError.is(e, 'AUTH_KEY_UNREGISTERED'), String(e));
    }
  } finally {
    await client.close();
  }
});

test.run();
