/**
 * e2e against the test server: a bot's dispatcher receives the update kinds
 * added for bots (ParticipantUpdate, MessageReaction, ShippingQuery,
 * PreCheckoutQuery, ChatBoost, BotStopped — pushed by the server with the
 * account's next qts, https://core.telegram.org/api/updates#update-handling),
 * and, from the server's own participant changes, ParticipantUpdate for a
 * promoted bot and a banned member; an album (two messages sharing
 * grouped_id in one push, with correct pts)
 * as one `Album`, and a client conversation: an answer that arrives while
 * the handler is busy between two waits is not lost, and `waitRead` returns
 * when the user reads the bot's message (updateReadHistoryOutbox).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TelegramClient, TypedUpdate } from '../../ts/client/index.js';
import { CallbackData, command, conversation, dispatcherFor } from '../../ts/dispatcher/index.js';
import { MemoryStorage } from '../../ts/storage/index.js';
import { ScriptedWorld, type ScriptedUser, type TestServer, type UserRecord } from '../../ts/testing/index.js';
import type { Update } from '../../ts/tl/generated/types.js';
import { clientFor, startServer, within } from '../client/_support.js';

let server: TestServer;
let world: ScriptedWorld;
let botUser: UserRecord;
let bot: TelegramClient;
let alice: ScriptedUser;

async function until(pred: () => boolean, ms = 4000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`${what} not met in ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Pushes a qts update to the bot account with its next qts (as the server's bot-update queue would). */
function pushQts(make: (qts: number) => Update): void {
  const s = server.backend.updates.state(botUser.id);
  s.qts += 1;
  const lists = server.backend.peerLists(botUser.id, [{ kind: 'user', id: alice.id }]);
  server.backend.publish(botUser.id, { _: 'updates', updates: [make(s.qts)], ...lists, date: server.backend.now(), seq: 0 });
}

test.before(async () => {
  server = await startServer();
  world = new ScriptedWorld(server.backend);
  alice = world.user({ firstName: 'Alice' });
  const made = world.bot({ username: 'kinds_bot' });
  botUser = made.user;
  bot = await clientFor(server, { storage: new MemoryStorage() });
  await within(bot.start({ botToken: made.token }), 8000, 'bot login');
});
test.after(async () => {
  await bot.close();
  world.close();
  await server.stop();
});

test('bot update kinds reach their dispatcher handlers as typed updates', async () => {
  const dp = dispatcherFor(bot);
  const seen: string[] = [];
  dp.onParticipantUpdate((u) => void seen.push(`participant ${u.change} ${u.userId}`));
  dp.onMessageReaction((r) => void seen.push(`reaction ${r.emojis.join('')} by ${r.userId}`));
  dp.onShippingQuery((q) => void seen.push(`shipping ${q.address.city}`));
  dp.onPreCheckoutQuery((q) => void seen.push(`precheckout ${q.totalAmount} ${q.currency}`));
  dp.onChatBoost((b) => void seen.push(`boost ${b.chatId}`));
  dp.onBotStopped((b) => void seen.push(`stopped ${b.stopped}`));
  await within(bot.updatesIdle(), 4000, 'bot updates start');
  const date = server.backend.now();
  pushQts((qts) => ({
    _: 'updateChannelParticipant',
    channel_id: 77n,
    date,
    actor_id: alice.id,
    user_id: alice.id,
    new_participant: { _: 'channelParticipant', user_id: alice.id, date },
    qts,
  }));
  pushQts((qts) => ({
    _: 'updateBotMessageReaction',
    peer: { _: 'peerUser', user_id: alice.id },
    msg_id: 1,
    date,
    actor: { _: 'peerUser', user_id: alice.id },
    old_reactions: [],
    new_reactions: [{ _: 'reactionEmoji', emoticon: '👍' }],
    qts,
  }));
  pushQts((qts) => ({ _: 'updateBotStopped', user_id: alice.id, date, stopped: true, qts }));
  pushQts((qts) => ({
    _: 'updateBotChatBoost',
    peer: { _: 'peerChannel', channel_id: 77n },
    boost: { _: 'boost', id: 'b', date, expires: date + 60 },
    qts,
  }));
  // Payment queries carry no qts (they are not stored for getDifference).
  const lists = server.backend.peerLists(botUser.id, [{ kind: 'user', id: alice.id }]);
  const payload = new TextEncoder().encode('p');
  server.backend.publish(botUser.id, {
    _: 'updates',
    updates: [
      {
        _: 'updateBotShippingQuery',
        query_id: 1n,
        user_id: alice.id,
        payload,
        shipping_address: {
          _: 'postAddress',
          street_line1: 's',
          street_line2: '',
          city: 'Berlin',
          state: '',
          country_iso2: 'DE',
          post_code: '1',
        },
      },
      { _: 'updateBotPrecheckoutQuery', query_id: 2n, user_id: alice.id, payload, currency: 'XTR', total_amount: 5n },
    ],
    ...lists,
    date,
    seq: 0,
  });
  await until(() => seen.length >= 6, 4000, 'every kind');
  assert.equal(seen.sort(), [
    `boost ${-1_000_000_000_077n}`,
    `participant joined ${alice.id}`,
    'precheckout 5 XTR',
    `reaction 👍 by ${alice.id}`,
    'shipping Berlin',
    'stopped true',
  ]);
  dp.unbind();
});

test('album: two messages sharing grouped_id in one push are one Album for onAlbum (not two newMessage)', async () => {
  const dp = dispatcherFor(bot);
  const got: TypedUpdate[] = [];
  dp.onAlbum((a) => void got.push(a));
  dp.onNewMessage((m) => void got.push(m));
  await within(bot.updatesIdle(), 4000, 'idle');
  const b = server.backend;
  const peer = { _: 'peerUser' as const, user_id: alice.id };
  const date = b.now();
  const parts = [0, 1].map((i) =>
    b.updates.pushAccount(botUser.id, 1, (pts, pts_count) => ({
      _: 'updateNewMessage' as const,
      message: {
        _: 'message' as const,
        id: 9000 + i,
        peer_id: peer,
        from_id: peer,
        date,
        message: i === 1 ? 'caption' : '',
        grouped_id: 4242n,
      },
      pts,
      pts_count,
    })),
  );
  b.publish(botUser.id, { _: 'updates', updates: parts, ...b.peerLists(botUser.id, [{ kind: 'user', id: alice.id }]), date, seq: 0 });
  await until(() => got.length >= 1, 4000, 'album');
  await within(bot.updatesIdle(), 4000, 'idle');
  assert.is(got.length, 1);
  const album = got[0]!;
  assert.is(album.kind, 'album');
  if (album.kind !== 'album') return;
  assert.equal(
    album.messages.map((m) => m.id),
    [9000, 9001],
  );
  assert.is(album.text, 'caption');
  assert.is(album.chat.id, alice.id);
  assert.is(album.groupedId, 4242n);
  dp.unbind();
});

test('conversation: an answer sent while the handler is busy is not lost; waitRead returns once the user read the message', async () => {
  const dp = dispatcherFor(bot);
  const results: string[] = [];
  const Pick = CallbackData('pick', { n: 'number' });
  dp.onNewMessage(command('order'), async (msg) => {
    const conv = conversation(dp, msg, { timeoutMs: 4000 });
    try {
      const size = await conv.ask('size?');
      await new Promise((r) => setTimeout(r, 150)); // busy: the next answer arrives meanwhile
      const color = await conv.waitResponse();
      const done = await msg.answer(`${size.text}/${color.text}`);
      const read = await conv.waitRead(done.id);
      results.push(`${size.text}/${color.text} read ${read.kind}`);
    } finally {
      conv.close();
    }
  });
  const others: string[] = [];
  dp.onNewMessage((m) => void others.push(m.text));
  dp.onCallbackQuery(Pick.filter(), () => {});
  await within(bot.updatesIdle(), 4000, 'idle');
  await alice.sendMessage(botUser, '/order');
  await alice.waitForMessage({ from: botUser, text: 'size?', timeoutMs: 4000 });
  await alice.sendMessage(botUser, 'XL');
  await alice.sendMessage(botUser, 'blue'); // before the handler waits again
  await alice.waitForMessage({ from: botUser, text: 'XL/blue', timeoutMs: 4000 });
  await alice.readHistory(botUser);
  await until(() => results.length === 1, 4000, 'read receipt');
  assert.equal(results, ['XL/blue read raw']);
  assert.equal(others, [], 'the answers reached no other handler');
  dp.unbind();
});

test('ParticipantUpdate from the server itself: the bot is promoted in a supergroup, then a member is banned (updateChannelParticipant with qts)', async () => {
  const bob = world.user({ firstName: 'Bob' });
  const group = await bob.createChannel('admins', { username: 'admins_grp' });
  await bob.addToChat(group, [botUser, alice]);
  const dp = dispatcherFor(bot);
  const seen: string[] = [];
  dp.onParticipantUpdate(
    (u) =>
      void seen.push(
        `${u.change} ${u.userId === botUser.id ? 'bot' : u.userId === alice.id ? 'alice' : u.userId} by ${u.actorId === bob.id ? 'bob' : u.actorId}`,
      ),
  );
  await within(bot.updatesIdle(), 4000, 'idle');
  await bob.invoke({
    _: 'channels.editAdmin',
    channel: bob.inputChannel(group),
    user_id: bob.inputUser(botUser),
    admin_rights: { _: 'chatAdminRights', ban_users: true, delete_messages: true },
    rank: '',
  });
  await until(() => seen.length >= 1, 4000, 'promotion');
  await bob.invoke({
    _: 'channels.editBanned',
    channel: bob.inputChannel(group),
    participant: bob.inputPeer(alice),
    banned_rights: { _: 'chatBannedRights', view_messages: true, until_date: 0 },
  });
  await until(() => seen.length >= 2, 4000, 'ban');
  assert.equal(seen, ['promoted bot by bob', 'banned alice by bob']);
  dp.unbind();
});

test.run();
