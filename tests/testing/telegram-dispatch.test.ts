/**
 * The DC handler of the in-memory Telegram: invoke wrappers
 * (https://core.telegram.org/api/invoking), connection initialization,
 * unimplemented methods, login checks, fault injection, encoded requests and
 * update delivery.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LAYER, wrapWithInitConnection, type InitConnectionFields } from '../../ts/mtproto/session/init-connection.js';
import {
  IMPLEMENTED_METHODS,
  manualClock,
  seededRandom,
  TelegramBackend,
  unwrap,
  type RequestContext,
} from '../../ts/testing/telegram/index.js';
import { decode, decodeResult, encode } from '../../ts/tl/codec/index.js';
import type { AnyRequest, Updates, users } from '../../ts/tl/generated/types.js';
import { rejects } from './_rpc.js';
import { ArgumentError } from '../../ts/errors.js';

const INIT: InitConnectionFields = {
  api_id: 777,
  device_model: 'uvu',
  system_version: 'node',
  app_version: '0.1.0',
  system_lang_code: 'en',
  lang_pack: 'tdesktop',
  lang_code: 'en',
};
const GET_STATE = { _: 'updates.getState' } as const;
const GET_SELF: users.getUsers = { _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] };

function setup(options: { requireInitConnection?: boolean } = {}) {
  const clock = manualClock(1_700_000_000);
  const backend = new TelegramBackend({ now: clock, random: seededRandom(11), ...options });
  const alice = backend.addUser({ phone: '9996621111', firstName: 'Alice' });
  return { clock, backend, alice };
}

/** A connection on DC 2 whose key sent initConnection, signed in as `userId` when given. */
async function ready(backend: TelegramBackend, authKeyId: bigint, userId?: bigint, onUpdates?: (u: Updates) => void) {
  const ctx = backend.connect(2, { authKeyId, onUpdates });
  await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT));
  if (userId !== undefined) backend.authorize(2, authKeyId, userId);
  return ctx;
}

// --- wrappers -------------------------------------------------------------------

test('invokeWithLayer(initConnection(query)) runs the query and records layer and app info on the key', async () => {
  const { backend } = setup();
  const ctx = backend.connect(2, { authKeyId: 5n });
  assert.is(ctx.layer, undefined);
  assert.is(ctx.init, undefined);
  const res = await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT, 201));
  assert.is(res._, 'nearestDc');
  assert.is(ctx.layer, 201);
  assert.equal(ctx.init, INIT);
  // Another connection with the same key sees the same info.
  assert.is(backend.connect(2, { authKeyId: 5n }).layer, 201);
  await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getNearestDc' }, { ...INIT, app_version: '2.0' }));
  assert.is(ctx.layer, LAYER);
  assert.is(ctx.init?.app_version, '2.0');
});

test('wrappers nest in any order: invokeAfterMsg(s), invokeWithoutUpdates, initConnection without invokeWithLayer', async () => {
  const { backend } = setup();
  const ctx = backend.connect(2, { authKeyId: 6n });
  const q: AnyRequest = {
    _: 'invokeAfterMsgs',
    msg_ids: [1n, 2n],
    query: {
      _: 'invokeWithoutUpdates',
      query: { _: 'initConnection', ...INIT, query: { _: 'invokeAfterMsg', msg_id: 3n, query: { _: 'help.getNearestDc' } } },
    },
  };
  const res = await backend.handle(ctx, q);
  assert.equal(res, { _: 'nearestDc', country: 'XX', this_dc: 2, nearest_dc: 2 });
  assert.is(ctx.layer, undefined);
  assert.is(ctx.init?.api_id, 777);
  const u = unwrap(q);
  assert.equal(u.afterMsgIds, [1n, 2n, 3n]);
  assert.is(u.withoutUpdates, true);
  assert.is(u.query._, 'help.getNearestDc');
});

test('unwrap: official-app proof wrappers are removed; takeout, message range and business connection are not implemented', async () => {
  assert.is(
    unwrap({
      _: 'invokeWithReCaptcha',
      token: 't',
      query: { _: 'invokeWithApnsSecret', nonce: 'n', secret: 's', query: { _: 'help.getConfig' } },
    }).query._,
    'help.getConfig',
  );
  const { backend } = setup();
  const ctx = await ready(backend, 7n);
  await rejects(
    backend.handle(ctx, { _: 'invokeWithTakeout', takeout_id: 1n, query: { _: 'help.getConfig' } }),
    400,
    'METHOD_NOT_IMPLEMENTED_invokeWithTakeout',
    'invokeWithTakeout',
  );
  await rejects(
    backend.handle(ctx, { _: 'invokeWithBusinessConnection', connection_id: 'c', query: { _: 'help.getConfig' } }),
    400,
    'METHOD_NOT_IMPLEMENTED_invokeWithBusinessConnection',
  );
});

test('CONNECTION_LAYER_INVALID for a layer < 1; API_ID_INVALID for initConnection without api_id', async () => {
  const { backend } = setup();
  const ctx = backend.connect(2, { authKeyId: 8n });
  await rejects(
    backend.handle(ctx, wrapWithInitConnection({ _: 'help.getConfig' }, INIT, 0)),
    400,
    'CONNECTION_LAYER_INVALID',
    'invokeWithLayer',
  );
  await rejects(backend.handle(ctx, wrapWithInitConnection({ _: 'help.getConfig' }, { ...INIT, api_id: 0 })), 400, 'API_ID_INVALID');
});

test('CONNECTION_NOT_INITED: a key that never sent initConnection; fine after it did', async () => {
  const { backend } = setup();
  const ctx = backend.connect(2, { authKeyId: 9n });
  await rejects(backend.handle(ctx, { _: 'help.getConfig' }), 400, 'CONNECTION_NOT_INITED', 'help.getConfig');
  await rejects(backend.handle(ctx, { _: 'invokeWithLayer', layer: LAYER, query: { _: 'help.getConfig' } }), 400, 'CONNECTION_NOT_INITED');
  await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getConfig' }, INIT));
  assert.is((await backend.handle(ctx, { _: 'help.getConfig' }))._, 'config');
});

test('requireInitConnection: false lets bare requests through', async () => {
  const { backend } = setup({ requireInitConnection: false });
  const ctx = backend.connect(2, { authKeyId: 9n });
  assert.is((await backend.handle(ctx, { _: 'help.getConfig' }))._, 'config');
});

// --- unimplemented and login-only methods ------------------------------------------

test('METHOD_NOT_IMPLEMENTED_<name> (400) for every method without an implementation, never a silent answer', async () => {
  const { backend, alice } = setup();
  const ctx = await ready(backend, 10n, alice.id);
  const e = await rejects(
    backend.handle(ctx, wrapWithInitConnection({ _: 'messages.getDialogFilters' }, INIT)),
    400,
    'METHOD_NOT_IMPLEMENTED_messages.getDialogFilters',
    'messages.getDialogFilters',
  );
  assert.match(e.message, /messages\.getDialogFilters/);
  // Protocol-level requests do not belong here either.
  await rejects(backend.handle(ctx, { _: 'ping', ping_id: 1n }), 400, 'METHOD_NOT_IMPLEMENTED_ping');
  assert.ok(IMPLEMENTED_METHODS.includes('auth.sendCode'));
  assert.ok(!IMPLEMENTED_METHODS.includes('messages.getDialogFilters'));
});

test('401 AUTH_KEY_UNREGISTERED before sign-in for users.getUsers, users.getFullUser, updates.getState, auth.exportAuthorization', async () => {
  const { backend } = setup();
  const ctx = await ready(backend, 11n);
  await rejects(backend.handle(ctx, GET_SELF), 401, 'AUTH_KEY_UNREGISTERED', 'users.getUsers');
  await rejects(backend.handle(ctx, { _: 'users.getFullUser', id: { _: 'inputUserSelf' } }), 401, 'AUTH_KEY_UNREGISTERED');
  await rejects(backend.handle(ctx, GET_STATE), 401, 'AUTH_KEY_UNREGISTERED', 'updates.getState');
  await rejects(backend.handle(ctx, { _: 'auth.exportAuthorization', dc_id: 1 }), 401, 'AUTH_KEY_UNREGISTERED');
  // The same check through the wrappers of a first request.
  await rejects(backend.handle(ctx, wrapWithInitConnection(GET_STATE, INIT)), 401, 'AUTH_KEY_UNREGISTERED', 'updates.getState');
});

// --- faults ---------------------------------------------------------------------

test('faults.floodWait: the next N calls get 420 FLOOD_WAIT_X, then the method works', async () => {
  const { backend } = setup();
  const ctx = await ready(backend, 12n);
  backend.faults.floodWait('help.getConfig', 7, 2);
  assert.is(backend.faults.pending, 2);
  const e = await rejects(backend.handle(ctx, { _: 'help.getConfig' }), 420, 'FLOOD_WAIT_7', 'help.getConfig');
  assert.is(e.waitSeconds, 7);
  // Matched on the inner method, through the wrappers.
  await rejects(backend.handle(ctx, wrapWithInitConnection({ _: 'help.getConfig' }, INIT)), 420, 'FLOOD_WAIT_7');
  assert.is(backend.faults.pending, 0);
  assert.is((await backend.handle(ctx, { _: 'help.getConfig' }))._, 'config');
  // Other methods were never affected.
  backend.faults.floodWait('auth.sendCode', 1);
  assert.is((await backend.handle(ctx, { _: 'help.getNearestDc' }))._, 'nearestDc');
  assert.is(backend.faults.pending, 1);
});

test('faults.failNext: any code and text, "*" matches every method, faults fire in order, clear() drops them', async () => {
  const { backend } = setup();
  const ctx = await ready(backend, 13n);
  backend.faults.failNext('*', 500, 'INTERNAL_SERVER_ERROR').failNext('help.getNearestDc', 303, 'NETWORK_MIGRATE_3');
  await rejects(backend.handle(ctx, { _: 'help.getNearestDc' }), 500, 'INTERNAL_SERVER_ERROR', 'help.getNearestDc');
  const e = await rejects(backend.handle(ctx, { _: 'help.getNearestDc' }), 303, 'NETWORK_MIGRATE_3');
  assert.is(e.value, 3);
  assert.is((await backend.handle(ctx, { _: 'help.getNearestDc' }))._, 'nearestDc');
  backend.faults.failNext('*', 400, 'X', Infinity);
  assert.is(backend.faults.pending, Infinity);
  await rejects(backend.handle(ctx, { _: 'help.getConfig' }), 400, 'X');
  await rejects(backend.handle(ctx, { _: 'messages.getDialogFilters' }), 400, 'X', 'messages.getDialogFilters');
  backend.faults.clear();
  assert.is((await backend.handle(ctx, { _: 'help.getConfig' }))._, 'config');
});

test('faults: bad arguments are refused at set-up', () => {
  const { backend } = setup();
  assert.throws(
    () => backend.faults.floodWait('help.getConfig', -1),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => backend.faults.floodWait('help.getConfig', 1.5),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => backend.faults.floodWait('help.getConfig', 1, 0),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => backend.faults.failNext('', 400, 'X'),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => backend.faults.failNext('x', 400, ''),
    (e: unknown) => e instanceof ArgumentError,
  );
});

// --- internal errors and misuse -----------------------------------------------------

test('a handler failing with something else than an RpcError becomes 500 INTERNAL_SERVER_ERROR with the cause', async () => {
  const { backend } = setup();
  const boom = new Error('boom');
  backend.verifyTempKeyBinding = () => {
    throw boom;
  };
  const ctx = backend.connect(2, { authKeyId: 14n });
  const req = { _: 'auth.bindTempAuthKey', perm_auth_key_id: 1n, nonce: 2n, expires_at: 3, encrypted_message: new Uint8Array(4) } as const;
  const e = await rejects(backend.handle(ctx, req), 500, 'INTERNAL_SERVER_ERROR', 'auth.bindTempAuthKey');
  assert.is((e as Error & { cause?: unknown }).cause, boom);
});

test('a context from another backend or for another DC is an ArgumentError (glue bug), not an RpcError', async () => {
  const { backend } = setup();
  const other = new TelegramBackend({ random: seededRandom(1) });
  const foreign = other.connect(2, { authKeyId: 1n });
  try {
    await backend.dc(2).handle(foreign, { _: 'help.getConfig' });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ArgumentError);
  }
  const ctx = backend.connect(1, { authKeyId: 1n });
  try {
    await backend.dc(2).handle(ctx, { _: 'help.getConfig' });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ArgumentError);
    assert.match((e as Error).message, /DC 1, not DC 2/);
  }
  const fake = {
    dcId: 2,
    authKeyId: 1n,
    userId: undefined,
    layer: undefined,
    init: undefined,
    subscribed: false,
    close() {},
  } as RequestContext;
  try {
    await backend.dc(2).handle(fake, { _: 'help.getConfig' });
    assert.unreachable();
  } catch (e) {
    assert.instance(e, ArgumentError);
  }
});

// --- handleBytes --------------------------------------------------------------------

test('handleBytes: decodes the request, encodes the result by the result type (object, Vector<User>, Bool)', async () => {
  const { backend, alice } = setup();
  const ctx = await ready(backend, 15n, alice.id);
  const dc = backend.dc(2);

  const configReq = wrapWithInitConnection({ _: 'help.getConfig' }, INIT);
  const r1 = await dc.handleBytes(ctx, encode(configReq));
  assert.is(r1.error, undefined);
  assert.is(r1.request?._, 'invokeWithLayer');
  assert.is((decodeResult(configReq, r1.bytes) as { this_dc: number }).this_dc, 2);

  const r2 = await dc.handleBytes(ctx, encode(GET_SELF));
  const users = decodeResult(GET_SELF, r2.bytes);
  assert.is(users.length, 1);
  assert.is(users[0]!._ === 'user' && users[0]!.id, alice.id);

  const sent = await backend.handle(ctx, {
    _: 'auth.sendCode',
    phone_number: '9996621111',
    api_id: 1,
    api_hash: 'h',
    settings: { _: 'codeSettings' },
  });
  const cancel = {
    _: 'auth.cancelCode',
    phone_number: '9996621111',
    phone_code_hash: (sent as { phone_code_hash: string }).phone_code_hash,
  } as const;
  const r3 = await dc.handleBytes(ctx, encode(cancel));
  assert.is(decodeResult(cancel, r3.bytes), true);
});

test('handleBytes: errors come back as an encoded rpc_error; undecodable bytes are 400 INPUT_FETCH_ERROR', async () => {
  const { backend } = setup();
  const ctx = await ready(backend, 16n);
  const dc = backend.dc(2);
  const r = await dc.handleBytes(ctx, encode(GET_STATE));
  assert.is(r.error?.text, 'AUTH_KEY_UNREGISTERED');
  assert.equal(decode(r.bytes), { _: 'rpc_error', error_code: 401, error_message: 'AUTH_KEY_UNREGISTERED' });

  const junk = await dc.handleBytes(ctx, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8));
  assert.is(junk.request, undefined);
  assert.is(junk.error?.code, 400);
  assert.equal(decode(junk.bytes), { _: 'rpc_error', error_code: 400, error_message: 'INPUT_FETCH_ERROR' });
  const empty = await dc.handleBytes(ctx, new Uint8Array(0));
  assert.is(empty.error?.text, 'INPUT_FETCH_ERROR');
});

// --- updates --------------------------------------------------------------------------

const SHORT: Updates = { _: 'updateShort', update: { _: 'updateUserStatus', user_id: 1n, status: { _: 'userStatusRecently' } }, date: 1 };

test('updates: pushed to signed-in connections that made a request without invokeWithoutUpdates', async () => {
  const { backend, alice } = setup();
  const got: string[] = [];
  const a = await ready(backend, 20n, alice.id, () => got.push('a'));
  const quiet = backend.connect(2, { authKeyId: 21n, onUpdates: () => got.push('quiet') });
  await backend.handle(quiet, { _: 'invokeWithoutUpdates', query: wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT) });
  backend.authorize(2, 21n, alice.id);
  const idle = backend.connect(2, { authKeyId: 20n, onUpdates: () => got.push('idle') }); // no request yet
  const bob = backend.addUser({ phone: '9996622222', firstName: 'Bob' });
  await ready(backend, 22n, bob.id, () => got.push('bob'));
  assert.is(a.subscribed, true);
  assert.is(quiet.subscribed, false);
  assert.is(idle.subscribed, false);

  assert.is(backend.publish(alice.id, SHORT), 1);
  assert.equal(got, ['a']);

  a.close();
  assert.is(backend.publish(alice.id, SHORT), 0);
  assert.is(backend.publish(bob.id, SHORT), 1);
  assert.equal(got, ['a', 'bob']);
});

test('updates: a connection signed out stops receiving; one without a sink is never attached', async () => {
  const { backend, alice } = setup();
  const got: Updates[] = [];
  const ctx = await ready(backend, 23n, alice.id, (u) => got.push(u));
  const size = backend.updates.size;
  await ready(backend, 24n, alice.id);
  assert.is(backend.updates.size, size, 'no onUpdates: nothing to attach');
  await backend.handle(ctx, { _: 'auth.logOut' });
  assert.is(backend.publish(alice.id, SHORT), 0);
  assert.equal(got, []);
});

test.run();
