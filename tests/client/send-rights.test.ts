/**
 * e2e: banned rights beyond `send_messages` (https://core.telegram.org/api/rights,
 * https://core.telegram.org/constructor/chatBannedRights) enforced by the
 * test server, each kind of message with the error Telegram gives: a
 * member's own restriction (until its `until_date`), the chat's default
 * banned rights (every member who is not an admin), `send_media` for every
 * media kind at once; admins are never restricted.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TelegramClient } from '../../ts/client/index.js';
import { type ChatRecord, ScriptedWorld, type ScriptedUser, TelegramBackend, type TestServer } from '../../ts/testing/index.js';
import { clientFor, collect, rpcError, startServer, within } from './_support.js';

let server: TestServer;
let world: ScriptedWorld;
/** Seconds added to the in-memory Telegram's clock (the MTProto layer keeps real time). */
let skew = 0;
let owner: ScriptedUser;
let bob: TelegramClient;
let bobUser: ScriptedUser;
let admin: TelegramClient;
let group: ChatRecord;
let chat: number;

function png(w: number, h: number): Uint8Array {
  const out = new Uint8Array(24 + 600).map((_, i) => (i * 7) & 0xff);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(out.buffer).setUint32(16, w);
  new DataView(out.buffer).setUint32(20, h);
  return out;
}
const doc = (attributes: Parameters<TelegramClient['sendMedia']>[1]['attributes']) => ({
  document: new Uint8Array(700).fill(5),
  attributes,
});

/** Every kind of message Bob can try, by the right it needs. */
const KINDS: Record<string, (c: TelegramClient) => Promise<unknown>> = {
  send_plain: (c) => c.sendMessage(chat, 'hello'),
  location: (c) => c.sendLocation(chat, { latitude: 52.5, longitude: 13.4 }),
  contact: (c) => c.sendContact(chat, { phone: '+99966', firstName: 'Zed' }),
  send_photos: (c) => c.sendMedia(chat, { photo: png(40, 30) }),
  send_videos: (c) => c.sendMedia(chat, doc({ video: { duration: 1, width: 2, height: 2 } })),
  send_roundvideos: (c) => c.sendMedia(chat, doc({ video: { duration: 1, width: 2, height: 2, round: true } })),
  send_audios: (c) => c.sendMedia(chat, doc({ audio: { duration: 1 } })),
  send_voices: (c) => c.sendMedia(chat, doc({ voice: { duration: 1 } })),
  send_docs: (c) => c.sendMedia(chat, doc({ fileName: 'a.pdf' })),
  send_stickers: (c) => c.sendMedia(chat, doc({ sticker: { alt: '🙂' } })),
  dice: (c) => c.sendDice(chat),
  send_gifs: (c) => c.sendMedia(chat, doc({ animated: true, video: { duration: 1, width: 2, height: 2 } })),
  send_polls: (c) => c.sendPoll(chat, { question: 'Q?', answers: ['a', 'b'] }),
};

/** The error each kind gets when its right is banned (the rights of location, contact and dice in brackets). */
const ERRORS: Record<string, [string, string]> = {
  send_plain: ['send_plain', 'CHAT_SEND_PLAIN_FORBIDDEN'],
  location: ['send_plain', 'CHAT_SEND_PLAIN_FORBIDDEN'],
  contact: ['send_plain', 'CHAT_SEND_PLAIN_FORBIDDEN'],
  send_photos: ['send_photos', 'CHAT_SEND_PHOTOS_FORBIDDEN'],
  send_videos: ['send_videos', 'CHAT_SEND_VIDEOS_FORBIDDEN'],
  send_roundvideos: ['send_roundvideos', 'CHAT_SEND_ROUNDVIDEOS_FORBIDDEN'],
  send_audios: ['send_audios', 'CHAT_SEND_AUDIOS_FORBIDDEN'],
  send_voices: ['send_voices', 'CHAT_SEND_VOICES_FORBIDDEN'],
  send_docs: ['send_docs', 'CHAT_SEND_DOCS_FORBIDDEN'],
  send_stickers: ['send_stickers', 'CHAT_SEND_STICKERS_FORBIDDEN'],
  dice: ['send_stickers', 'CHAT_SEND_STICKERS_FORBIDDEN'],
  send_gifs: ['send_gifs', 'CHAT_SEND_GIFS_FORBIDDEN'],
  send_polls: ['send_polls', 'CHAT_SEND_POLL_FORBIDDEN'],
};

/** What each kind gives now for `c`: 'ok' or the RPC error's name. */
async function outcome(c: TelegramClient, kind: string): Promise<string> {
  try {
    await KINDS[kind]!(c);
    return 'ok';
  } catch (e) {
    return (e as { text?: string }).text ?? String(e);
  }
}

function restrict(user: ScriptedUser | bigint, rights: Record<string, boolean>, untilDate = 0) {
  const u = typeof user === 'bigint' ? world.backend.users.get(user)! : user;
  return owner.invoke({
    _: 'channels.editBanned',
    channel: owner.inputChannel(group),
    participant: owner.inputPeer(u),
    banned_rights: { _: 'chatBannedRights', until_date: untilDate, ...rights },
  });
}
function defaults(rights: Record<string, boolean>) {
  return owner.invoke({
    _: 'messages.editChatDefaultBannedRights',
    peer: owner.inputPeer(group),
    banned_rights: { _: 'chatBannedRights', until_date: 0, ...rights },
  });
}

test.before(async () => {
  const backend = new TelegramBackend({ dcCount: 3, now: () => Math.floor(Date.now() / 1000) + skew });
  server = await startServer({ backend });
  world = new ScriptedWorld(server.backend);
  owner = world.user({ firstName: 'Olga' });
  bobUser = world.user({ firstName: 'Bob', username: 'bob_rights' });
  const adminUser = world.user({ firstName: 'Ada', username: 'ada_rights' });
  group = await owner.createChannel('Rights');
  await owner.addToChat(group, [bobUser, adminUser]);
  await owner.invoke({
    _: 'channels.editAdmin',
    channel: owner.inputChannel(group),
    user_id: owner.inputUser(adminUser),
    admin_rights: { _: 'chatAdminRights', delete_messages: true },
    rank: '',
  });
  chat = -(1_000_000_000_000 + Number(group.id));
  bob = await clientFor(server);
  await within(bob.start({ phone: bobUser.user.phone!, code: server.backend.loginCode(bobUser.user.phone!) }), 8000, 'login');
  admin = await clientFor(server);
  await within(admin.start({ phone: adminUser.user.phone!, code: server.backend.loginCode(adminUser.user.phone!) }), 8000, 'login');
  // The group goes into each client's peer cache, so the Bot API-style id resolves.
  await collect(bob.iterDialogs());
  await collect(admin.iterDialogs());
});
test.after(async () => {
  await bob.close();
  await admin.close();
  world.close();
  await server.stop();
});

test('one right banned at a time (own restriction): only that kind is refused, with its error', async () => {
  for (const [kind, [right, error]] of Object.entries(ERRORS)) {
    await restrict(bobUser, { [right]: true });
    assert.is(await outcome(bob, kind), error, kind);
    const other = right === 'send_plain' ? 'send_docs' : 'send_plain';
    assert.is(await outcome(bob, other), 'ok', `${other} while ${right} is banned`);
  }
  await restrict(bobUser, {});
});

test('send_media bans every media kind at once (CHAT_SEND_MEDIA_FORBIDDEN); text, location and contact still go', async () => {
  await restrict(bobUser, { send_media: true });
  for (const kind of Object.keys(KINDS)) {
    const plain = kind === 'send_plain' || kind === 'location' || kind === 'contact';
    assert.is(await outcome(bob, kind), plain ? 'ok' : 'CHAT_SEND_MEDIA_FORBIDDEN', kind);
  }
  await restrict(bobUser, {});
});

test("the chat's default banned rights hold for members, not for admins", async () => {
  await defaults({ send_polls: true, send_stickers: true });
  assert.is(await outcome(bob, 'send_polls'), 'CHAT_SEND_POLL_FORBIDDEN');
  assert.is(await outcome(bob, 'dice'), 'CHAT_SEND_STICKERS_FORBIDDEN');
  assert.is(await outcome(admin, 'send_polls'), 'ok', 'an admin');
  assert.is(await outcome(admin, 'send_stickers'), 'ok', 'an admin');
  assert.is(await outcome(bob, 'send_photos'), 'ok');
  await defaults({});
  assert.is(await outcome(bob, 'send_polls'), 'ok');
});

test('until_date: a restriction ends when its date passes', async () => {
  const now = Math.floor(Date.now() / 1000) + skew;
  await restrict(bobUser, { send_photos: true }, now + 3600);
  assert.is(await outcome(bob, 'send_photos'), 'CHAT_SEND_PHOTOS_FORBIDDEN');
  skew += 3601;
  assert.is(await outcome(bob, 'send_photos'), 'ok', 'an hour later');
});

test('inline results (send_inline) and forwards (the kind of each forwarded message)', async () => {
  await restrict(bobUser, { send_inline: true, send_photos: true });
  // The right is checked before the result is looked up: no bot needs to answer for this refusal.
  const sent = await rpcError(
    bob.invoke({
      _: 'messages.sendInlineBotResult',
      peer: {
        _: 'inputPeerChannel',
        channel_id: group.id,
        access_hash: server.backend.accessHash(bobUser.id, { kind: 'channel', id: group.id }),
      },
      query_id: 1n,
      id: 'x',
      random_id: 7n,
    }),
  );
  assert.is(sent, 'CHAT_SEND_INLINE_FORBIDDEN');
  const photo = await bob.sendMedia('me', { photo: png(20, 20) });
  const note = await bob.sendMessage('me', 'a note');
  assert.is(await rpcError(bob.forwardMessages(chat, 'me', [note.id, photo.id])), 'CHAT_SEND_PHOTOS_FORBIDDEN');
  assert.not.ok(
    server.backend.messages
      .channel(group.id)
      .idsOf({ kind: 'channel', id: group.id })
      .some((id) => server.backend.messages.channel(group.id).get(id)?.text === 'a note'),
    'nothing half forwarded',
  );
  assert.equal(
    (await bob.forwardMessages(chat, 'me', [note.id])).map((m) => m.text),
    ['a note'],
  );
  await restrict(bobUser, {});
});

test.run();
