/**
 * The admin-rights and banned-rights builders: every flag of the layer's
 * `chatAdminRights` / `chatBannedRights` (read from schema/api.tl), names
 * and plain objects in, TL objects out, bad names and dates refused
 * (https://core.telegram.org/api/rights).
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ADMIN_RIGHTS, adminRights, BANNED_RIGHTS, bannedRights, rightsList } from '../../ts/client/index.js';
import { ArgumentError } from '../../ts/errors.js';

/** The `true` flags of constructor `name` in schema/api.tl. */
function schemaFlags(name: string): string[] {
  const line = readFileSync(new URL('../../schema/api.tl', import.meta.url), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}#`));
  if (!line) throw new Error(`${name} not in the schema`);
  return [...line.matchAll(/(\w+):flags\.\d+\?true/g)].map((m) => m[1]!);
}

test('ADMIN_RIGHTS and BANNED_RIGHTS hold exactly the flags of the schema', () => {
  assert.equal([...ADMIN_RIGHTS].sort(), schemaFlags('chatAdminRights').sort());
  assert.equal([...BANNED_RIGHTS].sort(), schemaFlags('chatBannedRights').sort());
});

test('adminRights: names or a plain object; only true flags are set', () => {
  assert.equal(adminRights(['ban_users', 'pin_messages']), { _: 'chatAdminRights', ban_users: true, pin_messages: true });
  assert.equal(adminRights({ change_info: true, post_messages: false }), { _: 'chatAdminRights', change_info: true });
  assert.equal(Object.keys(adminRights(ADMIN_RIGHTS)).length, ADMIN_RIGHTS.length + 1);
  assert.throws(
    () => adminRights(['ban_users', 'fly' as never]),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test('bannedRights: until_date from a Date or seconds, 0 = forever; bad dates and names refused', () => {
  assert.equal(bannedRights(['send_messages']), { _: 'chatBannedRights', until_date: 0, send_messages: true });
  assert.equal(bannedRights({ send_media: true }, new Date(1_700_000_000_500)), {
    _: 'chatBannedRights',
    until_date: 1_700_000_000,
    send_media: true,
  });
  assert.throws(
    () => bannedRights([], -1),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => bannedRights([], 2 ** 40),
    (e: unknown) => e instanceof ArgumentError,
  );
  assert.throws(
    () => bannedRights(['nap' as never]),
    (e: unknown) => e instanceof ArgumentError,
  );
});

test('rightsList names the set flags of either kind', () => {
  assert.equal(rightsList(adminRights(['invite_users', 'add_admins'])), ['invite_users', 'add_admins']);
  assert.equal(rightsList(bannedRights({ view_messages: true })), ['view_messages']);
  assert.equal(rightsList(undefined), []);
});

test.run();
