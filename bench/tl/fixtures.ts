/**
 * The four payloads of the TL benchmark (issue 3), as wasmgram plain objects
 * built from a seeded generator, so every process of a run — and every run —
 * works on the same data. Pure data: no codec is imported here, so a peer's
 * worker process loads nothing of wasmgram's.
 *
 * - `send-message`: a `messages.sendMessage` request, 200-character text, 4 entities.
 * - `history-100`: a `messages.messages` result: 100 messages (~100-character
 *   texts, 1–3 entities each, every second one with a reply header) and 20 users.
 * - `upload-file-512k`: an `upload.file` with 512 KiB of bytes.
 * - `container-20`: an MTProto `msg_container` of 20 `rpc_result`s with small
 *   results (affected messages/history, updates.state, updateShortSentMessage).
 *   The `bytes` field of each `message` is left 0 here: it is the length of the
 *   serialized body, which the caller's codec fills in (`containerWithSizes`).
 */
import { SeededRandom } from '../lib/rng.js';

export const CASES = ['send-message', 'history-100', 'upload-file-512k', 'container-20'] as const;
export type CaseName = (typeof CASES)[number];

export const FILE_SIZE = 512 * 1024;

// Words with Cyrillic so texts have multi-byte UTF-8 like real chats. No emoji:
// cutting a text to an exact length must not split a surrogate pair.
const WORDS = (
  'the quick brown fox jumps over a lazy dog while telegram delivers messages fast ' +
  'привет мир как дела see you tomorrow at the station ok thanks let me check the docs first'
).split(' ');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any> & { _: string };

/** A text of exactly `length` UTF-16 units made of whole words (the last one cut). */
function text(r: SeededRandom, length: number): string {
  let s = '';
  while (s.length < length) s += (s ? ' ' : '') + WORDS[r.u32() % WORDS.length]!;
  return s.slice(0, length);
}

const signed64 = (r: SeededRandom) => BigInt.asIntN(64, (BigInt(r.u32()) << 32n) | BigInt(r.u32()));

/** (a) `messages.sendMessage` with a 200-character text and entities. */
export function sendMessage(): Obj {
  const r = new SeededRandom(3001);
  return {
    _: 'messages.sendMessage',
    no_webpage: true,
    peer: { _: 'inputPeerUser', user_id: 1_000_000_007n, access_hash: signed64(r) },
    message: text(r, 200),
    random_id: signed64(r),
    entities: [
      { _: 'messageEntityBold', offset: 0, length: 9 },
      { _: 'messageEntityItalic', offset: 20, length: 14 },
      { _: 'messageEntityTextUrl', offset: 60, length: 16, url: 'https://core.telegram.org/mtproto' },
      { _: 'messageEntityCode', offset: 150, length: 30 },
    ],
  };
}

/** (b) `messages.messages` with 100 messages and 20 users (a group chat's history page). */
export function history(messages = 100, users = 20): Obj {
  const r = new SeededRandom(3002);
  const userId = (i: number) => 1_000_000_000n + BigInt(i);
  const user = (i: number): Obj => ({
    _: 'user',
    contact: i % 3 === 0,
    mutual_contact: i % 6 === 0,
    premium: i % 5 === 0,
    id: userId(i),
    access_hash: signed64(r),
    first_name: `${WORDS[r.u32() % WORDS.length]} ${i}`,
    last_name: i % 2 ? 'Example' : undefined,
    username: `user_${i}_${r.u32() % 10_000}`,
    phone: i % 4 === 0 ? `99966${String(1000 + i).padStart(5, '0')}` : undefined,
    photo: { _: 'userProfilePhoto', has_video: false, photo_id: signed64(r), dc_id: 2 },
    status: { _: 'userStatusOffline', was_online: 1_700_000_000 + (r.u32() % 86_400) },
    lang_code: i % 2 ? 'en' : 'ru',
  });
  const entities = (len: number): Obj[] => {
    const out: Obj[] = [{ _: 'messageEntityBold', offset: 0, length: 6 }];
    const n = r.u32() % 3;
    if (n >= 1) out.push({ _: 'messageEntityTextUrl', offset: 20, length: 12, url: `https://example.com/p/${r.u32() % 100_000}` });
    if (n >= 2) out.push({ _: 'messageEntityItalic', offset: 40, length: Math.min(25, len - 40) });
    return out;
  };
  const message = (i: number): Obj => {
    const len = 90 + (r.u32() % 21); // ~100 characters
    return {
      _: 'message',
      out: i % 5 === 0,
      id: 70_000 + i,
      from_id: { _: 'peerUser', user_id: userId(r.u32() % users) },
      peer_id: { _: 'peerChat', chat_id: 4_000_000_001n },
      reply_to: i % 2 === 1 ? { _: 'messageReplyHeader', reply_to_msg_id: 70_000 + i - 1 - (r.u32() % Math.min(i, 8)) } : undefined,
      date: 1_700_000_000 + i * 37,
      message: text(r, len),
      entities: entities(len),
      edit_date: i % 9 === 0 ? 1_700_000_000 + i * 37 + 60 : undefined,
    };
  };
  return {
    _: 'messages.messages',
    messages: Array.from({ length: messages }, (_, i) => message(messages - 1 - i)),
    topics: [],
    chats: [],
    users: Array.from({ length: users }, (_, i) => user(i)),
  };
}

/** (c) `upload.file` carrying 512 KiB. */
export function uploadFile(size = FILE_SIZE): Obj {
  const r = new SeededRandom(3003);
  return { _: 'upload.file', type: { _: 'storage.filePartial' }, mtime: 1_700_000_123, bytes: r.bytes(size) };
}

/** The small results of the container, one per `rpc_result`, cycling through typical answers. */
function smallResult(r: SeededRandom, i: number): Obj {
  const pts = 120_000 + i * 3;
  switch (i % 5) {
    case 0:
      return { _: 'updateShortSentMessage', out: true, id: 70_100 + i, pts, pts_count: 1, date: 1_700_000_500 + i };
    case 1:
      return { _: 'messages.affectedMessages', pts, pts_count: 1 + (r.u32() % 3) };
    case 2:
      return { _: 'updates.state', pts, qts: 17, date: 1_700_000_500 + i, seq: 40 + i, unread_count: r.u32() % 50 };
    case 3:
      return { _: 'messages.affectedHistory', pts, pts_count: 2, offset: 0 };
    default:
      return { _: 'messages.affectedFoundMessages', pts, pts_count: 1, offset: 0, messages: [70_000 + i, 70_001 + i] };
  }
}

/** (d) `msg_container` of 20 `rpc_result`s (`bytes` = 0 until `containerWithSizes`). */
export function container(count = 20): Obj {
  const r = new SeededRandom(3004);
  const base = 0x6530_0000_0000_0001n; // server message ids are ≡ 1 (mod 4)
  return {
    _: 'msg_container',
    messages: Array.from({ length: count }, (_, i) => ({
      _: 'message',
      msg_id: base + BigInt(i) * 4n,
      seqno: 2 * i + 1,
      bytes: 0,
      body: { _: 'rpc_result', req_msg_id: 0x6530_0000_0000_1000n + BigInt(i) * 4n, result: smallResult(r, i) },
    })),
  };
}

export interface ContainerItem {
  msgId: bigint;
  seqno: number;
  reqMsgId: bigint;
  result: Obj;
}

/** The container's messages flattened, for libraries that frame containers by hand. */
export function containerItems(): ContainerItem[] {
  return (container().messages as Obj[]).map((m) => ({
    msgId: m.msg_id,
    seqno: m.seqno,
    reqMsgId: m.body.req_msg_id,
    result: m.body.result,
  }));
}

/** A copy of `c` with each `message.bytes` set to its body's serialized length (by `sizeOf`). */
export function containerWithSizes(c: Obj, sizeOf: (body: Obj) => number): Obj {
  return { ...c, messages: (c.messages as Obj[]).map((m) => ({ ...m, bytes: sizeOf(m.body as Obj) })) };
}

/**
 * What a client decodes first after connecting (the cold-load figure of a
 * serverless start, not a timed case): a `msg_container` of
 * `new_session_created` and the `rpc_result` of `help.getConfig` — a
 * `config` with five `dcOption`s (`bytes` = 0 until `containerWithSizes`).
 */
export function startupContainer(): Obj {
  const config = {
    _: 'config',
    this_dc: 2,
    dc_options: [1, 2, 3, 4, 5].map((id) => ({ _: 'dcOption', id, ip_address: `149.154.167.${40 + id}`, port: 443 })),
    date: 1_700_000_000,
    expires: 1_700_003_600,
    test_mode: false,
    dc_txt_domain_name: 'apv3.stel.com',
    chat_size_max: 200,
    megagroup_size_max: 200_000,
    forwarded_count_max: 100,
    online_update_period_ms: 210_000,
    offline_blur_timeout_ms: 5000,
    offline_idle_timeout_ms: 30_000,
    online_cloud_timeout_ms: 300_000,
    notify_cloud_delay_ms: 30_000,
    notify_default_delay_ms: 1500,
    push_chat_period_ms: 60_000,
    push_chat_limit: 2,
    edit_time_limit: 172_800,
    revoke_time_limit: 2_147_483_647,
    revoke_pm_time_limit: 2_147_483_647,
    rating_e_decay: 2_419_200,
    stickers_recent_limit: 200,
    channels_read_media_period: 604_800,
    call_receive_timeout_ms: 20_000,
    call_ring_timeout_ms: 90_000,
    call_connect_timeout_ms: 30_000,
    call_packet_timeout_ms: 10_000,
    me_url_prefix: 'https://t.me/',
    caption_length_max: 1024,
    message_length_max: 4096,
    webfile_dc_id: 4,
  };
  const first = 0x6530_0000_0000_1000n;
  return {
    _: 'msg_container',
    messages: [
      {
        _: 'message',
        msg_id: 0x6530_0000_0000_0001n,
        seqno: 1,
        bytes: 0,
        body: { _: 'new_session_created', first_msg_id: first, unique_id: 0x0badc0de_0000_0001n, server_salt: 0x1234_5678_9abc_def0n },
      },
      { _: 'message', msg_id: 0x6530_0000_0000_0005n, seqno: 3, bytes: 0, body: { _: 'rpc_result', req_msg_id: first, result: config } },
    ],
  };
}

/** The object of a case (the container without sizes). */
export function fixture(c: CaseName): Obj {
  switch (c) {
    case 'send-message':
      return sendMessage();
    case 'history-100':
      return history();
    case 'upload-file-512k':
      return uploadFile();
    case 'container-20':
      return container();
  }
}

/** True when the case is a request (decoded with `decodeRequest`), not a constructor. */
export const isRequest = (c: CaseName): boolean => c === 'send-message';
