/**
 * Phone login on the in-memory Telegram, following Telegram's test-DC
 * conventions (https://core.telegram.org/api/auth#test-accounts): numbers
 * 99966XYYYY live on DC X, the code is X five times.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { wrapWithInitConnection, type InitConnectionFields } from '../../ts/mtproto/session/init-connection.js';
import {
  loginCode,
  manualClock,
  normalizePhone,
  parseTestPhone,
  seededRandom,
  TelegramBackend,
  testPhone,
  type RequestContext,
} from '../../ts/testing/telegram/index.js';
import type { AnyRequest, auth } from '../../ts/tl/generated/types.js';
import { rejects } from './_rpc.js';
import { ArgumentError } from '../../ts/errors.js';

const INIT: InitConnectionFields = {
  api_id: 12345,
  device_model: 'uvu',
  system_version: 'node',
  app_version: '0.1.0',
  system_lang_code: 'en',
  lang_pack: '',
  lang_code: 'en',
};
const API = { api_id: 12345, api_hash: '0123456789abcdef0123456789abcdef' };
const SETTINGS = { _: 'codeSettings' } as const;

function setup(dcCount = 5) {
  const clock = manualClock(1_700_000_000);
  const backend = new TelegramBackend({ now: clock, random: seededRandom(7), dcCount });
  let nextKey = 1n;
  /** A connection on `dc` with a fresh auth key that already sent initConnection. */
  const connect = async (dc: number) => {
    const ctx = backend.connect(dc, { authKeyId: nextKey++ });
    await backend.handle(ctx, wrapWithInitConnection({ _: 'help.getNearestDc' }, INIT));
    return ctx;
  };
  return { clock, backend, connect };
}

const sendCode = (backend: TelegramBackend, ctx: RequestContext, phone: string) =>
  backend.handle(ctx, { _: 'auth.sendCode', phone_number: phone, ...API, settings: SETTINGS }) as Promise<auth.SentCode.sentCode>;

const call = <R extends AnyRequest>(backend: TelegramBackend, ctx: RequestContext, r: R) => backend.handle(ctx, r);

// --- test phone numbers -----------------------------------------------------

test('test phone: 99966XYYYY lives on DC X, code is X five times', () => {
  for (let x = 1; x <= 5; x++) {
    const p = parseTestPhone(`99966${x}1234`);
    assert.equal(p, { phone: `99966${x}1234`, dcId: x, code: String(x).repeat(5) });
    assert.is(loginCode(x), `${x}${x}${x}${x}${x}`);
  }
});

test('test phone: formatting characters are ignored', () => {
  assert.is(normalizePhone('+999 66-2 (1234)'), '9996621234');
  assert.is(parseTestPhone('+99966 2 1234')?.dcId, 2);
});

test('test phone: other numbers, DC 0 and DCs beyond the count are not test numbers', () => {
  assert.is(parseTestPhone('79991234567'), undefined);
  assert.is(parseTestPhone('9996601234'), undefined);
  assert.is(parseTestPhone('99966212345'), undefined);
  assert.is(parseTestPhone('999662123'), undefined);
  assert.is(parseTestPhone('9996661234'), undefined, 'DC 6 with the default 5 DCs');
  assert.is(parseTestPhone('9996631234', 2), undefined, 'DC 3 with 2 DCs');
});

test('test phone: testPhone builds numbers and checks its arguments', () => {
  assert.is(testPhone(3, 42), '9996630042');
  assert.throws(
    () => testPhone(0, 1),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => testPhone(2, 10000),
    (e: unknown) => e instanceof ArgumentError,
  );
});

// --- auth.sendCode ------------------------------------------------------------

test('auth.sendCode: sentCode with a hash and an in-app code of length 5', async () => {
  const { backend, connect } = setup();
  const ctx = await connect(2);
  const sent = await sendCode(backend, ctx, '+9996621234');
  assert.is(sent._, 'auth.sentCode');
  assert.equal(sent.type, { _: 'auth.sentCodeTypeApp', length: 5 });
  assert.match(sent.phone_code_hash, /^[0-9a-f]{18}$/);
  const again = await sendCode(backend, ctx, '9996621234');
  assert.is.not(again.phone_code_hash, sent.phone_code_hash, 'every code gets its own hash');
});

test('auth.sendCode: PHONE_MIGRATE_X (303) from every other DC, for every DC X', async () => {
  const { backend, connect } = setup();
  for (let home = 1; home <= 5; home++) {
    for (let dc = 1; dc <= 5; dc++) {
      const ctx = await connect(dc);
      const phone = testPhone(home, 1000 + dc);
      if (dc === home) {
        assert.is((await sendCode(backend, ctx, phone))._, 'auth.sentCode');
      } else {
        const e = await rejects(sendCode(backend, ctx, phone), 303, `PHONE_MIGRATE_${home}`, 'auth.sendCode');
        assert.is(e.value, home);
      }
    }
  }
});

test('auth.sendCode: API_ID_INVALID without api_id or api_hash', async () => {
  const { backend, connect } = setup();
  const ctx = await connect(2);
  const base = { _: 'auth.sendCode', phone_number: '9996621234', settings: SETTINGS } as const;
  await rejects(call(backend, ctx, { ...base, api_id: 0, api_hash: API.api_hash }), 400, 'API_ID_INVALID');
  await rejects(call(backend, ctx, { ...base, api_id: 1, api_hash: '' }), 400, 'API_ID_INVALID');
});

test('auth.sendCode: PHONE_NUMBER_INVALID (406) for a number that is not a test number', async () => {
  const { backend, connect } = setup();
  const ctx = await connect(2);
  await rejects(sendCode(backend, ctx, '79991234567'), 406, 'PHONE_NUMBER_INVALID');
  await rejects(sendCode(backend, ctx, ''), 406, 'PHONE_NUMBER_INVALID');
  await rejects(sendCode(backend, ctx, '9996671234'), 406, 'PHONE_NUMBER_INVALID');
});

test('auth.sendCode: with 3 DCs a DC-4 number is invalid, not a migration', async () => {
  const { backend, connect } = setup(3);
  await rejects(sendCode(backend, await connect(1), '9996641234'), 406, 'PHONE_NUMBER_INVALID');
});

// --- auth.signIn / auth.signUp --------------------------------------------------

test('auth.signIn: a registered user signs in with X five times; the key is bound to the user', async () => {
  const { backend, connect } = setup();
  const alice = backend.addUser({ phone: '9996631111', firstName: 'Alice', lastName: 'Liddell' });
  const ctx = await connect(3);
  assert.is(ctx.userId, undefined);
  const { phone_code_hash } = await sendCode(backend, ctx, '9996631111');
  const res = await call(backend, ctx, { _: 'auth.signIn', phone_number: '9996631111', phone_code_hash, phone_code: '33333' });
  assert.is(res._, 'auth.authorization');
  const user = (res as auth.Authorization.authorization).user;
  assert.is(user._, 'user');
  if (user._ !== 'user') return;
  assert.is(user.id, alice.id);
  assert.is(user.self, true);
  assert.is(user.first_name, 'Alice');
  assert.is(user.last_name, 'Liddell');
  assert.is(user.phone, '9996631111');
  assert.is(user.access_hash, alice.accessHash);
  assert.is(ctx.userId, alice.id);
});

test('auth.signIn: PHONE_CODE_INVALID for a wrong code, and the right code still works after', async () => {
  const { backend, connect } = setup();
  backend.addUser({ phone: '9996621111', firstName: 'Bob' });
  const ctx = await connect(2);
  const { phone_code_hash } = await sendCode(backend, ctx, '9996621111');
  const signIn = (code: string) => call(backend, ctx, { _: 'auth.signIn', phone_number: '9996621111', phone_code_hash, phone_code: code });
  await rejects(signIn('11111'), 400, 'PHONE_CODE_INVALID', 'auth.signIn');
  await rejects(signIn('2222'), 400, 'PHONE_CODE_INVALID');
  assert.is((await signIn('22222'))._, 'auth.authorization');
});

test('auth.signIn: PHONE_CODE_EMPTY and PHONE_CODE_HASH_EMPTY', async () => {
  const { backend, connect } = setup();
  const ctx = await connect(2);
  const { phone_code_hash } = await sendCode(backend, ctx, '9996621111');
  await rejects(call(backend, ctx, { _: 'auth.signIn', phone_number: '9996621111', phone_code_hash }), 400, 'PHONE_CODE_EMPTY');
  await rejects(
    call(backend, ctx, { _: 'auth.signIn', phone_number: '9996621111', phone_code_hash, phone_code: '' }),
    400,
    'PHONE_CODE_EMPTY',
  );
  await rejects(
    call(backend, ctx, { _: 'auth.signIn', phone_number: '9996621111', phone_code_hash: '', phone_code: '22222' }),
    400,
    'PHONE_CODE_HASH_EMPTY',
  );
});

test('auth.signIn: email verification instead of a code is reported as not implemented', async () => {
  const { backend, connect } = setup();
  const ctx = await connect(2);
  const { phone_code_hash } = await sendCode(backend, ctx, '9996621111');
  await rejects(
    call(backend, ctx, {
      _: 'auth.signIn',
      phone_number: '9996621111',
      phone_code_hash,
      email_verification: { _: 'emailVerificationCode', code: '123' },
    }),
    400,
    'METHOD_NOT_IMPLEMENTED_auth.signIn.email_verification',
    'auth.signIn',
  );
});

test('auth.signIn: PHONE_CODE_EXPIRED for an unknown hash, a hash of another number, an expired or a used code', async () => {
  const { backend, connect, clock } = setup();
  backend.addUser({ phone: '9996621111', firstName: 'Bob' });
  const ctx = await connect(2);
  const signIn = (phone: string, hash: string) =>
    call(backend, ctx, { _: 'auth.signIn', phone_number: phone, phone_code_hash: hash, phone_code: '22222' });
  await rejects(signIn('9996621111', 'feedfacefeedfacefe'), 400, 'PHONE_CODE_EXPIRED');

  const other = await sendCode(backend, ctx, '9996622222');
  await rejects(signIn('9996621111', other.phone_code_hash), 400, 'PHONE_CODE_EXPIRED');

  const old = await sendCode(backend, ctx, '9996621111');
  clock.advance(301);
  await rejects(signIn('9996621111', old.phone_code_hash), 400, 'PHONE_CODE_EXPIRED');

  const fresh = await sendCode(backend, ctx, '9996621111');
  clock.advance(300);
  assert.is((await signIn('9996621111', fresh.phone_code_hash))._, 'auth.authorization', 'valid for exactly 300 s');
  await rejects(signIn('9996621111', fresh.phone_code_hash), 400, 'PHONE_CODE_EXPIRED');
});

test('auth.signIn: PHONE_MIGRATE_X from the wrong DC, PHONE_NUMBER_INVALID for a non-test number', async () => {
  const { backend, connect } = setup();
  const ctx = await connect(1);
  await rejects(
    call(backend, ctx, { _: 'auth.signIn', phone_number: '9996641111', phone_code_hash: 'x', phone_code: '44444' }),
    303,
    'PHONE_MIGRATE_4',
  );
  await rejects(
    call(backend, ctx, { _: 'auth.signIn', phone_number: '123', phone_code_hash: 'x', phone_code: '44444' }),
    406,
    'PHONE_NUMBER_INVALID',
  );
});

test('auth.signIn: a number without an account gets authorizationSignUpRequired; signUp creates the user', async () => {
  const { backend, connect } = setup();
  const ctx = await connect(4);
  const { phone_code_hash } = await sendCode(backend, ctx, '9996645678');
  const res = await call(backend, ctx, { _: 'auth.signIn', phone_number: '9996645678', phone_code_hash, phone_code: '44444' });
  assert.equal(res, { _: 'auth.authorizationSignUpRequired' });
  assert.is(ctx.userId, undefined, 'not signed in yet');

  const up = await call(backend, ctx, {
    _: 'auth.signUp',
    phone_number: '9996645678',
    phone_code_hash,
    first_name: ' Carol ',
    last_name: 'Danvers',
  });
  assert.is(up._, 'auth.authorization');
  const created = backend.users.byPhone('9996645678')!;
  assert.ok(created);
  assert.is(created.firstName, 'Carol');
  assert.is(created.lastName, 'Danvers');
  assert.is(created.dcId, 4);
  assert.is(ctx.userId, created.id);
  const user = (up as auth.Authorization.authorization).user;
  assert.is(user._ === 'user' && user.self, true);
  // The code is used up.
  await rejects(
    call(backend, ctx, { _: 'auth.signUp', phone_number: '9996645678', phone_code_hash, first_name: 'X', last_name: '' }),
    400,
    'PHONE_CODE_EXPIRED',
  );
});

test('auth.signUp: PHONE_CODE_INVALID before signIn checked the code', async () => {
  const { backend, connect } = setup();
  const ctx = await connect(2);
  const { phone_code_hash } = await sendCode(backend, ctx, '9996620001');
  await rejects(
    call(backend, ctx, { _: 'auth.signUp', phone_number: '9996620001', phone_code_hash, first_name: 'Dan', last_name: '' }),
    400,
    'PHONE_CODE_INVALID',
  );
});

test('auth.signUp: FIRSTNAME_INVALID, LASTNAME_INVALID, PHONE_NUMBER_OCCUPIED, PHONE_CODE_HASH_EMPTY, PHONE_MIGRATE', async () => {
  const { backend, connect } = setup();
  const ctx = await connect(2);
  const { phone_code_hash } = await sendCode(backend, ctx, '9996620002');
  await call(backend, ctx, { _: 'auth.signIn', phone_number: '9996620002', phone_code_hash, phone_code: '22222' });
  const signUp = (first: string, last: string, hash = phone_code_hash, phone = '9996620002') =>
    call(backend, ctx, { _: 'auth.signUp', phone_number: phone, phone_code_hash: hash, first_name: first, last_name: last });
  await rejects(signUp('   ', ''), 400, 'FIRSTNAME_INVALID');
  await rejects(signUp('x'.repeat(65), ''), 400, 'FIRSTNAME_INVALID');
  await rejects(signUp('Eve', 'y'.repeat(65)), 400, 'LASTNAME_INVALID');
  await rejects(signUp('Eve', '', ''), 400, 'PHONE_CODE_HASH_EMPTY');
  await rejects(signUp('Eve', '', phone_code_hash, '9996630002'), 303, 'PHONE_MIGRATE_3');
  // Someone registers the number in the meantime.
  backend.addUser({ phone: '9996620002', firstName: 'Mallory' });
  await rejects(signUp('Eve', ''), 400, 'PHONE_NUMBER_OCCUPIED');
});

// --- auth.resendCode / auth.cancelCode -------------------------------------------

test('auth.resendCode: same hash, new lifetime; auth.cancelCode: the code stops working', async () => {
  const { backend, connect, clock } = setup();
  backend.addUser({ phone: '9996621111', firstName: 'Bob' });
  const ctx = await connect(2);
  const { phone_code_hash } = await sendCode(backend, ctx, '9996621111');
  clock.advance(200);
  const re = (await call(backend, ctx, { _: 'auth.resendCode', phone_number: '9996621111', phone_code_hash })) as auth.SentCode.sentCode;
  assert.is(re.phone_code_hash, phone_code_hash);
  assert.equal(re.type, { _: 'auth.sentCodeTypeApp', length: 5 });
  clock.advance(200); // 400 s after sending, 200 s after resending
  const again = await sendCode(backend, ctx, '9996621111');
  assert.is(await call(backend, ctx, { _: 'auth.cancelCode', phone_number: '9996621111', phone_code_hash: again.phone_code_hash }), true);
  await rejects(
    call(backend, ctx, { _: 'auth.signIn', phone_number: '9996621111', phone_code_hash: again.phone_code_hash, phone_code: '22222' }),
    400,
    'PHONE_CODE_EXPIRED',
  );
  const ok = await call(backend, ctx, { _: 'auth.signIn', phone_number: '9996621111', phone_code_hash, phone_code: '22222' });
  assert.is(ok._, 'auth.authorization');
  await rejects(
    call(backend, ctx, { _: 'auth.cancelCode', phone_number: '9996621111', phone_code_hash: '' }),
    400,
    'PHONE_CODE_HASH_EMPTY',
  );
  await rejects(
    call(backend, ctx, { _: 'auth.resendCode', phone_number: '9996621111', phone_code_hash: 'nope' }),
    400,
    'PHONE_CODE_EXPIRED',
  );
});

// --- auth.logOut --------------------------------------------------------------

test('auth.logOut: unbinds the key; then calls that need a login get 401 AUTH_KEY_UNREGISTERED', async () => {
  const { backend, connect } = setup();
  const bob = backend.addUser({ phone: '9996621111', firstName: 'Bob' });
  const ctx = await connect(2);
  backend.authorize(2, ctx.authKeyId, bob.id);
  assert.is(ctx.userId, bob.id);
  assert.equal(await call(backend, ctx, { _: 'auth.logOut' }), { _: 'auth.loggedOut' });
  assert.is(ctx.userId, undefined);
  await rejects(call(backend, ctx, { _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] }), 401, 'AUTH_KEY_UNREGISTERED');
  await rejects(call(backend, ctx, { _: 'auth.logOut' }), 401, 'AUTH_KEY_UNREGISTERED');
});

test('a login is per auth key: another key on the same DC is not signed in', async () => {
  const { backend, connect } = setup();
  const bob = backend.addUser({ phone: '9996621111', firstName: 'Bob' });
  const a = await connect(2);
  const b = await connect(2);
  backend.authorize(2, a.authKeyId, bob.id);
  assert.is(a.userId, bob.id);
  assert.is(b.userId, undefined);
  // A second connection with the same key shares the login.
  const a2 = backend.connect(2, { authKeyId: a.authKeyId });
  assert.is(a2.userId, bob.id);
});

// --- set-up helpers -------------------------------------------------------------

test('addUser: ids in order, access hashes from the injected randomness, checks its input', () => {
  const mk = () => new TelegramBackend({ now: () => 1, random: seededRandom(1) });
  const b1 = mk();
  const u1 = b1.addUser({ phone: '9996611111', firstName: 'A' });
  const u2 = b1.addUser({ phone: '9996611112', firstName: 'B', username: 'bee_user' });
  assert.is(u2.id, u1.id + 1n);
  assert.is(u1.dcId, 1);
  assert.is(b1.users.byUsername('BEE_USER'), u2);
  const b2 = mk();
  assert.is(b2.addUser({ phone: '9996611111', firstName: 'A' }).accessHash, u1.accessHash, 'same seed, same hash');
  assert.throws(() => b1.addUser({ phone: '9996611111', firstName: 'again' }), /already registered/);
  assert.throws(() => b1.addUser({ phone: '12345', firstName: 'x' }), /not a test phone/);
  assert.throws(() => b1.addUser({ phone: '9996611113', firstName: '' }), /firstName/);
  assert.throws(() => b1.addUser({ phone: '9996611113', firstName: 'x', username: 'bee_USER' }), /taken/);
  assert.throws(() => b1.addUser({ phone: '9996611113', firstName: 'x', username: '1abc' }), /username/);
  assert.is(b1.loginCode('+99966 5 0000'), '55555');
  assert.throws(
    () => b1.loginCode('555'),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test.run();
