/**
 * Realistic TL payloads for the codec benchmarks, built as wasmgram objects:
 * a `messages.messages` history page (100 messages with entities and replies,
 * 20 users, 5 channels) and a `messages.sendMessage` request.
 */
import type { AnyRequest, AnyTlObject } from '../../ts/tl/generated/types.js';

function rng(seed: number) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

const WORDS = 'the quick brown fox jumps over a lazy dog while telegram delivers messages fast привет мир 👋'.split(' ');

export function historyPage(messages = 100, users = 20, channels = 5): AnyTlObject {
  const r = rng(42);
  const text = (n: number) => Array.from({ length: n }, () => WORDS[r() % WORDS.length]).join(' ');
  const user = (i: number) => ({
    _: 'user' as const,
    contact: i % 3 === 0,
    premium: i % 5 === 0,
    id: 1_000_000_000n + BigInt(i),
    access_hash: BigInt.asIntN(64, BigInt(r()) * 0x9e3779b97f4a7c15n),
    first_name: `User ${i}`,
    last_name: i % 2 ? 'Example' : undefined,
    username: `user_${i}`,
    phone: i % 4 === 0 ? `99966${String(i).padStart(5, '0')}` : undefined,
    photo: { _: 'userProfilePhoto' as const, has_video: false, photo_id: BigInt(r()) * 1000n, dc_id: 2 },
    status: { _: 'userStatusOffline' as const, was_online: 1_700_000_000 + i },
    lang_code: 'en',
  });
  const channel = (i: number) => ({
    _: 'channel' as const,
    megagroup: i % 2 === 0,
    id: 2_000_000_000n + BigInt(i),
    access_hash: BigInt.asIntN(64, BigInt(r()) * 0x9e3779b97f4a7c15n),
    title: `Channel ${i} ${text(3)}`,
    username: `channel_${i}`,
    photo: { _: 'chatPhotoEmpty' as const },
    date: 1_600_000_000 + i,
    participants_count: 1000 + i,
  });
  const message = (i: number) => {
    const body = text(12 + (r() % 20));
    return {
      _: 'message' as const,
      out: i % 4 === 0,
      id: 50_000 + i,
      from_id: { _: 'peerUser' as const, user_id: 1_000_000_000n + BigInt(i % users) },
      peer_id: { _: 'peerChannel' as const, channel_id: 2_000_000_000n },
      reply_to:
        i % 3 === 0
          ? { _: 'messageReplyHeader' as const, reply_to_msg_id: 50_000 + i - 1, quote: false, reply_to_scheduled: false, forum_topic: false }
          : undefined,
      date: 1_700_000_000 + i * 17,
      message: body,
      entities: [
        { _: 'messageEntityBold' as const, offset: 0, length: 4 },
        { _: 'messageEntityTextUrl' as const, offset: 5, length: 5, url: 'https://example.com/' + i },
      ],
      views: i % 2 ? 100 + i : undefined,
      forwards: i % 2 ? i : undefined,
      edit_date: i % 7 === 0 ? 1_700_000_100 + i : undefined,
    };
  };
  return {
    _: 'messages.channelMessages',
    inexact: false,
    pts: 12345,
    count: 10_000,
    offset_id_offset: 0,
    messages: Array.from({ length: messages }, (_, i) => message(i)),
    topics: [],
    chats: Array.from({ length: channels }, (_, i) => channel(i)),
    users: Array.from({ length: users }, (_, i) => user(i)),
  } as unknown as AnyTlObject;
}

export function sendMessageRequest(): AnyRequest {
  return {
    _: 'messages.sendMessage',
    silent: true,
    peer: { _: 'inputPeerChannel', channel_id: 2_000_000_000n, access_hash: -1234567890123456789n },
    message: 'Hello from wasmgram! Привет 👋 this is a typical chat message with some length.',
    random_id: 0x1234567890abcdefn,
    entities: [{ _: 'messageEntityBold', offset: 0, length: 5 }],
  };
}

/** A typical small server push: `updates` with one new channel message, its author and the channel. */
export function newMessageUpdate(): AnyTlObject {
  const page = historyPage(1, 1, 1) as unknown as { messages: unknown[]; users: unknown[]; chats: unknown[] };
  return {
    _: 'updates',
    updates: [{ _: 'updateNewChannelMessage', message: page.messages[0], pts: 100, pts_count: 1 }],
    users: page.users,
    chats: page.chats,
    date: 1_700_000_000,
    seq: 0,
  } as unknown as AnyTlObject;
}
