/**
 * Contact lists and phone-number privacy in the in-memory Telegram
 * (https://core.telegram.org/api/contacts, https://core.telegram.org/api/privacy),
 * driven through scripted accounts: import by phone, add / get / delete,
 * `contact` and `mutual_contact` seen from both sides, and the phone number
 * shown by the `inputPrivacyKeyPhoneNumber` rules.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ScriptedWorld, type ScriptedUser } from '../../../ts/testing/scripted/index.js';
import { manualClock, seededRandom, TelegramBackend } from '../../../ts/testing/telegram/index.js';
import type { InputPrivacyRule, User, Updates } from '../../../ts/tl/generated/types.js';
import { rejects } from '../_rpc.js';

function setup() {
  const backend = new TelegramBackend({ now: manualClock(1_700_000_000), random: seededRandom(21) });
  const world = new ScriptedWorld(backend);
  const alice = world.user({ firstName: 'Alice' });
  const bob = world.user({ firstName: 'Bob' });
  const carol = world.user({ firstName: 'Carol' });
  return { backend, world, alice, bob, carol };
}

/** The `user` object `viewer` receives for `target`. */
async function seen(viewer: ScriptedUser, target: ScriptedUser): Promise<User.user> {
  const [u] = await viewer.invoke({ _: 'users.getUsers', id: [viewer.inputUser(target)] });
  assert.is(u?._, 'user');
  return u as User.user;
}

const phoneOf = (u: ScriptedUser) => u.user.phone as string;

async function add(owner: ScriptedUser, target: ScriptedUser, firstName: string, extra: { exception?: boolean } = {}): Promise<Updates> {
  return owner.invoke({
    _: 'contacts.addContact',
    id: owner.inputUser(target),
    first_name: firstName,
    last_name: '',
    phone: '',
    ...(extra.exception && { add_phone_privacy_exception: true }),
  });
}

async function setPhonePrivacy(u: ScriptedUser, rules: InputPrivacyRule[]) {
  return u.invoke({ _: 'account.setPrivacy', key: { _: 'inputPrivacyKeyPhoneNumber' }, rules });
}

test('contacts.importContacts: matches registered numbers, returns importedContact with client_id and the users', async () => {
  const { alice, bob } = setup();
  const r = await alice.invoke({
    _: 'contacts.importContacts',
    contacts: [
      { _: 'inputPhoneContact', client_id: 7n, phone: `+${phoneOf(bob)}`, first_name: 'Bobby', last_name: 'B' },
      { _: 'inputPhoneContact', client_id: 8n, phone: '9996612345678', first_name: 'Nobody', last_name: '' },
    ],
  });
  assert.equal(r.imported, [{ _: 'importedContact', user_id: bob.id, client_id: 7n }]);
  assert.equal(r.retry_contacts, []);
  const u = r.users[0] as User.user;
  assert.is(u.id, bob.id);
  assert.ok(u.contact);
  assert.is(u.first_name, 'Bobby', 'shown under the saved name');
  assert.is(u.last_name, 'B');
  assert.is(u.mutual_contact, undefined);
  const list = await alice.invoke({ _: 'contacts.getContacts', hash: 0n });
  assert.is(list._, 'contacts.contacts');
  if (list._ === 'contacts.contacts') {
    assert.equal(list.contacts, [{ _: 'contact', user_id: bob.id, mutual: false }]);
    assert.is(list.saved_count, 1);
  }
});

test('contacts.addContact / getContacts / deleteContacts; getContactIDs answers the low 32 bits', async () => {
  const { alice, bob, carol } = setup();
  const upd = await add(alice, bob, 'Robert');
  assert.is(upd._, 'updates');
  if (upd._ === 'updates') assert.ok((upd.users[0] as User.user).contact);
  await add(alice, carol, 'Caz');
  const list = await alice.invoke({ _: 'contacts.getContacts', hash: 0n });
  assert.is(list._, 'contacts.contacts');
  if (list._ === 'contacts.contacts') {
    assert.equal(
      list.contacts.map((c) => c.user_id),
      [bob.id, carol.id],
    );
    assert.equal(
      list.users.map((u) => (u as User.user).first_name),
      ['Robert', 'Caz'],
    );
  }
  const ids = await alice.invoke({ _: 'contacts.getContactIDs', hash: 0n });
  assert.equal(ids, [Number(BigInt.asIntN(32, bob.id)), Number(BigInt.asIntN(32, carol.id))]);
  const del = await alice.invoke({ _: 'contacts.deleteContacts', id: [alice.inputUser(bob)] });
  assert.is(del._, 'updates');
  if (del._ === 'updates') {
    const u = del.users[0] as User.user;
    assert.is(u.contact, undefined);
    assert.is(u.first_name, 'Bob', 'its own name again');
  }
  const after = await alice.invoke({ _: 'contacts.getContacts', hash: 0n });
  if (after._ === 'contacts.contacts')
    assert.equal(
      after.contacts.map((c) => c.user_id),
      [carol.id],
    );
});

test('mutual_contact: set on both sides once each has the other, cleared when one deletes', async () => {
  const { alice, bob } = setup();
  await add(alice, bob, 'Bob');
  assert.ok((await seen(alice, bob)).contact);
  assert.is((await seen(alice, bob)).mutual_contact, undefined);
  assert.is((await seen(bob, alice)).contact, undefined, 'Bob has not added Alice');
  await add(bob, alice, 'Alice');
  assert.ok((await seen(alice, bob)).mutual_contact);
  assert.ok((await seen(bob, alice)).mutual_contact);
  const list = await bob.invoke({ _: 'contacts.getContacts', hash: 0n });
  if (list._ === 'contacts.contacts') assert.equal(list.contacts, [{ _: 'contact', user_id: alice.id, mutual: true }]);
  await bob.invoke({ _: 'contacts.deleteContacts', id: [bob.inputUser(alice)] });
  const a = await seen(alice, bob);
  assert.ok(a.contact);
  assert.is(a.mutual_contact, undefined);
});

test('phone privacy: by default nobody else sees the number, its own account does', async () => {
  const { alice, bob } = setup();
  await add(bob, alice, 'Alice');
  assert.is((await seen(bob, alice)).phone, undefined);
  assert.is((await seen(alice, alice)).phone, phoneOf(alice));
  const r = await alice.invoke({ _: 'account.getPrivacy', key: { _: 'inputPrivacyKeyPhoneNumber' } });
  assert.equal(r.rules, []);
});

test('phone privacy: allowAll shows the number to everyone, disallowAll to nobody', async () => {
  const { alice, bob } = setup();
  await setPhonePrivacy(alice, [{ _: 'inputPrivacyValueAllowAll' }]);
  assert.is((await seen(bob, alice)).phone, phoneOf(alice));
  await setPhonePrivacy(alice, [{ _: 'inputPrivacyValueDisallowAll' }]);
  assert.is((await seen(bob, alice)).phone, undefined);
});

test('phone privacy: allowContacts shows the number to the owner’s contacts only', async () => {
  const { alice, bob, carol } = setup();
  await setPhonePrivacy(alice, [{ _: 'inputPrivacyValueAllowContacts' }, { _: 'inputPrivacyValueDisallowAll' }]);
  await add(alice, bob, 'Bob');
  assert.is((await seen(bob, alice)).phone, phoneOf(alice), 'Bob is in Alice’s contacts');
  assert.is((await seen(carol, alice)).phone, undefined);
  await add(carol, alice, 'Alice');
  assert.is((await seen(carol, alice)).phone, undefined, 'Carol having Alice is not enough');
});

test('phone privacy: allowUsers / disallowUsers exceptions; getPrivacy round trip with the users', async () => {
  const { alice, bob, carol } = setup();
  const set = await setPhonePrivacy(alice, [
    { _: 'inputPrivacyValueAllowAll' },
    { _: 'inputPrivacyValueDisallowUsers', users: [alice.inputUser(carol)] },
  ]);
  assert.equal(set.rules, [{ _: 'privacyValueAllowAll' }, { _: 'privacyValueDisallowUsers', users: [carol.id] }]);
  assert.equal(
    set.users.map((u) => u.id),
    [carol.id],
  );
  assert.is((await seen(bob, alice)).phone, phoneOf(alice));
  assert.is((await seen(carol, alice)).phone, undefined);
  await setPhonePrivacy(alice, [
    { _: 'inputPrivacyValueDisallowAll' },
    { _: 'inputPrivacyValueAllowUsers', users: [alice.inputUser(bob)] },
  ]);
  const got = await alice.invoke({ _: 'account.getPrivacy', key: { _: 'inputPrivacyKeyPhoneNumber' } });
  assert.equal(got.rules, [{ _: 'privacyValueDisallowAll' }, { _: 'privacyValueAllowUsers', users: [bob.id] }]);
  assert.is((await seen(bob, alice)).phone, phoneOf(alice));
  assert.is((await seen(carol, alice)).phone, undefined);
});

test('contacts.addContact add_phone_privacy_exception lets the added user see the number', async () => {
  const { alice, bob, carol } = setup();
  await add(alice, bob, 'Bob', { exception: true });
  assert.is((await seen(bob, alice)).phone, phoneOf(alice));
  assert.is((await seen(carol, alice)).phone, undefined);
  const got = await alice.invoke({ _: 'account.getPrivacy', key: { _: 'inputPrivacyKeyPhoneNumber' } });
  assert.equal(got.rules, [{ _: 'privacyValueAllowUsers', users: [bob.id] }]);
});

test('errors: CONTACT_ID_INVALID for oneself, CONTACT_NAME_EMPTY, USER_ID_INVALID, unmodelled privacy keys', async () => {
  const { alice, bob } = setup();
  await rejects(add(alice, alice, 'Me'), 400, 'CONTACT_ID_INVALID', 'contacts.addContact');
  await rejects(alice.invoke({ _: 'contacts.deleteContacts', id: [{ _: 'inputUserSelf' }] }), 400, 'CONTACT_ID_INVALID');
  await rejects(add(alice, bob, ' '), 400, 'CONTACT_NAME_EMPTY');
  await rejects(
    alice.invoke({
      _: 'contacts.addContact',
      id: { _: 'inputUser', user_id: bob.id, access_hash: 1n },
      first_name: 'B',
      last_name: '',
      phone: '',
    }),
    400,
    'USER_ID_INVALID',
  );
  await rejects(
    alice.invoke({ _: 'account.getPrivacy', key: { _: 'inputPrivacyKeyStatusTimestamp' } }),
    400,
    'METHOD_NOT_IMPLEMENTED_account.getPrivacy.inputPrivacyKeyStatusTimestamp',
  );
});

test.run();
