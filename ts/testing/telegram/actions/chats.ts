/**
 * Creating groups and channels and changing who is in them
 * (https://core.telegram.org/api/channel): each change posts the service
 * message Telegram posts (chat created, users added, user left) and pushes
 * `updateChannel` to channel members whose view of the channel changed.
 */
import type { MessageAction, Update, Updates } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import type { BannedRecord, ChatKind, ChatRecord } from '../store/chat-store.js';
import type { PeerRef } from '../store/peer-ref.js';
import type { UpdateSubscriber } from '../update-hub.js';
import { container, push } from './deliver.js';
import { type Posted, postMessage } from './post.js';

/** The ref of a chat record. */
function chatRef(c: ChatRecord): PeerRef {
  return { kind: c.kind === 'group' ? 'chat' : 'channel', id: c.id };
}

/** The creator's answer: an `updates` with the service message (and `updateChannel` for channels). */
function answer(b: TelegramBackend, actor: bigint, c: ChatRecord, posted: Posted | undefined, extra: Update[] = []): Updates.updates {
  const list: Update[] = [...extra];
  if (posted) list.push(posted.update);
  return container(b, actor, list, [chatRef(c), { kind: 'user', id: actor }, ...(posted?.refs ?? [])]);
}

/** Creates a basic group with `members` (besides the creator); every member gets the `messageActionChatCreate` message. */
export function createGroup(
  b: TelegramBackend,
  actor: bigint,
  title: string,
  members: bigint[],
  except?: UpdateSubscriber,
): { chat: ChatRecord; updates: Updates.updates } {
  const now = b.now();
  const chat = b.chats.create({ kind: 'group', title, creatorId: actor, date: now });
  for (const m of members) b.chats.addMember(chat, m, actor, now);
  const posted = postMessage(b, {
    actor,
    to: chatRef(chat),
    text: '',
    action: { _: 'messageActionChatCreate', title, users: [...chat.members.keys()] },
    except,
  });
  return { chat, updates: answer(b, actor, chat, posted) };
}

/** Creates a supergroup or broadcast channel; its first message (id 1) is `messageActionChannelCreate`. */
export function createChannel(
  b: TelegramBackend,
  actor: bigint,
  kind: Exclude<ChatKind, 'group'>,
  title: string,
  about: string,
  username: string | undefined,
  except?: UpdateSubscriber,
): { chat: ChatRecord; updates: Updates.updates } {
  const chat = b.chats.create({ kind, title, about, creatorId: actor, date: b.now(), ...(username !== undefined && { username }) });
  const posted = postMessage(b, { actor, to: chatRef(chat), text: '', action: { _: 'messageActionChannelCreate', title }, except });
  return { chat, updates: answer(b, actor, chat, posted, [{ _: 'updateChannel', channel_id: chat.id }]) };
}

/**
 * Adds users to a group or channel (those already in are skipped) and
 * returns the actor's `updates`. Basic groups and supergroups get a
 * `messageActionChatAddUser` message (or "joined" when a user adds
 * themselves); broadcast channels post nothing.
 */
export function addMembers(
  b: TelegramBackend,
  actor: bigint,
  chat: ChatRecord,
  users: bigint[],
  except?: UpdateSubscriber,
  /** The service message of a user who joined by themselves (default: joined by the creator's link). */
  joinAction?: MessageAction,
): Updates.updates {
  const now = b.now();
  const added = users.filter((u) => b.chats.addMember(chat, u, actor, now));
  const ref = chatRef(chat);
  const extra: Update[] = [];
  if (chat.kind !== 'group') {
    extra.push({ _: 'updateChannel', channel_id: chat.id });
    for (const u of added) if (u !== actor) push(b, u, container(b, u, [{ _: 'updateChannel', channel_id: chat.id }], [ref]), undefined);
  }
  if (added.length === 0 || chat.kind === 'broadcast') {
    for (const u of added) b.dialogs.ensure(u, ref, now);
    return answer(b, actor, chat, undefined, extra);
  }
  const posted = postMessage(b, {
    actor,
    to: ref,
    text: '',
    action:
      added.length === 1 && added[0] === actor
        ? (joinAction ?? { _: 'messageActionChatJoinedByLink', inviter_id: chat.creatorId })
        : { _: 'messageActionChatAddUser', users: added },
    except,
  });
  return answer(b, actor, chat, posted, extra);
}

/**
 * Removes `userId` from a chat (leaving, or being removed by `actor`). Groups
 * and supergroups get a `messageActionChatDeleteUser` message first (the
 * leaver sees it too); the leaver's dialog goes away for channels.
 */
export function removeMember(
  b: TelegramBackend,
  actor: bigint,
  chat: ChatRecord,
  userId: bigint,
  except?: UpdateSubscriber,
): Updates.updates {
  const ref = chatRef(chat);
  let posted: Posted | undefined;
  if (chat.kind !== 'broadcast') {
    posted = postMessage(b, { actor, to: ref, text: '', action: { _: 'messageActionChatDeleteUser', user_id: userId }, except });
  }
  b.chats.removeMember(chat, userId);
  const extra: Update[] = [];
  if (chat.kind !== 'group') {
    b.dialogs.remove(userId, ref);
    extra.push({ _: 'updateChannel', channel_id: chat.id });
    if (actor !== userId) push(b, userId, container(b, userId, extra, [ref]), undefined);
  }
  return answer(b, actor, chat, posted, extra);
}

/**
 * Posts a service message about a change of the chat itself (new title,
 * photo) by `actor` and returns the actor's `updates`; channels also get
 * `updateChannel` on every member's sessions, as their `channel` object changed.
 */
export function postChatChange(
  b: TelegramBackend,
  actor: bigint,
  chat: ChatRecord,
  action: MessageAction,
  except?: UpdateSubscriber,
): Updates.updates {
  const ref = chatRef(chat);
  const posted = postMessage(b, { actor, to: ref, text: '', action, except });
  const extra: Update[] = chat.kind === 'group' ? [] : [{ _: 'updateChannel', channel_id: chat.id }];
  if (chat.kind !== 'group')
    for (const u of chat.members.keys())
      if (u !== actor) push(b, u, container(b, u, [{ _: 'updateChannel', channel_id: chat.id }], [ref]), undefined);
  return answer(b, actor, chat, posted, extra);
}

/**
 * Bans `userId` from a supergroup or channel (`channels.editBanned` with
 * `view_messages`): they leave (supergroups get the "removed" service
 * message), cannot rejoin until unbanned, and their dialog goes away.
 */
export function banFromChannel(
  b: TelegramBackend,
  actor: bigint,
  chat: ChatRecord,
  userId: bigint,
  rights: BannedRecord['rights'],
  except?: UpdateSubscriber,
): Updates.updates {
  const wasMember = chat.members.has(userId);
  chat.banned?.set(userId, { userId, rights, kickedBy: actor, date: b.now() });
  if (!wasMember) return answer(b, actor, chat, undefined, [{ _: 'updateChannel', channel_id: chat.id }]);
  return removeMember(b, actor, chat, userId, except);
}
