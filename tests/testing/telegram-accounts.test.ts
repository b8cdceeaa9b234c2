/**
 * Accounts on the in-memory Telegram: users.getUsers / users.getFullUser,
 * updates.getState / getDifference, bot login with auth.importBotAuthorization,
 * moving a login between DCs (auth.exportAuthorization / importAuthorization)
 * and temporary keys (auth.bindTempAuthKey).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RpcError } from '../../ts/errors.js';
import { wrapWithInitConnection, type InitConnectionFields } from '../../ts/mtproto/session/init-connection.js';
import {
  EXPORTED_AUTHORIZATION_TTL,
  encodeResult,
  manualClock,
  parseBotToken,
  seededRandom,
  TelegramBackend,
  type TempKeyVerifier,
} from '../../ts/testing/telegram/index.js';
import { decodeResult } from '../../ts/tl/codec/index.js';
import type { AnyRequest, auth, User, users } from '../../ts/tl/generated/types.js';
import { rejects } from './_rpc.js';

const INIT: InitConnectionFields = {
  api_id: 4,
  device_model: 'uvu',
  system_version: 'node',
  app_version: '0.1.0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};
const T0 = 1_700_000_000;

function setup(verifyTempKeyBinding?: TempKeyVerifier) {
  const clock = manualClock(T0);
  const backend = new TelegramBackend({ now: clock, random: seededRandom(5), verifyTempKeyBinding });
  const alice = backend.addUser({ phone: '9996621111', firstName: 'Alice', lastName: 'A', username: 'alice_a', about: 'hi' });
  const bob = backend.addUser({ phone: '9996632222', firstName: 'Bob' });
  let nextKey = 100n;
  const connect = async (dc: number, userId?: bigint) => {
    const ctx = backend.connect(dc, { authKeyId: nextKey++ });
    await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT));
    if (userId !== undefined) backend.authorize(dc, ctx.authKeyId, userId);
    return ctx;
  };
  return { clock, backend, alice, bob, connect };
}

/** The result survives the codec: encoded by its result type and decoded back, same bytes again. */
function schemaValid(request: AnyRequest, result: unknown): void {
  const bytes = encodeResult(request, result);
  assert.equal(encodeResult(request, decodeResult(request, bytes)), bytes);
}

const asUser = (u: User | undefined): Extract<User, { _: 'user' }> => {
  assert.is(u?._, 'user');
  return u as Extract<User, { _: 'user' }>;
};

// --- users.getUsers -------------------------------------------------------------------

test('users.getUsers: inputUserSelf is the signed-in user, with self, phone and an online status', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(2, alice.id);
  const req: users.getUsers = { _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] };
  const [me, ...rest] = await backend.handle(ctx, req);
  assert.is(rest.length, 0);
  const u = asUser(me);
  assert.is(u.id, alice.id);
  assert.is(u.access_hash, alice.accessHash);
  assert.is(u.self, true);
  assert.is(u.phone, '9996621111');
  assert.is(u.first_name, 'Alice');
  assert.is(u.last_name, 'A');
  assert.is(u.username, 'alice_a');
  assert.equal(u.status, { _: 'userStatusOnline', expires: T0 + 300 });
  schemaValid(req, [me]);
});

test('users.getUsers: others by id + access hash, without self or phone; a wrong hash or inputUserEmpty is left out', async () => {
  const { backend, alice, bob, connect } = setup();
  const ctx = await connect(2, alice.id);
  const req: users.getUsers = {
    _: 'users.getUsers',
    id: [
      { _: 'inputUser', user_id: bob.id, access_hash: bob.accessHash },
      { _: 'inputUser', user_id: bob.id, access_hash: bob.accessHash + 1n },
      { _: 'inputUser', user_id: 42n, access_hash: 0n },
      { _: 'inputUserEmpty' },
      { _: 'inputUserSelf' },
    ],
  };
  const users = await backend.handle(ctx, req);
  assert.equal(
    users.map((u) => u.id),
    [bob.id, alice.id],
  );
  const b = asUser(users[0]);
  assert.is(b.self, undefined);
  assert.is(b.phone, undefined);
  assert.equal(b.status, { _: 'userStatusRecently' });
  schemaValid(req, users);
});

// --- users.getFullUser --------------------------------------------------------------

test('users.getFullUser: self and others, schema-valid; USER_ID_INVALID for an unknown user or wrong hash', async () => {
  const { backend, alice, bob, connect } = setup();
  const ctx = await connect(2, alice.id);
  const selfReq = { _: 'users.getFullUser', id: { _: 'inputUserSelf' } } as const;
  const full = await backend.handle(ctx, selfReq);
  assert.is(full._, 'users.userFull');
  assert.is(full.full_user.id, alice.id);
  assert.is(full.full_user.about, 'hi');
  assert.is(full.full_user.common_chats_count, 0);
  assert.equal(full.chats, []);
  assert.is(asUser(full.users[0]).self, true);
  schemaValid(selfReq, full);

  const other = await backend.handle(ctx, { _: 'users.getFullUser', id: { _: 'inputUser', user_id: bob.id, access_hash: bob.accessHash } });
  assert.is(other.full_user.id, bob.id);
  assert.is(other.full_user.about, undefined);
  await rejects(
    backend.handle(ctx, { _: 'users.getFullUser', id: { _: 'inputUser', user_id: bob.id, access_hash: 1n } }),
    400,
    'USER_ID_INVALID',
    'users.getFullUser',
  );
  await rejects(backend.handle(ctx, { _: 'users.getFullUser', id: { _: 'inputUserEmpty' } }), 400, 'USER_ID_INVALID');
});

// --- updates ------------------------------------------------------------------------

test('updates.getState: pts 1, qts 0, seq 0, date now, unread 0 for a new account; schema-valid', async () => {
  const { backend, alice, connect, clock } = setup();
  const ctx = await connect(2, alice.id);
  clock.advance(10);
  const req = { _: 'updates.getState' } as const;
  const state = await backend.handle(ctx, req);
  assert.equal(state, { _: 'updates.state', pts: 1, qts: 0, date: T0 + 10, seq: 0, unread_count: 0 });
  schemaValid(req, state);
});

test('updates.getDifference: differenceEmpty when level with the server; differenceTooLong from before the log', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(2, alice.id);
  const level = { _: 'updates.getDifference', pts: 1, qts: 0, date: T0 } as const;
  const diff = await backend.handle(ctx, level);
  assert.equal(diff, { _: 'updates.differenceEmpty', date: T0, seq: 0 });
  schemaValid(level, diff);
  assert.equal(await backend.handle(ctx, { ...level, pts: 0 }), { _: 'updates.differenceTooLong', pts: 1 });
});

// --- bots -----------------------------------------------------------------------------

test('addBot: token <botId>:<secret>, bot on DC 2 by default, username must end in bot', () => {
  const { backend } = setup();
  const { user, token } = backend.addBot({ username: 'echo_bot', firstName: 'Echo' });
  const parsed = parseBotToken(token);
  assert.ok(parsed);
  assert.is(parsed!.botId, user.id);
  assert.match(parsed!.secret, /^[A-Za-z0-9_-]{35}$/);
  assert.is(user.dcId, 2);
  assert.is(user.bot, true);
  assert.is(backend.users.byBotToken(token), user);
  const fixed = backend.addBot({ username: 'FixedBot', token: '123456:ABC-def_1', dcId: 4 });
  assert.is(fixed.user.id, 123456n);
  assert.is(fixed.user.firstName, 'FixedBot');
  assert.throws(() => backend.addBot({ username: 'not_a_b0t' }), /end in "bot"/);
  assert.throws(() => backend.addBot({ username: 'other_bot', token: '123456:x' }), /taken/);
  assert.throws(() => backend.addBot({ username: 'other_bot', token: 'nope' }), /<botId>:<secret>/);
  assert.throws(() => backend.addBot({ username: 'other_bot', dcId: 6 }), /DC/);
  assert.is(parseBotToken('0:abc'), undefined);
  assert.is(parseBotToken('12:'), undefined);
});

test('auth.importBotAuthorization: signs the key in as the bot; getUsers(self) shows a bot', async () => {
  const { backend, connect } = setup();
  const { user, token } = backend.addBot({ username: 'echo_bot' });
  const ctx = await connect(2);
  const req = { _: 'auth.importBotAuthorization', flags: 0, api_id: 4, api_hash: 'h', bot_auth_token: token } as const;
  const res = (await backend.handle(ctx, req)) as auth.Authorization.authorization;
  assert.is(res._, 'auth.authorization');
  const u = asUser(res.user);
  assert.is(u.id, user.id);
  assert.is(u.bot, true);
  assert.is(u.self, true);
  assert.is(u.username, 'echo_bot');
  assert.is(u.phone, undefined);
  schemaValid(req, res);
  assert.is(ctx.userId, user.id);
  const [me] = await backend.handle(ctx, { _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] });
  assert.is(asUser(me).bot, true);
  const full = await backend.handle(ctx, { _: 'users.getFullUser', id: { _: 'inputUserSelf' } });
  assert.is(full.full_user.bot_info?._, 'botInfo');
  schemaValid({ _: 'users.getFullUser', id: { _: 'inputUserSelf' } }, full);
});

test('auth.importBotAuthorization: USER_MIGRATE_X from another DC, ACCESS_TOKEN_INVALID, API_ID_INVALID', async () => {
  const { backend, connect } = setup();
  const { token } = backend.addBot({ username: 'far_bot', dcId: 5 });
  const imp = (dc: Awaited<ReturnType<typeof connect>>, t: string, apiId = 4, apiHash = 'h') =>
    backend.handle(dc, { _: 'auth.importBotAuthorization', flags: 0, api_id: apiId, api_hash: apiHash, bot_auth_token: t });
  for (let dc = 1; dc <= 4; dc++) {
    await rejects(imp(await connect(dc), token), 303, 'USER_MIGRATE_5', 'auth.importBotAuthorization');
  }
  const ctx = await connect(5);
  await rejects(imp(ctx, 'garbage'), 400, 'ACCESS_TOKEN_INVALID');
  await rejects(imp(ctx, `${token}x`), 400, 'ACCESS_TOKEN_INVALID');
  await rejects(imp(ctx, '999:unknownsecret'), 400, 'ACCESS_TOKEN_INVALID');
  await rejects(imp(ctx, token, 0), 400, 'API_ID_INVALID');
  await rejects(imp(ctx, token, 4, ''), 400, 'API_ID_INVALID');
  assert.is((await imp(ctx, token))._, 'auth.authorization');
});

// --- moving a login between DCs -------------------------------------------------------

test('auth.exportAuthorization / importAuthorization: the login moves to another DC once', async () => {
  const { backend, alice, connect } = setup();
  const home = await connect(2, alice.id);
  const exportReq = { _: 'auth.exportAuthorization', dc_id: 4 } as const;
  const exported = await backend.handle(home, exportReq);
  assert.is(exported._, 'auth.exportedAuthorization');
  assert.is(exported.id, alice.id);
  assert.is(exported.bytes.length, 32);
  schemaValid(exportReq, exported);

  const media = await connect(4);
  const importReq = { _: 'auth.importAuthorization', id: exported.id, bytes: exported.bytes } as const;
  const res = (await backend.handle(media, importReq)) as auth.Authorization.authorization;
  assert.is(asUser(res.user).id, alice.id);
  assert.is(media.userId, alice.id);
  schemaValid(importReq, res);

  const again = await connect(4);
  await rejects(backend.handle(again, importReq), 400, 'AUTH_BYTES_INVALID', 'auth.importAuthorization');
});

test('auth.importAuthorization: AUTH_BYTES_INVALID on the wrong DC, with the wrong id or bytes, or too late', async () => {
  const { backend, alice, bob, connect, clock } = setup();
  const home = await connect(2, alice.id);
  const ex = await backend.handle(home, { _: 'auth.exportAuthorization', dc_id: 3 });
  await rejects(backend.handle(await connect(1), { _: 'auth.importAuthorization', id: ex.id, bytes: ex.bytes }), 400, 'AUTH_BYTES_INVALID');
  const on3 = await connect(3);
  await rejects(backend.handle(on3, { _: 'auth.importAuthorization', id: bob.id, bytes: ex.bytes }), 400, 'AUTH_BYTES_INVALID');
  const flipped = ex.bytes.slice();
  flipped[0]! ^= 1;
  await rejects(backend.handle(on3, { _: 'auth.importAuthorization', id: ex.id, bytes: flipped }), 400, 'AUTH_BYTES_INVALID');
  clock.advance(EXPORTED_AUTHORIZATION_TTL + 1);
  await rejects(backend.handle(on3, { _: 'auth.importAuthorization', id: ex.id, bytes: ex.bytes }), 400, 'AUTH_BYTES_INVALID');
});

test('auth.exportAuthorization: DC_ID_INVALID for a DC the backend does not run', async () => {
  const { backend, alice, connect } = setup();
  const ctx = await connect(2, alice.id);
  await rejects(backend.handle(ctx, { _: 'auth.exportAuthorization', dc_id: 6 }), 400, 'DC_ID_INVALID');
  await rejects(backend.handle(ctx, { _: 'auth.exportAuthorization', dc_id: 0 }), 400, 'DC_ID_INVALID');
});

// --- temporary keys -----------------------------------------------------------------------

const bind = (perm: bigint, expiresAt: number) =>
  ({ _: 'auth.bindTempAuthKey', perm_auth_key_id: perm, nonce: 1n, expires_at: expiresAt, encrypted_message: new Uint8Array(8) }) as const;

test('auth.bindTempAuthKey: without a verifier it is not implemented (never accepted unchecked)', async () => {
  const { backend } = setup();
  const temp = backend.connect(2, { authKeyId: 900n });
  await rejects(backend.handle(temp, bind(1n, T0 + 60)), 400, 'METHOD_NOT_IMPLEMENTED_auth.bindTempAuthKey');
});

test('auth.bindTempAuthKey: allowed before initConnection; the temporary key acts as the permanent key until it expires', async () => {
  const seen: bigint[] = [];
  const { backend, alice, clock } = setup(({ tempAuthKeyId, request }) => {
    seen.push(tempAuthKeyId, request.perm_auth_key_id);
  });
  backend.authorize(2, 500n, alice.id);
  const temp = backend.connect(2, { authKeyId: 900n });
  assert.is(await backend.handle(temp, bind(500n, T0 + 60)), true);
  assert.equal(seen, [900n, 500n]);
  assert.is(temp.userId, alice.id);
  const [me] = await backend.handle(temp, wrapWithInitConnection({ _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] }, INIT));
  assert.is(me!.id, alice.id);
  clock.advance(61);
  assert.is(temp.userId, undefined, 'binding expired');
  await rejects(backend.handle(temp, { _: 'updates.getState' }), 401, 'AUTH_KEY_UNREGISTERED');
});

test('auth.bindTempAuthKey: the verifier can refuse; TEMP_AUTH_KEY_ALREADY_BOUND to another key; TEMP_AUTH_KEY_EMPTY', async () => {
  const { backend } = setup(({ request }) => {
    if (request.nonce === 0n) throw new RpcError(400, 'ENCRYPTED_MESSAGE_INVALID');
  });
  const temp = backend.connect(2, { authKeyId: 901n });
  await rejects(backend.handle(temp, { ...bind(500n, T0 + 60), nonce: 0n }), 400, 'ENCRYPTED_MESSAGE_INVALID', 'auth.bindTempAuthKey');
  assert.is(await backend.handle(temp, bind(500n, T0 + 60)), true);
  assert.is(await backend.handle(temp, bind(500n, T0 + 120)), true, 'rebinding to the same key is fine');
  await rejects(backend.handle(temp, bind(501n, T0 + 60)), 400, 'TEMP_AUTH_KEY_ALREADY_BOUND');
  await rejects(backend.handle(temp, bind(901n, T0 + 60)), 400, 'TEMP_AUTH_KEY_EMPTY');
});

test.run();
