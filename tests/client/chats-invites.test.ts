/**
 * e2e: invite links and join requests against the test server
 * (https://core.telegram.org/api/invites) — create with limits and titles,
 * join by link (client and scripted users), check a link, usage limits,
 * revoke (INVITE_HASH_EXPIRED), the primary link replaced on revoke,
 * listing with pagination, importers, join requests (INVITE_REQUEST_SENT,
 * updatePendingJoinRequests, approve / decline), USERS_TOO_MUCH, and the
 * other error paths.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { type Chat, inviteLinkHash, type TelegramClient } from '../../ts/client/index.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import type { ChatRecord } from '../../ts/testing/telegram/store/chat-store.js';
import type { Update, Updates } from '../../ts/tl/generated/types.js';
import { clientFor, collect, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
let frank: TelegramClient;
let bob: ScriptedUser;
let carol: ScriptedUser;
let dave: ScriptedUser;
let erin: ScriptedUser;
let group: Chat;
let rec: ChatRecord;
const aliceUpdates: Update[] = [];

async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function signIn(u: ScriptedUser): Promise<TelegramClient> {
  const c = await clientFor(server);
  await within(c.start({ phone: u.user.phone!, code: server.backend.loginCode(u.user.phone!) }), 8000, 'login');
  return c;
}

/** A scripted user imports a link hash. */
function importLink(u: ScriptedUser, link: string) {
  return u.invoke({ _: 'messages.importChatInvite', hash: inviteLinkHash(link)! });
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_i' });
  const f = world.user({ firstName: 'Frank', username: 'frank_i' });
  bob = world.user({ firstName: 'Bob', username: 'bob_i' });
  carol = world.user({ firstName: 'Carol', username: 'carol_i' });
  dave = world.user({ firstName: 'Dave', username: 'dave_i' });
  erin = world.user({ firstName: 'Erin', username: 'erin_i' });
  alice = await signIn(a);
  frank = await signIn(f);
  alice.on('update', (u) => {
    const x = u as Updates;
    if (x._ === 'updates') aliceUpdates.push(...x.updates);
  });
  await alice.invoke({ _: 'updates.getState' });
  group = await alice.createChannel('Private club', { supergroup: true, about: 'members only' });
  rec = server.backend.chats.channel(group.id)!;
});
test.after(async () => {
  world.close();
  await alice.close();
  await frank.close();
  await server.stop();
});

test('createInviteLink: fields round-trip; a scripted user joins by it (messageActionChatJoinedByLink); the usage limit ends it (INVITE_HASH_EXPIRED)', async () => {
  const link = await alice.createInviteLink(group, { usageLimit: 1, title: 'for Bob' });
  assert.match(link.link, /^https:\/\/t\.me\/\+[A-Za-z0-9_-]{16}$/);
  assert.is(link.usageLimit, 1);
  assert.is(link.title, 'for Bob');
  assert.is(link.isPermanent, false);
  assert.is(link.usage, 0);
  const r = await importLink(bob, link.link);
  assert.is(r._, 'messages.chatInviteJoinResultOk');
  assert.ok(rec.members.has(bob.id));
  const joined = bob.history(rec).at(-1);
  assert.is(joined?.action?._, 'messageActionChatJoinedByLink');
  assert.is(await rpcError(importLink(carol, link.link)), 'INVITE_HASH_EXPIRED');
  assert.is(await rpcError(importLink(bob, link.link)), 'USER_ALREADY_PARTICIPANT');
  const members = await collect(alice.iterInviteLinkMembers(group, { link }));
  assert.equal(
    members.map((m) => m.userId),
    [bob.id],
  );
  assert.is(members[0]!.user?.firstName, 'Bob');
});

test('joinChat(link) and checkInviteLink from a client; bad hashes and dates are refused', async () => {
  const link = await alice.createInviteLink(group);
  const preview = await frank.checkInviteLink(link.link);
  assert.is(preview.alreadyMember, false);
  assert.is(preview.title, 'Private club');
  assert.is(preview.kind, 'supergroup');
  assert.is(preview.about, 'members only');
  const chat = await frank.joinChat(link.link);
  assert.is(chat.id, group.id);
  assert.is((await frank.checkInviteLink(link.link)).alreadyMember, true);
  assert.is(await rpcError(frank.joinChat('https://t.me/+NoSuchHash0000000')), 'INVITE_HASH_INVALID');
  assert.is(await rpcError(alice.createInviteLink(group, { expireDate: new Date(Date.now() - 60_000) })), 'EXPIRE_DATE_INVALID');
  assert.is(await rpcError(alice.createInviteLink(group, { usageLimit: 100_000 })), 'USAGE_LIMIT_INVALID');
  assert.is(await rpcError(alice.createInviteLink(group, { usageLimit: 5, requestNeeded: true })), 'USAGE_LIMIT_INVALID');
  // Plain members may not make links.
  assert.is(await rpcError(frank.createInviteLink(group)), 'CHAT_ADMIN_REQUIRED');
  await frank.leaveChat(group);
});

test('editInviteLink and revokeInviteLink: a revoked link cannot be used; revoking the primary link replaces it', async () => {
  const link = await alice.createInviteLink(group, { title: 'temp' });
  const edited = await alice.editInviteLink(group, link, { usageLimit: 3, title: 'renamed' });
  assert.is(edited.usageLimit, 3);
  assert.is(edited.title, 'renamed');
  const revoked = await alice.revokeInviteLink(group, link.link);
  assert.is(revoked.isRevoked, true);
  assert.is(await rpcError(importLink(carol, link.link)), 'INVITE_HASH_EXPIRED');
  assert.is(await rpcError(alice.editInviteLink(group, link, { title: 'again' })), 'INVITE_REVOKED_MISSING');
  const primary = await alice.exportInviteLink(group);
  assert.is(primary.isPermanent, true);
  const next = await alice.revokeInviteLink(group, primary);
  assert.is(next.isPermanent, true);
  assert.is(next.isRevoked, false);
  assert.is.not(next.hash, primary.hash);
  assert.is(await rpcError(importLink(carol, primary.link)), 'INVITE_HASH_EXPIRED');
  assert.is((await carol.joinByLink(next.link)).id, rec.id); // the scripted-user action
  assert.ok(rec.members.has(carol.id));
  // The revoked list holds both; deleting a revoked link removes it.
  const revokedList = await collect(alice.iterInviteLinks(group, { revoked: true }));
  assert.ok(revokedList.some((l) => l.hash === link.hash) && revokedList.some((l) => l.hash === primary.hash));
  await alice.invoke({ _: 'messages.deleteExportedChatInvite', peer: group.inputPeer, link: link.link });
  assert.not.ok((await collect(alice.iterInviteLinks(group, { revoked: true }))).some((l) => l.hash === link.hash));
});

test('iterInviteLinks: every working link, newest first, across pages', async () => {
  for (let i = 0; i < 5; i++) await alice.createInviteLink(group, { title: `batch ${i}` });
  const all = await collect(alice.iterInviteLinks(group));
  const paged = await collect(alice.iterInviteLinks(group, { chunkSize: 2 }));
  assert.equal(
    paged.map((l) => l.hash),
    all.map((l) => l.hash),
  );
  assert.ok(all.length >= 7);
  assert.ok(all.every((l) => !l.isRevoked));
  assert.is((await collect(alice.iterInviteLinks(group, { limit: 3, chunkSize: 2 }))).length, 3);
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1]!.date.getTime() >= all[i]!.date.getTime());
});

test('join requests: INVITE_REQUEST_SENT, updatePendingJoinRequests to admins, list, approve (messageActionChatJoinedByRequest), decline, HIDE_REQUESTER_MISSING', async () => {
  const link = await alice.createInviteLink(group, { requestNeeded: true, title: 'ask first' });
  assert.is(link.requestNeeded, true);
  const start = aliceUpdates.length;
  await dave.requestToJoin(link.link); // the scripted-user action
  assert.is(await rpcError(importLink(erin, link.link)), 'INVITE_REQUEST_SENT');
  assert.not.ok(rec.members.has(dave.id));
  await until(() => aliceUpdates.slice(start).some((u) => u._ === 'updatePendingJoinRequests' && u.requests_pending === 2));
  const pending = aliceUpdates
    .slice(start)
    .filter((u) => u._ === 'updatePendingJoinRequests')
    .at(-1);
  assert.equal(pending?._ === 'updatePendingJoinRequests' && pending.recent_requesters, [dave.id, erin.id]);
  const requests = await collect(alice.iterJoinRequests(group));
  assert.equal(requests.map((r) => r.userId).sort(), [dave.id, erin.id].sort());
  assert.ok(requests.every((r) => r.isRequest));
  assert.is((await collect(alice.iterInviteLinks(group))).find((l) => l.hash === link.hash)?.pendingRequests, 2);
  await alice.approveJoinRequest(group, '@dave_i');
  assert.ok(rec.members.has(dave.id));
  assert.is(dave.history(rec).at(-1)?.action?._, 'messageActionChatJoinedByRequest');
  await alice.declineJoinRequest(group, '@erin_i');
  assert.not.ok(rec.members.has(erin.id));
  assert.equal(await collect(alice.iterJoinRequests(group)), []);
  assert.is(await rpcError(alice.declineJoinRequest(group, '@erin_i')), 'HIDE_REQUESTER_MISSING');
  // The approved member counts as an importer of the link.
  assert.equal(
    (await collect(alice.iterInviteLinkMembers(group, { link }))).map((m) => [m.userId, m.approvedBy]),
    [[dave.id, rec.creatorId]],
  );
  // Erin asks again; approving every request at once lets her in.
  assert.is(await rpcError(importLink(erin, link.link)), 'INVITE_REQUEST_SENT');
  await alice.settleAllJoinRequests(group, { approve: true });
  assert.ok(rec.members.has(erin.id));
});

test('basic group: a full group answers USERS_TOO_MUCH; getFullChat shows the primary link to admins', async () => {
  const g = await alice.createGroup('Crowded', ['@bob_i']);
  const gr = server.backend.chats.group(g.id)!;
  for (let i = 0; gr.members.size < 200; i++) {
    const u = server.backend.addUser({ phone: `999663${String(5000 + i).padStart(4, '0')}`, firstName: `Filler${i}` });
    server.backend.chats.addMember(gr, u.id, gr.creatorId, 0);
  }
  const primary = await alice.exportInviteLink(g);
  assert.is(await rpcError(importLink(carol, primary.link)), 'USERS_TOO_MUCH');
  const full = await alice.invoke({ _: 'messages.getFullChat', chat_id: g.id });
  assert.is(
    full.full_chat._ === 'chatFull' && full.full_chat.exported_invite?._ === 'chatInviteExported' && full.full_chat.exported_invite.link,
    primary.link,
  );
});

test.run();
