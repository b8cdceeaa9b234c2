/**
 * Posting a message (text, forward or service message) into a chat: one
 * copy per box that holds the chat (both accounts of a private chat, every
 * member of a basic group, the channel's own box), a pts step for each
 * account box (or one for the channel), dialogs moved to the top, and the
 * updates pushed to every session of every member
 * (https://core.telegram.org/api/updates).
 */
import type { MessageAction, MessageEntity, ReplyMarkup, Update, Updates } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import { isThreadPost, recentRepliers, threadOf } from '../store/discussion-store.js';
import type { ForwardInfo, Mailbox, MessageLink, StoredMessage } from '../store/mailbox.js';
import type { PeerRef } from '../store/peer-ref.js';
import { toFwdHeader } from '../tl-message.js';
import type { UpdateSubscriber } from '../update-hub.js';
import { announceChannelMessage } from './channel-announce.js';
import { container, push } from './deliver.js';
import { announceReplies, announceThread, joinThread, startThread } from './discussion.js';

/** What to post. */
export interface PostInput {
  /** The author. */
  readonly actor: bigint;
  /** The chat, as the author names it (a user for private chats, themselves for Saved Messages). */
  readonly to: PeerRef;
  readonly text: string;
  readonly entities?: MessageEntity[] | undefined;
  /** Id, in the author's view of the chat, of the message replied to (must exist). */
  readonly replyToId?: number | undefined;
  readonly silent?: boolean;
  readonly noWebpage?: boolean;
  readonly fwd?: ForwardInfo | undefined;
  readonly action?: MessageAction | undefined;
  /** A photo or document (methods/media-store.ts), or another media kind (poll, dice, geo, contact). */
  readonly media?: StoredMessage['media'];
  /** The album id shared by the messages of one `messages.sendMultiMedia`. */
  readonly groupedId?: bigint | undefined;
  /** Buttons (checked by methods/bots-markup.ts). */
  readonly replyMarkup?: ReplyMarkup | undefined;
  /** The inline bot the message came through. */
  readonly viaBotId?: bigint | undefined;
  /** The peer it is sent as (`send_as`, checked by methods/send-as.ts). */
  readonly sendAs?: PeerRef | undefined;
  /** The forum topic (methods/forum-place.ts). */
  readonly topicId?: number | undefined;
  /** The session that asked: it gets the result instead of a push. */
  readonly except?: UpdateSubscriber | undefined;
  /** Members who get no copy (e.g. nobody: reserved for service messages about a member who is gone). */
  readonly skip?: ReadonlySet<bigint>;
}

/** The author's copy and the update the author's account got for it. */
export interface Posted {
  /** The author's copy (the channel's copy for channels). */
  readonly copy: StoredMessage;
  /** `updateNewMessage` / `updateNewChannelMessage` as the author sees it. */
  readonly update: Update;
  /** Peers the message mentions (for `users` / `chats` of answers). */
  readonly refs: PeerRef[];
}

/** Peers a message mentions: its chat, author, forward source and the users of a service action. */
export function messageRefs(m: StoredMessage): PeerRef[] {
  const refs: PeerRef[] = [m.peer];
  if (m.fromId !== undefined) refs.push({ kind: 'user', id: m.fromId });
  if (m.fwd) refs.push(m.fwd.from);
  if (m.viaBotId !== undefined) refs.push({ kind: 'user', id: m.viaBotId });
  if (m.sendAs) refs.push(m.sendAs);
  const thread = threadOf(m.link);
  if (thread && isThreadPost(thread, m)) refs.push({ kind: 'channel', id: thread.groupId }, ...recentRepliers(thread));
  const a = m.action;
  if (a && 'users' in a) for (const id of a.users) refs.push({ kind: 'user', id });
  if (a?._ === 'messageActionChatDeleteUser') refs.push({ kind: 'user', id: a.user_id });
  return refs;
}

/** The chat as `owner` sees it: private chats are named by the other account. */
function viewOf(actor: bigint, to: PeerRef, owner: bigint): PeerRef {
  return to.kind === 'user' && owner !== actor ? { kind: 'user', id: actor } : to;
}

/** The short form of a new private or basic-group message (`updateShortMessage` / `updateShortChatMessage`). */
function shortForm(m: StoredMessage, owner: bigint, pts: number, ptsCount: number): Updates {
  const common = {
    id: m.id,
    message: m.text,
    pts,
    pts_count: ptsCount,
    date: m.date,
    ...(m.fromId === owner && { out: true as const }),
    ...(m.silent && { silent: true as const }),
    ...(m.fwd && { fwd_from: toFwdHeader(m) }),
    ...(m.replyToId !== undefined && { reply_to: { _: 'messageReplyHeader' as const, reply_to_msg_id: m.replyToId } }),
    ...(m.entities && m.entities.length > 0 && { entities: m.entities }),
  };
  return m.peer.kind === 'chat'
    ? { _: 'updateShortChatMessage', ...common, from_id: m.fromId!, chat_id: m.peer.id }
    : { _: 'updateShortMessage', ...common, user_id: m.peer.id };
}

/** Posts a message; see the module comment. The caller has checked the author may write there. */
export function postMessage(b: TelegramBackend, input: PostInput): Posted {
  const now = b.now();
  const link: MessageLink = { copies: [] };
  const { actor, to } = input;

  // Where the copies go.
  let boxes: Mailbox[];
  if (to.kind === 'channel') boxes = [b.messages.channel(to.id)];
  else if (to.kind === 'chat') {
    const chat = b.chats.group(to.id)!;
    boxes = [...chat.members.keys()].filter((id) => !input.skip?.has(id)).map((id) => b.messages.account(id));
  } else boxes = to.id === actor ? [b.messages.account(actor)] : [b.messages.account(actor), b.messages.account(to.id)];

  const replied = input.replyToId === undefined ? undefined : b.messages.boxFor(actor, to).get(input.replyToId);
  const copies: StoredMessage[] = [];
  for (const box of boxes) {
    const peer = box.ref.kind === 'channel' ? to : viewOf(actor, to, box.ref.id);
    const replyToId = replied?.link.copies.find((c) => c.box === box.ref)?.id;
    copies.push(
      box.add(
        {
          peer,
          fromId: actor,
          date: now,
          text: input.text,
          entities: input.entities,
          replyToId,
          fwd: input.fwd,
          action: input.action,
          media: input.media,
          groupedId: input.groupedId,
          replyMarkup: input.replyMarkup,
          viaBotId: input.viaBotId,
          ...(input.sendAs && { sendAs: input.sendAs }),
          ...(input.topicId !== undefined && { topicId: input.topicId }),
          editDate: undefined,
          pinned: false,
          silent: input.silent ?? false,
          noWebpage: input.noWebpage ?? false,
          post: to.kind === 'channel' && b.chats.channel(to.id)?.kind === 'broadcast',
        },
        link,
      ),
    );
  }

  const refs = messageRefs(copies[0]!);
  if (to.kind === 'channel') {
    const copy = copies[0]!;
    // A post of a channel with a discussion group opens a comment thread there (https://core.telegram.org/api/discussion).
    const thread = input.action ? undefined : startThread(b, copy);
    const commented = thread ? undefined : joinThread(b, copy);
    const own = announceChannelMessage(b, copy, { actor, refs, except: input.except, skip: input.skip });
    if (thread) announceThread(b, thread);
    if (commented) announceReplies(b, commented);
    return { copy, update: own, refs };
  }

  let own: Update | undefined;
  for (const copy of copies) {
    const owner = copy.box.id;
    const hadDialog = b.dialogs.get(owner, copy.peer) !== undefined;
    const d = b.dialogs.ensure(owner, copy.peer, now);
    if (copy.fromId === owner && copy.peer.kind === 'user' && copy.peer.id === owner) d.readInboxMaxId = copy.id; // Saved Messages are read
    const u = b.updates.pushAccount(owner, 1, (pts, ptsCount) => ({
      _: 'updateNewMessage' as const,
      message: b.tlMessage(copy, owner),
      pts,
      pts_count: ptsCount,
    }));
    if (owner === actor) own = u;
    const updates =
      !copy.action && !copy.media && !copy.replyMarkup && copy.viaBotId === undefined && hadDialog
        ? shortForm(copy, owner, u.pts, u.pts_count)
        : container(b, owner, [u], messageRefs(copy));
    push(b, owner, updates, owner === actor ? input.except : undefined);
  }
  const ownCopy = copies.find((c) => c.box.id === actor) ?? copies[0]!;
  return { copy: ownCopy, update: own!, refs };
}
