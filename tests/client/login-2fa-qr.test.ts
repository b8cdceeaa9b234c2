/**
 * e2e: 2FA (SRP, https://core.telegram.org/api/srp) and QR login
 * (https://core.telegram.org/api/qr-login) with TelegramClient against the
 * test server, which implements the server side of both.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RpcError } from '../../ts/errors.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import type { TestServer } from '../../ts/testing/index.js';
import { clientFor, startServer, within } from './_support.js';

let server: TestServer;
test.before(async () => {
  server = await startServer();
});
test.after(async () => {
  await server.stop();
});

test('2FA: signIn answers SESSION_PASSWORD_NEEDED; the right password (SRP) signs in, the hint is passed to the prompt', async () => {
  const eve = server.backend.addUser({ phone: '9996621501', firstName: 'Eve' });
  await server.backend.setPassword(eve.id, 'correct horse', 'horse');
  const client = await clientFor(server);
  try {
    const hints: (string | undefined)[] = [];
    const me = await within(
      client.start({
        phone: '9996621501',
        code: '22222',
        password: (hint) => {
          hints.push(hint);
          return 'correct horse';
        },
      }),
      8000,
      '2FA login',
    );
    assert.is(me.id, eve.id);
    assert.equal(hints, ['horse']);
  } finally {
    await client.close();
  }
});

test('2FA: a wrong password is PASSWORD_HASH_INVALID and the key stays signed out; a retry with the right one works', async () => {
  const frank = server.backend.addUser({ phone: '9996621502', firstName: 'Frank' });
  await server.backend.setPassword(frank.id, 'pw1');
  const client = await clientFor(server);
  try {
    const sent = await client.sendCode({ phone: '9996621502' });
    try {
      await client.signIn({ phone: '9996621502', phoneCodeHash: sent.phoneCodeHash, code: '22222' });
      assert.unreachable();
    } catch (e) {
      assert.ok(RpcError.is(e, 'SESSION_PASSWORD_NEEDED'), String(e));
      assert.is((e as RpcError).code, 401);
    }
    assert.is(await client.getPasswordHint(), undefined);
    try {
      await client.checkPassword('wrong');
      assert.unreachable();
    } catch (e) {
      assert.ok(RpcError.is(e, 'PASSWORD_HASH_INVALID'), String(e));
    }
    try {
      await client.getMe();
      assert.unreachable();
    } catch (e) {
      assert.ok(RpcError.is(e, 'AUTH_KEY_UNREGISTERED'), 'not signed in after a wrong password');
    }
    const me = await client.checkPassword('pw1');
    assert.is(me.id, frank.id);
  } finally {
    await client.close();
  }
});

test('QR: a second signed-in client accepts the token; the first is signed in (same DC)', async () => {
  const gina = server.backend.addUser({ phone: '9996621503', firstName: 'Gina' });
  const phone = await clientFor(server);
  const desktop = await clientFor(server);
  try {
    await phone.start({ phone: '9996621503', code: '22222' });
    const urls: string[] = [];
    const me = await within(
      desktop.start({
        qr: {
          onToken: async (url) => {
            urls.push(url);
            await phone.acceptLoginToken(url);
          },
        },
      }),
      8000,
      'QR login',
    );
    assert.is(me.id, gina.id);
    assert.is(urls.length, 1);
    assert.match(urls[0]!, /^tg:\/\/login\?token=[A-Za-z0-9_-]+$/);
  } finally {
    await phone.close();
    await desktop.close();
  }
});

test('QR: the account lives on another DC → loginTokenMigrateTo, importLoginToken there; 2FA applies', async () => {
  const hank = server.backend.addUser({ phone: '9996631504', firstName: 'Hank' });
  await server.backend.setPassword(hank.id, 'qrpw', 'qr hint');
  const phone = await clientFor(server);
  const storage = new MemoryStorage();
  const desktop = await clientFor(server, { storage });
  try {
    await phone.start({ phone: '9996631504', code: '33333', password: 'qrpw' });
    const me = await within(
      desktop.start({
        qr: { onToken: (url) => void phone.acceptLoginToken(url) },
        password: 'qrpw',
      }),
      8000,
      'QR login across DCs',
    );
    assert.is(me.id, hank.id);
    assert.is(desktop.pool.homeDc, 3);
    assert.is(await storage.getHomeDc(), 3);
  } finally {
    await phone.close();
    await desktop.close();
  }
});

test('QR: a token accepted twice is AUTH_TOKEN_ALREADY_ACCEPTED; garbage is AUTH_TOKEN_INVALID', async () => {
  server.backend.addUser({ phone: '9996621505', firstName: 'Ivy' });
  const phone = await clientFor(server);
  const desktop = await clientFor(server);
  try {
    await phone.start({ phone: '9996621505', code: '22222' });
    const res = await desktop.invoke({ _: 'auth.exportLoginToken', api_id: desktop.apiId, api_hash: 'x', except_ids: [] });
    assert.is(res._, 'auth.loginToken');
    const token = (res as { token: Uint8Array }).token;
    await phone.acceptLoginToken(token);
    for (const [bytes, name] of [
      [token, 'AUTH_TOKEN_ALREADY_ACCEPTED'],
      [new Uint8Array(32), 'AUTH_TOKEN_INVALID'],
    ] as const) {
      try {
        await phone.acceptLoginToken(bytes);
        assert.unreachable();
      } catch (e) {
        assert.ok(RpcError.is(e, name), String(e));
      }
    }
  } finally {
    await phone.close();
    await desktop.close();
  }
});

test.run();
