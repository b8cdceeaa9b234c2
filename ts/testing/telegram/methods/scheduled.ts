/**
 * Scheduled messages (https://core.telegram.org/api/scheduled-messages):
 * `schedule_date` on `messages.sendMessage` / `sendMedia` / `sendMultiMedia`
 * stores the message in the author's scheduled list of the chat (its own
 * ids) and answers `updateNewScheduledMessage`; at its time — the backend's
 * clock, checked by a timer and by {@link ScheduledStore.deliverDue} — it is
 * posted like a new message and the author's sessions get
 * `updateDeleteScheduledMessages` with `sent_messages`.
 * `messages.getScheduledHistory`, `getScheduledMessages`,
 * `sendScheduledMessages` (post now) and `deleteScheduledMessages` manage the list.
 */
import { ArgumentError } from '../../../errors.js';
import type { InputPeer, Message, MessageEntity, messages, Update } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import { container, push } from '../actions/deliver.js';
import { postMessage } from '../actions/post.js';
import { caller, type MethodCall, type MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { StoredMessage } from '../store/mailbox.js';
import { type PeerRef, peerKey, tlPeer } from '../store/peer-ref.js';
import type { UpdateSubscriber } from '../update-hub.js';
import { checkReadable, checkWritable, resolvePeer } from './peers.js';

/** Most scheduled messages per chat (Telegram: 100, SCHEDULE_TOO_MUCH). */
const MAX_PER_CHAT = 100;
/** Latest schedule date: a year ahead (SCHEDULE_DATE_TOO_LATE). */
const MAX_AHEAD = 366 * 86400;

/** What a scheduled message will post. */
export interface ScheduledInput {
  readonly text: string;
  readonly entities?: MessageEntity[] | undefined;
  readonly media?: StoredMessage['media'];
  readonly silent?: boolean;
  readonly replyToId?: number | undefined;
  readonly groupedId?: bigint | undefined;
  /** The forum topic (methods/forum-place.ts) and the peer it is sent as (methods/send-as.ts). */
  readonly topicId?: number | undefined;
  readonly sendAs?: PeerRef | undefined;
}

/** One scheduled message. */
interface Scheduled extends ScheduledInput {
  readonly id: number;
  readonly owner: bigint;
  readonly peer: PeerRef;
  readonly date: number;
}

/** Every account's scheduled messages. */
export class ScheduledStore {
  private readonly byChat = new Map<string, Scheduled[]>();
  private nextId = new Map<bigint, number>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(private readonly backend: TelegramBackend) {}

  private key(owner: bigint, peer: PeerRef): string {
    return `${owner}/${peerKey(peer)}`;
  }

  /** The scheduled list of `owner` in chat `peer`, by date then id. */
  list(owner: bigint, peer: PeerRef): readonly Scheduled[] {
    return this.byChat.get(this.key(owner, peer)) ?? [];
  }

  /** Stores a scheduled message; returns it. */
  add(owner: bigint, peer: PeerRef, date: number, input: ScheduledInput): Scheduled {
    const key = this.key(owner, peer);
    let l = this.byChat.get(key);
    if (!l) this.byChat.set(key, (l = []));
    if (l.length >= MAX_PER_CHAT) throw badRequest('SCHEDULE_TOO_MUCH');
    const id = this.nextId.get(owner) ?? 1;
    this.nextId.set(owner, id + 1);
    const s: Scheduled = { ...input, id, owner, peer, date };
    l.push(s);
    l.sort((a, b) => a.date - b.date || a.id - b.id);
    this.arm();
    return s;
  }

  /** Removes scheduled messages `ids` of (`owner`, `peer`); returns those that existed. */
  take(owner: bigint, peer: PeerRef, ids: readonly number[]): Scheduled[] {
    const key = this.key(owner, peer);
    const l = this.byChat.get(key) ?? [];
    const want = new Set(ids);
    const out = l.filter((s) => want.has(s.id));
    const rest = l.filter((s) => !want.has(s.id));
    if (rest.length > 0) this.byChat.set(key, rest);
    else this.byChat.delete(key);
    return out;
  }

  /** Posts every scheduled message whose time has come (by the backend's clock); returns how many. */
  deliverDue(): number {
    const now = this.backend.now();
    let n = 0;
    for (const l of [...this.byChat.values()]) {
      for (const s of l.filter((x) => x.date <= now)) {
        this.take(s.owner, s.peer, [s.id]);
        postScheduled(this.backend, s, undefined);
        n++;
      }
    }
    this.arm();
    return n;
  }

  /** Sets the timer for the earliest scheduled message (wall-clock delay from the backend clock's view). */
  private arm(): void {
    let first = Number.POSITIVE_INFINITY;
    for (const l of this.byChat.values()) if (l[0] && l[0].date < first) first = l[0].date;
    if (first === this.timerAt) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = first;
    if (first === Number.POSITIVE_INFINITY) return;
    const ms = Math.max(0, (first - this.backend.now()) * 1000 + 20);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Number.POSITIVE_INFINITY;
        this.deliverDue();
      },
      Math.min(ms, 2 ** 31 - 1),
    );
    (this.timer as { unref?: () => void }).unref?.();
  }
}

/** The scheduled message as its author sees it (https://core.telegram.org/api/scheduled-messages). */
function tlScheduled(s: Scheduled): Message.message {
  const m: Message.message = {
    _: 'message',
    out: true,
    id: s.id,
    peer_id: tlPeer(s.peer),
    from_id: s.sendAs ? tlPeer(s.sendAs) : { _: 'peerUser', user_id: s.owner },
    date: s.date,
    message: s.text,
  };
  if (s.entities && s.entities.length > 0) m.entities = s.entities;
  if (s.media) m.media = s.media.toMessageMedia(s.owner);
  if (s.silent) m.silent = true;
  if (s.groupedId !== undefined) m.grouped_id = s.groupedId;
  if (s.replyToId !== undefined) m.reply_to = { _: 'messageReplyHeader', reply_to_msg_id: s.replyToId };
  if (s.topicId !== undefined) {
    m.reply_to = { _: 'messageReplyHeader', forum_topic: true, reply_to_msg_id: s.replyToId ?? s.topicId };
    if (s.replyToId !== undefined) m.reply_to.reply_to_top_id = s.topicId;
  }
  return m;
}

/** Posts `s` now; the author's sessions (but `except`) get updateDeleteScheduledMessages. Returns the author's updates. */
function postScheduled(b: TelegramBackend, s: Scheduled, except: UpdateSubscriber | undefined): Update[] {
  const posted = postMessage(b, {
    actor: s.owner,
    to: s.peer,
    text: s.text,
    entities: s.entities,
    media: s.media,
    silent: s.silent ?? false,
    replyToId: s.replyToId,
    groupedId: s.groupedId,
    topicId: s.topicId,
    sendAs: s.sendAs,
    except,
  });
  const del: Update = { _: 'updateDeleteScheduledMessages', peer: tlPeer(s.peer), messages: [s.id], sent_messages: [posted.copy.id] };
  push(b, s.owner, container(b, s.owner, [del], []), except);
  return [posted.update, del];
}

const stores = new WeakMap<TelegramBackend, ScheduledStore>();

/**
 * The scheduled messages of `backend`.
 *
 * @example
 * ```ts
 * // With an injected clock: move it past the schedule date, then deliver.
 * scheduledStore(server.backend).deliverDue();
 * ```
 */
export function scheduledStore(backend: TelegramBackend): ScheduledStore {
  let s = stores.get(backend);
  if (!s) stores.set(backend, (s = new ScheduledStore(backend)));
  return s;
}

/**
 * Schedules a message for `date` (after the checks Telegram makes) and
 * returns the answer: `updateMessageID` + `updateNewScheduledMessage`.
 */
export function scheduleMessage(
  call: MethodCall,
  peer: PeerRef,
  date: number,
  randomIds: readonly bigint[],
  inputs: readonly ScheduledInput[],
) {
  const me = call.self().id;
  if (!Number.isInteger(date) || date <= call.now) throw badRequest('SCHEDULE_DATE_INVALID');
  if (date > call.now + MAX_AHEAD) throw badRequest('SCHEDULE_DATE_TOO_LATE');
  if (randomIds.length !== inputs.length) throw new ArgumentError('one random_id per scheduled message');
  const store = scheduledStore(call.backend);
  const list: Update[] = [];
  inputs.forEach((input, i) => {
    const s = store.add(me, peer, date, input);
    list.push({ _: 'updateMessageID', id: s.id, random_id: randomIds[i]! }, { _: 'updateNewScheduledMessage', message: tlScheduled(s) });
  });
  const others = list.filter((u) => u._ === 'updateNewScheduledMessage');
  push(call.backend, me, container(call.backend, me, others, [peer]), caller(call));
  return container(call.backend, me, list, [peer, { kind: 'user', id: me }]);
}

/** The caller's scheduled messages in `input` (due ones delivered first), as `pick` selects them. */
function scheduledAnswer(call: MethodCall, input: InputPeer, pick: (list: Scheduled[]) => Scheduled[]): messages.Messages {
  const me = call.self().id;
  const peer = resolvePeer(call, input);
  checkReadable(call, peer);
  const store = scheduledStore(call.backend);
  store.deliverDue();
  const messages = pick([...store.list(me, peer)]).map(tlScheduled);
  return { _: 'messages.messages', messages, topics: [], ...call.backend.peerLists(me, [peer, { kind: 'user', id: me }]) };
}

/** `messages.getScheduledHistory`, `getScheduledMessages`, `sendScheduledMessages`, `deleteScheduledMessages`. */
export const scheduledMethods: MethodTable = {
  'messages.getScheduledHistory': {
    auth: true,
    run: (call, req) => scheduledAnswer(call, req.peer, (list) => list.reverse()), // newest schedule date first
  },
  'messages.getScheduledMessages': {
    auth: true,
    run(call, req) {
      const want = new Set(req.id);
      return scheduledAnswer(call, req.peer, (list) => list.filter((s) => want.has(s.id)));
    },
  },
  'messages.sendScheduledMessages': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkWritable(call, peer);
      const found = scheduledStore(call.backend).take(me, peer, req.id);
      if (found.length === 0) throw badRequest('MESSAGE_ID_INVALID');
      const list = found.flatMap((s) => postScheduled(call.backend, s, caller(call)));
      return container(call.backend, me, list, [peer, { kind: 'user', id: me }]);
    },
  },
  'messages.deleteScheduledMessages': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const found = scheduledStore(call.backend).take(me, peer, req.id);
      const u: Update = { _: 'updateDeleteScheduledMessages', peer: tlPeer(peer), messages: found.map((s) => s.id) };
      push(call.backend, me, container(call.backend, me, [u], []), caller(call));
      return container(call.backend, me, [u], [peer]);
    },
  },
};
