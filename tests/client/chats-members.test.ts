/**
 * e2e: members and moderation against the test server — iterating
 * participants with every filter and pagination, getParticipant, promote
 * (rights, rank, RIGHT_FORBIDDEN, USER_CREATOR), restrict (USER_BANNED_IN_CHANNEL
 * when a restricted member sends), ban / unban / kick, default permissions,
 * basic groups (editChatAdmin, deleteChatUser with its service message), and
 * the updates affected sessions get (https://core.telegram.org/api/rights).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { adminRights, bannedRights, Chat, type ChatMember, type TelegramClient } from '../../ts/client/index.js';
import { WasmgramError } from '../../ts/errors.js';
import { ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import type { ChatRecord } from '../../ts/testing/telegram/store/chat-store.js';
import type { Update, Updates } from '../../ts/tl/generated/types.js';
import { clientFor, collect, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let alice: TelegramClient;
let botClient: TelegramClient;
let bob: ScriptedUser;
let carol: ScriptedUser;
let dave: ScriptedUser;
let erin: ScriptedUser;
let group: Chat;
let rec: ChatRecord;
const botUpdates: Update[] = [];

/** Resolves when `pred` holds (checked every 10 ms), or fails after `ms`. */
async function until(pred: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const names = (ms: ChatMember[]) => ms.map((m) => m.user?.firstName).sort();

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const a = world.user({ firstName: 'Alice', username: 'alice_m' });
  bob = world.user({ firstName: 'Bob', username: 'bob_m' });
  carol = world.user({ firstName: 'Carol', username: 'carol_m' });
  dave = world.user({ firstName: 'Dave', username: 'dave_m' });
  erin = world.user({ firstName: 'Erin', username: 'erin_m' });
  const { token } = world.bot({ username: 'mod_m_bot', firstName: 'Modbot' });
  alice = await clientFor(server);
  await within(alice.start({ phone: a.user.phone!, code: server.backend.loginCode(a.user.phone!) }), 8000, 'login');
  botClient = await clientFor(server);
  await within(botClient.start({ botToken: token }), 8000, 'bot login');
  botClient.on('update', (u) => {
    const x = u as Updates;
    if (x._ === 'updates') botUpdates.push(...x.updates);
  });
  await botClient.invoke({ _: 'updates.getState' });
  group = await alice.createChannel('Moderated', { supergroup: true });
  rec = server.backend.chats.channel(group.id)!;
  await alice.invoke({
    _: 'channels.inviteToChannel',
    channel: { _: 'inputChannel', channel_id: group.id, access_hash: (group.inputPeer as { access_hash: bigint }).access_hash },
    users: await Promise.all(['@bob_m', '@carol_m', '@dave_m', '@erin_m', '@mod_m_bot'].map((u) => alice.resolvePeer(u).then(toUser))),
  });
});
test.after(async () => {
  world.close();
  await alice.close();
  await botClient.close();
  await server.stop();
});

function toUser(p: Awaited<ReturnType<TelegramClient['resolvePeer']>>) {
  if (p._ !== 'inputPeerUser') throw new Error('not a user');
  return { _: 'inputUser', user_id: p.user_id, access_hash: p.access_hash } as const;
}

test('iterParticipants: all members (newest first), admins, bots, search, pagination in small chunks, limit', async () => {
  const all = await collect(alice.iterParticipants(group));
  assert.equal(names(all), ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Modbot']);
  const paged = await collect(alice.iterParticipants(group, { chunkSize: 2 }));
  assert.equal(
    paged.map((m) => m.userId),
    all.map((m) => m.userId),
  );
  assert.is((await collect(alice.iterParticipants(group, { limit: 3, chunkSize: 2 }))).length, 3);
  const admins = await collect(alice.iterParticipants(group, { filter: 'admins' }));
  assert.equal(names(admins), ['Alice']);
  assert.is(admins[0]!.status, 'creator');
  assert.equal(names(await collect(alice.iterParticipants(group, { filter: 'bots' }))), ['Modbot']);
  assert.equal(names(await collect(alice.iterParticipants(group, { filter: 'search', query: 'car' }))), ['Carol']);
  const self = await alice.getParticipant(group, 'me');
  assert.is(self.status, 'creator');
  const b = await alice.getParticipant(group, '@bob_m');
  assert.is(b.status, 'member');
  assert.is(b.user?.username, 'bob_m');
});

test('promoteMember: rights and rank are stored and listed; the promoted admin may grant only rights they hold (RIGHT_FORBIDDEN)', async () => {
  await alice.promoteMember(group, '@bob_m', ['ban_users', 'add_admins', 'pin_messages', 'invite_users'], 'moderator');
  const b = await alice.getParticipant(group, '@bob_m');
  assert.is(b.status, 'admin');
  assert.is(b.rank, 'moderator');
  assert.is(b.adminRights?.ban_users, true);
  assert.not.ok(b.adminRights?.change_info);
  assert.is(b.canEdit, true);
  assert.equal(names(await collect(alice.iterParticipants(group, { filter: 'admins' }))), ['Alice', 'Bob']);
  // Bob (scripted) promotes Carol with a right he holds, then tries one he does not.
  const channel = bob.inputChannel(rec);
  await bob.invoke({
    _: 'channels.editAdmin',
    channel,
    user_id: bob.inputUser(carol),
    admin_rights: adminRights(['pin_messages']),
    rank: 'pins',
  });
  assert.is(rec.members.get(carol.id)?.role, 'admin');
  const forbidden = await rpcError(
    bob.invoke({ _: 'channels.editAdmin', channel, user_id: bob.inputUser(dave), admin_rights: adminRights(['change_info']) }),
  );
  assert.is(forbidden, 'RIGHT_FORBIDDEN');
  // An ordinary member cannot promote; nobody can edit the creator; a rank with emoji is refused.
  assert.is(
    await rpcError(
      dave.invoke({
        _: 'channels.editAdmin',
        channel: dave.inputChannel(rec),
        user_id: dave.inputUser(erin),
        admin_rights: adminRights(['pin_messages']),
      }),
    ),
    'CHAT_ADMIN_REQUIRED',
  );
  assert.is(
    await rpcError(
      bob.invoke({
        _: 'channels.editAdmin',
        channel,
        user_id: bob.inputUser(rec.creatorId === carol.id ? carol : world.find('alice_m')),
        admin_rights: adminRights([]),
      }),
    ),
    'USER_CREATOR',
  );
  assert.is(await rpcError(alice.promoteMember(group, '@erin_m', ['pin_messages'], 'star ⭐')), 'ADMIN_RANK_EMOJI_NOT_ALLOWED');
  // Demote Carol again (Alice is the creator: she may edit any admin).
  await alice.demoteMember(group, '@carol_m');
  assert.is((await alice.getParticipant(group, '@carol_m')).status, 'member');
});

test('restrictMember: a restricted member stays, sending gives USER_BANNED_IN_CHANNEL until unbanned; listed under restricted', async () => {
  await carol.sendMessage(rec, 'before');
  const until = Math.floor(Date.now() / 1000) + 3600;
  await alice.restrictMember(group, '@carol_m', ['send_messages', 'send_media'], until);
  const c = await alice.getParticipant(group, '@carol_m');
  assert.is(c.status, 'restricted');
  assert.is(c.bannedRights?.send_messages, true);
  assert.is(c.untilDate?.getTime(), until * 1000);
  assert.is(await rpcError(carol.sendMessage(rec, 'muted?')), 'USER_BANNED_IN_CHANNEL');
  assert.equal(names(await collect(alice.iterParticipants(group, { filter: 'restricted' }))), ['Carol']);
  // Carol's own view of the channel carries her banned rights.
  const seen = server.backend.tlChat(rec, carol.id);
  assert.is(seen._ === 'channel' && seen.banned_rights?.send_messages, true);
  await alice.unbanMember(group, '@carol_m');
  assert.is((await alice.getParticipant(group, '@carol_m')).status, 'member');
  await carol.sendMessage(rec, 'free again');
  assert.equal(await collect(alice.iterParticipants(group, { filter: 'restricted' })), []);
});

test('banMember: removed, cannot rejoin or send (CHANNEL_PRIVATE / USER_BANNED_IN_CHANNEL), listed under banned; admins cannot be banned; unban lets them back', async () => {
  await server.backend.chats.setUsername(rec, 'moderated_m');
  await alice.banMember(group, '@dave_m');
  assert.not.ok(rec.members.has(dave.id));
  const d = await alice.getParticipant(group, '@dave_m');
  assert.is(d.status, 'banned');
  assert.is(d.kickedBy, rec.creatorId);
  assert.equal(names(await collect(alice.iterParticipants(group, { filter: 'banned' }))), ['Dave']);
  assert.is(await rpcError(dave.join(rec)), 'CHANNEL_PRIVATE');
  assert.is(await rpcError(dave.sendMessage(rec, 'let me in')), 'USER_BANNED_IN_CHANNEL');
  assert.is(await rpcError(alice.banMember(group, '@bob_m')), 'USER_ADMIN_INVALID');
  assert.is(await rpcError(alice.banMember(group, 'me')), 'USER_ADMIN_INVALID');
  // Only admins with ban_users may ban (Erin is a plain member).
  assert.is(
    await rpcError(
      erin.invoke({
        _: 'channels.editBanned',
        channel: erin.inputChannel(rec),
        participant: erin.inputPeer(carol),
        banned_rights: bannedRights(['view_messages']),
      }),
    ),
    'CHAT_ADMIN_REQUIRED',
  );
  await alice.unbanMember(group, '@dave_m');
  assert.equal(await collect(alice.iterParticipants(group, { filter: 'banned' })), []);
  await dave.join(rec);
  assert.ok(rec.members.has(dave.id));
});

test('kickMember: removed with the service message, not left banned, may come back', async () => {
  const before = carol.history(rec).length;
  await alice.kickMember(group, '@erin_m');
  assert.not.ok(rec.members.has(erin.id));
  assert.not.ok(rec.banned?.has(erin.id));
  const added = carol.history(rec).slice(before);
  assert.ok(added.some((m) => m.action?._ === 'messageActionChatDeleteUser' && m.action.user_id === erin.id));
  assert.is(await rpcError(alice.getParticipant(group, '@erin_m')), 'USER_NOT_PARTICIPANT');
  await erin.join(rec);
  assert.ok(rec.members.has(erin.id));
});

test('updates: a bot admin gets updateChannelParticipant with consecutive qts for each change', async () => {
  await alice.promoteMember(group, '@mod_m_bot', ['ban_users']);
  const start = botUpdates.length;
  await alice.restrictMember(group, '@erin_m', ['send_messages']);
  await alice.unbanMember(group, '@erin_m');
  const about = (u: Update): u is Update.updateChannelParticipant => u._ === 'updateChannelParticipant' && u.user_id === erin.id;
  await until(() => botUpdates.slice(start).filter(about).length >= 2);
  const ps = botUpdates.slice(start).filter(about);
  assert.is(ps[0]!.user_id, erin.id);
  assert.is(ps[0]!.new_participant?._, 'channelParticipantBanned');
  assert.is(ps[1]!.prev_participant?._, 'channelParticipantBanned');
  assert.is(ps[1]!.new_participant?._, 'channelParticipant');
  assert.is(ps[1]!.qts, ps[0]!.qts + 1);
});

test('join requests reach a bot admin as updateBotChatInviteRequester (with qts); listing banned members needs ban_users', async () => {
  await alice.promoteMember(group, '@mod_m_bot', ['ban_users', 'invite_users']);
  const link = await alice.createInviteLink(group, { requestNeeded: true });
  const gina = world.user({ firstName: 'Gina' });
  const start = botUpdates.length;
  await gina.requestToJoin(link.link);
  await until(() => botUpdates.slice(start).some((u) => u._ === 'updateBotChatInviteRequester'));
  const r = botUpdates.slice(start).find((u): u is Update.updateBotChatInviteRequester => u._ === 'updateBotChatInviteRequester')!;
  assert.is(r.user_id, gina.id);
  assert.is(r.invite._ === 'chatInviteExported' && r.invite.link, link.link);
  assert.ok(r.qts > 0);
  // The bot approves it with its own client.
  await botClient.approveJoinRequest(group.markedId, gina.id);
  assert.ok(rec.members.has(gina.id));
  assert.is(
    await rpcError(
      erin.invoke({
        _: 'channels.getParticipants',
        channel: erin.inputChannel(rec),
        filter: { _: 'channelParticipantsKicked', q: '' },
        offset: 0,
        limit: 10,
        hash: 0n,
      }),
    ),
    'CHAT_ADMIN_REQUIRED',
  );
});

test('setDefaultPermissions: members get CHAT_WRITE_FORBIDDEN, admins still send; the chat shows the rights; CHAT_NOT_MODIFIED', async () => {
  await alice.setDefaultPermissions(group, { send_messages: true });
  assert.is(rec.defaultBannedRights?.send_messages, true);
  const input = group.inputPeer as { channel_id: bigint; access_hash: bigint };
  const fetched = await alice.invoke({
    _: 'channels.getChannels',
    id: [{ _: 'inputChannel', channel_id: input.channel_id, access_hash: input.access_hash }],
  });
  const raw = fetched.chats.find((c) => c.id === group.id);
  assert.ok(raw && raw._ !== 'chatEmpty');
  const seen = new Chat(raw as ConstructorParameters<typeof Chat>[0]);
  assert.equal(seen.defaultBannedRights, ['send_messages'], 'Chat.defaultBannedRights lists the flags');
  assert.ok(seen.adminRights.includes('ban_users'), `the creator's rights: ${seen.adminRights}`);
  assert.equal(seen.bannedRights, [], 'the creator is not restricted');
  assert.is(await rpcError(erin.sendMessage(rec, 'hi')), 'CHAT_WRITE_FORBIDDEN');
  await bob.sendMessage(rec, 'admins may');
  assert.is(await rpcError(alice.setDefaultPermissions(group, ['send_messages'])), 'CHAT_NOT_MODIFIED');
  assert.is(
    await rpcError(erin.invoke({ _: 'messages.editChatDefaultBannedRights', peer: erin.inputPeer(rec), banned_rights: bannedRights([]) })),
    'CHAT_ADMIN_REQUIRED',
  );
  await alice.setDefaultPermissions(group, []);
  await erin.sendMessage(rec, 'talking again');
});

test('basic group: participants from getFullChat, editChatAdmin, kick posts messageActionChatDeleteUser, errors', async () => {
  const g = await alice.createGroup('Small', ['@bob_m', '@carol_m']);
  const members = await collect(alice.iterParticipants(g));
  assert.equal(names(members), ['Alice', 'Bob', 'Carol']);
  await alice.promoteMember(g, '@bob_m', ['pin_messages']);
  assert.is((await alice.getParticipant(g, '@bob_m')).status, 'admin');
  assert.equal(names(await collect(alice.iterParticipants(g, { filter: 'admins' }))), ['Alice', 'Bob']);
  await alice.kickMember(g, '@carol_m');
  const last = bob.history({ kind: 'chat', id: g.id }).at(-1);
  assert.is(last?.action?._, 'messageActionChatDeleteUser');
  assert.is(await rpcError(alice.getParticipant(g, '@carol_m')), 'USER_NOT_PARTICIPANT');
  try {
    await alice.restrictMember(g, '@bob_m', ['send_messages']);
    assert.unreachable('basic groups have no per-member rights');
  } catch (e) {
    assert.instance(e, WasmgramError);
  }
  // Only the creator appoints admins in basic groups.
  assert.is(
    await rpcError(
      bob.invoke({ _: 'messages.editChatAdmin', chat_id: g.id, user_id: bob.inputUser(world.find('alice_m')), is_admin: false }),
    ),
    'CHAT_ADMIN_REQUIRED',
  );
});

test.run();
