/**
 * e2e: the qts sequence (https://core.telegram.org/api/updates#event-sequences)
 * — a bot's `updateChannelParticipant`, `updateBotChatInviteRequester` and `updateBotStopped` (contacts.block)
 * carry qts, the test server logs them per account, and a bot that was
 * offline gets the ones it missed from `updates.getDifference(qts)` on
 * catch-up, once, in order, without those it had already seen.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ParticipantUpdate, TelegramClient, TypedUpdate } from '../../ts/client/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import { type ChatRecord, ScriptedWorld, type ScriptedUser, type TestServer } from '../../ts/testing/index.js';
import type { UserRecord } from '../../ts/testing/telegram/index.js';
import { clientFor, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
let botUser: UserRecord;
let token: string;
let bob: ScriptedUser;
let group: ChatRecord;

async function until(pred: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`${what} not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function botClient(storage: MemoryStorage): Promise<TelegramClient> {
  const c = await clientFor(server, { storage });
  await within(c.start({ botToken: token }), 8000, 'bot login');
  return c;
}

/** `<change> <who>` of the participant updates among `list`. */
function changes(list: TypedUpdate[]): string[] {
  const name = (id: bigint) => (id === botUser.id ? 'bot' : (world.backend.users.get(id)?.firstName ?? String(id)));
  return list.filter((u): u is ParticipantUpdate => u.kind === 'participantUpdate').map((u) => `${u.change} ${name(u.userId)}`);
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  const made = world.bot({ username: 'qts_bot' });
  botUser = made.user;
  token = made.token;
  bob = world.user({ firstName: 'Bob' });
  group = await bob.createChannel('qts group', { username: 'qts_group' });
});
test.after(async () => {
  world.close();
  await server.stop();
});

/** Bob (the owner) edits `user`'s rights: admin rights, or banned rights. */
function promote(user: ScriptedUser | UserRecord, rights: Record<string, boolean>) {
  return bob.invoke({
    _: 'channels.editAdmin',
    channel: bob.inputChannel(group),
    user_id: bob.inputUser(user),
    admin_rights: { _: 'chatAdminRights', ...rights },
    rank: '',
  });
}
function ban(user: ScriptedUser) {
  return bob.invoke({
    _: 'channels.editBanned',
    channel: bob.inputChannel(group),
    participant: bob.inputPeer(user),
    banned_rights: { _: 'chatBannedRights', view_messages: true, until_date: 0 },
  });
}

test('the server logs qts updates: each carries its qts, and the log replays them from an older qts', async () => {
  const before = server.backend.updates.state(botUser.id).qts;
  const carol = world.user({ firstName: 'Carol' });
  await bob.addToChat(group, [botUser, carol]);
  await promote(botUser, { ban_users: true, invite_users: true });
  await ban(carol);
  const after = server.backend.updates.state(botUser.id).qts;
  assert.is(after, before + 2, 'the bot promoted, then (as an admin) told of the ban');
  const log = server.backend.updates.qtsLog(botUser.id).since(before)!;
  assert.equal(
    log.map((e) => [e.pts, e.update._]),
    [
      [before + 1, 'updateChannelParticipant'],
      [before + 2, 'updateChannelParticipant'],
    ],
  );
  for (const e of log) assert.is((e.update as { qts: number }).qts, e.pts, 'each update carries its qts');
});

test('a bot offline while members were promoted, banned and asked to join catches up through getDifference(qts)', async () => {
  const storage = new MemoryStorage();
  const first = await botClient(storage);
  const online: TypedUpdate[] = [];
  first.on('participantUpdate', (u) => void online.push(u));
  await first.startUpdates();
  await within(first.updatesIdle(), 4000, 'first state');
  const dave = world.user({ firstName: 'Dave' });
  const erin = world.user({ firstName: 'Erin' });
  await bob.addToChat(group, [dave, erin]);
  await ban(erin);
  await until(() => changes(online).length >= 1, 4000, 'the online update');
  await within(first.updatesIdle(), 4000, 'idle');
  await first.close();
  const storedQts = (await storage.snapshot()).updateState?.qts ?? 0;
  assert.is(storedQts, server.backend.updates.state(botUser.id).qts, 'the qts it saw is stored');

  // Offline: Dave promoted and demoted, a join request through a link that needs approval.
  await promote(dave, { delete_messages: true });
  await promote(dave, {});
  const link = await bob.invoke({ _: 'messages.exportChatInvite', peer: bob.inputPeer(group), request_needed: true });
  const frank = world.user({ firstName: 'Frank' });
  await frank.requestToJoin((link as { link: string }).link);
  assert.is(server.backend.updates.state(botUser.id).qts, storedQts + 3, 'the server moved the qts while the bot was away');

  const second = await botClient(storage);
  const got: TypedUpdate[] = [];
  second.on('participantUpdate', (u) => void got.push(u));
  second.on('joinRequest', (u) => void got.push(u));
  await second.startUpdates();
  await until(() => got.length >= 3, 4000, 'catch-up');
  await within(second.updatesIdle(), 4000, 'idle');
  assert.equal(changes(got), ['promoted Dave', 'demoted Dave']);
  const request = got.find((u) => u.kind === 'joinRequest');
  assert.is(request?.kind === 'joinRequest' ? request.userId : undefined, frank.id);
  assert.is(got.length, 3, 'the ban seen online is not delivered again');
  assert.is((await storage.snapshot()).updateState?.qts, server.backend.updates.state(botUser.id).qts);
  await second.close();
});

test('contacts.block stops a bot: updateBotStopped in its qts sequence (caught up after being offline); the block errors; unblock restarts it', async () => {
  const storage = new MemoryStorage();
  const first = await botClient(storage);
  await first.startUpdates();
  await within(first.updatesIdle(), 4000, 'first state');
  const gina = world.user({ firstName: 'Gina' });
  await gina.sendMessage(botUser, '/start');
  await first.close();

  // Offline: Gina blocks the bot.
  assert.is(await gina.invoke({ _: 'contacts.block', id: gina.inputPeer(botUser) }), true);
  const blocked = await gina.invoke({ _: 'contacts.getBlocked', offset: 0, limit: 10 });
  assert.equal(
    blocked.blocked.map((x) => x.peer_id),
    [{ _: 'peerUser', user_id: botUser.id }],
  );
  let err = '';
  await gina.sendMessage(botUser, 'hello?').catch((e: { text?: string }) => void (err = e.text ?? ''));
  assert.is(err, 'YOU_BLOCKED_USER');

  const second = await botClient(storage);
  const got: TypedUpdate[] = [];
  second.on('botStopped', (u) => void got.push(u));
  await second.startUpdates();
  await until(() => got.length >= 1, 4000, 'the stop on catch-up');
  const stop = got[0]!;
  assert.ok(stop.kind === 'botStopped' && stop.userId === gina.id && stop.stopped);
  // The bot may not write to her now; after the unblock it may again, and it hears the restart online.
  assert.is(await rpcError(second.sendMessage(gina.id, 'still there?')), 'USER_IS_BLOCKED');
  await gina.invoke({ _: 'contacts.unblock', id: gina.inputPeer(botUser) });
  await until(() => got.length >= 2, 4000, 'the restart');
  assert.ok(got[1]!.kind === 'botStopped' && !got[1]!.stopped);
  await second.sendMessage(gina.id, 'welcome back');
  await second.close();
});

test.run();
