/**
 * e2e: the contact methods of the client against the test server —
 * `importContacts` by phone, `getContacts` with the saved names and the
 * mutual flag, `deleteContacts` (https://core.telegram.org/api/contacts).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TelegramClient } from '../../ts/client/index.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import { clientFor, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
let aliceUser: ScriptedUser;
let bob: ScriptedUser;
let carol: ScriptedUser;

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  aliceUser = world.user({ firstName: 'Alice' });
  bob = world.user({ firstName: 'Bob' });
  carol = world.user({ firstName: 'Carol' });
  alice = await clientFor(server);
  const phone = aliceUser.user.phone as string;
  await within(alice.start({ phone, code: server.backend.loginCode(phone) }), 8000, 'login');
});
test.after(async () => {
  world.close();
  await alice.close();
  await server.stop();
});

test('importContacts: registered numbers come back as contacts under the given names', async () => {
  const users = await within(
    alice.importContacts([
      { phone: `+${bob.user.phone}`, firstName: 'Bobby' },
      { phone: '9996612340000', firstName: 'Nobody' },
      { phone: carol.user.phone as string, firstName: 'Caz', lastName: 'C' },
    ]),
    5000,
    'importContacts',
  );
  assert.equal(
    users.map((u) => [u.id, u.first_name, u.contact]),
    [
      [bob.id, 'Bobby', true],
      [carol.id, 'Caz', true],
    ],
  );
});

test('getContacts: the list with mutual_contact once the other side adds back', async () => {
  await bob.invoke({ _: 'contacts.addContact', id: bob.inputUser(aliceUser), first_name: 'Alice', last_name: '', phone: '' });
  const list = await within(alice.getContacts(), 5000, 'getContacts');
  assert.equal(
    list.map((u) => [u.first_name, u.mutual_contact === true]),
    [
      ['Bobby', true],
      ['Caz', false],
    ],
  );
});

test('deleteContacts: removes by id; oneself is CONTACT_ID_INVALID', async () => {
  await within(alice.deleteContacts([bob.id]), 5000, 'deleteContacts');
  assert.equal(
    (await alice.getContacts()).map((u) => u.id),
    [carol.id],
  );
  assert.is(await rpcError(within(alice.deleteContacts(['me']), 5000, 'deleteContacts(me)')), 'CONTACT_ID_INVALID');
});

test.run();
