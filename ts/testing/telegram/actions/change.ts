/**
 * Changes to messages that already exist: edit, delete (for me / for
 * everyone), pin/unpin, read markers and drafts. Each produces the updates
 * Telegram sends (https://core.telegram.org/api/updates): account boxes get
 * a pts step per affected account, channels one step on the channel.
 */
import type { MessageEntity, Update } from '../../../tl/generated/types.js';
import type { TelegramBackend } from '../backend.js';
import type { DraftRecord } from '../store/dialog-store.js';
import { lowerBound, type StoredMessage } from '../store/mailbox.js';
import { type PeerRef, tlPeer } from '../store/peer-ref.js';
import type { UpdateSubscriber } from '../update-hub.js';
import { announceChannelEdit, container, push } from './deliver.js';
import { mirrorPostEdit } from './discussion.js';
import { messageRefs } from './post.js';

/** Copies of `m` that live in account boxes, by owner. */
function accountCopies(m: StoredMessage): StoredMessage[] {
  return m.link.copies.filter((c) => c.box.kind === 'account');
}

/** Sets new text/entities on every copy and sends `updateEditMessage` / `updateEditChannelMessage`; returns the author's update. */
export function editMessage(
  b: TelegramBackend,
  actor: bigint,
  m: StoredMessage,
  text: string,
  entities: MessageEntity[] | undefined,
  except: UpdateSubscriber | undefined,
): Update {
  const now = b.now();
  for (const c of m.link.copies) {
    c.text = text;
    c.entities = entities;
    c.editDate = now;
  }
  const refs = messageRefs(m);
  if (m.box.kind === 'channel') {
    const logged = announceChannelEdit(b, b.chats.channel(m.box.id)!, m, refs, actor, except);
    mirrorPostEdit(b, m);
    return logged;
  }
  let own: Update | undefined;
  for (const c of accountCopies(m)) {
    const owner = c.box.id;
    const u = b.updates.pushAccount(owner, 1, (pts, ptsCount) => ({
      _: 'updateEditMessage' as const,
      message: b.tlMessage(c, owner),
      pts,
      pts_count: ptsCount,
    }));
    if (owner === actor) own = u;
    push(b, owner, container(b, owner, [u], messageRefs(c)), owner === actor ? except : undefined);
  }
  return own!;
}

/**
 * Deletes messages of account boxes: the actor's copies, and with `revoke`
 * every other copy too. Returns the actor's `{ pts, pts_count }`.
 */
export function deleteAccountMessages(
  b: TelegramBackend,
  actor: bigint,
  found: StoredMessage[],
  revoke: boolean,
  except: UpdateSubscriber | undefined,
): { pts: number; pts_count: number } {
  const byOwner = new Map<bigint, number[]>();
  const note = (c: StoredMessage) => {
    let l = byOwner.get(c.box.id);
    if (!l) byOwner.set(c.box.id, (l = []));
    l.push(c.id);
  };
  for (const m of found) {
    const targets = revoke ? [...accountCopies(m)] : [m];
    for (const c of targets) {
      b.messages.account(c.box.id).delete(c.id);
      note(c);
    }
  }
  let own = { pts: b.updates.state(actor).pts, pts_count: 0 };
  for (const [owner, ids] of byOwner) {
    const u = b.updates.pushAccount(owner, ids.length, (pts, ptsCount) => ({
      _: 'updateDeleteMessages' as const,
      messages: ids,
      pts,
      pts_count: ptsCount,
    }));
    if (owner === actor) own = { pts: u.pts, pts_count: u.pts_count };
    push(b, owner, container(b, owner, [u], []), owner === actor ? except : undefined);
  }
  return own;
}

/** Deletes channel messages for everyone; returns the channel's `{ pts, pts_count }`. */
export function deleteChannelMessages(
  b: TelegramBackend,
  actor: bigint,
  channelId: bigint,
  found: StoredMessage[],
  except: UpdateSubscriber | undefined,
): { pts: number; pts_count: number } {
  const box = b.messages.channel(channelId);
  const ids = found.map((m) => m.id);
  if (ids.length === 0) return { pts: b.updates.channelLog(channelId).pts, pts_count: 0 };
  for (const id of ids) box.delete(id);
  const u = b.updates.pushChannel(channelId, ids.length, (pts, ptsCount) => ({
    _: 'updateDeleteChannelMessages' as const,
    channel_id: channelId,
    messages: ids,
    pts,
    pts_count: ptsCount,
  }));
  const chat = b.chats.channel(channelId)!;
  for (const member of chat.members.keys()) push(b, member, container(b, member, [u], []), member === actor ? except : undefined);
  return { pts: u.pts, pts_count: u.pts_count };
}

/** Pins or unpins `m` (every copy unless `oneSide`); returns the actor's update. */
export function pinMessage(
  b: TelegramBackend,
  actor: bigint,
  m: StoredMessage,
  pinned: boolean,
  oneSide: boolean,
  except: UpdateSubscriber | undefined,
): Update {
  if (m.box.kind === 'channel') {
    m.pinned = pinned;
    const chat = b.chats.channel(m.box.id)!;
    const u = b.updates.pushChannel(chat.id, 1, (pts, ptsCount) => ({
      _: 'updatePinnedChannelMessages' as const,
      ...(pinned && { pinned: true as const }),
      channel_id: chat.id,
      messages: [m.id],
      pts,
      pts_count: ptsCount,
    }));
    for (const member of chat.members.keys()) push(b, member, container(b, member, [u], [m.peer]), member === actor ? except : undefined);
    return u;
  }
  const copies = oneSide ? [m] : accountCopies(m);
  let own: Update | undefined;
  for (const c of copies) {
    c.pinned = pinned;
    const owner = c.box.id;
    const u = b.updates.pushAccount(owner, 1, (pts, ptsCount) => ({
      _: 'updatePinnedMessages' as const,
      ...(pinned && { pinned: true as const }),
      peer: tlPeer(c.peer),
      messages: [c.id],
      pts,
      pts_count: ptsCount,
    }));
    if (owner === actor) own = u;
    push(b, owner, container(b, owner, [u], [c.peer]), owner === actor ? except : undefined);
  }
  return own!;
}

/** Incoming messages of `viewer` in `peer` above `readMax` (the dialog's unread count). */
export function unreadCount(b: TelegramBackend, viewer: bigint, peer: PeerRef, readMax: number): number {
  const box = b.messages.boxFor(viewer, peer);
  const ids = box.idsOf(peer);
  let n = 0;
  for (let i = lowerBound(ids, readMax + 1); i < ids.length; i++) if (box.get(ids[i]!)?.fromId !== viewer) n++;
  return n;
}

/**
 * Marks `peer` read up to `maxId` (0: everything) for `actor`: the reader's
 * other sessions get `updateReadHistoryInbox` (or `updateReadChannelInbox`),
 * authors whose messages became read get `updateReadHistoryOutbox` (or
 * `updateReadChannelOutbox`). Returns the actor's `{ pts, pts_count }`
 * (pts_count 0 when nothing changed) — for channels, the channel's pts.
 */
export function readHistory(
  b: TelegramBackend,
  actor: bigint,
  peer: PeerRef,
  maxId: number,
  except: UpdateSubscriber | undefined,
): { pts: number; pts_count: number } {
  const now = b.now();
  const box = b.messages.boxFor(actor, peer);
  const top = box.top(peer)?.id ?? 0;
  const upTo = maxId <= 0 ? top : Math.min(maxId, top);
  const d = b.dialogs.ensure(actor, peer, now, false);
  const unchanged = { pts: peer.kind === 'channel' ? b.updates.channelLog(peer.id).pts : b.updates.state(actor).pts, pts_count: 0 };
  if (upTo <= d.readInboxMaxId) return unchanged;
  d.readInboxMaxId = upTo;
  d.unreadMark = false;
  const still = unreadCount(b, actor, peer, upTo);

  if (peer.kind === 'channel') {
    const chat = b.chats.channel(peer.id)!;
    const pts = b.updates.channelLog(peer.id).pts;
    push(
      b,
      actor,
      container(b, actor, [{ _: 'updateReadChannelInbox', channel_id: peer.id, max_id: upTo, still_unread_count: still, pts }], [peer]),
      except,
    );
    if (upTo > chat.readMaxId) {
      const ids = box.idsOf(peer);
      const authors = new Set<bigint>();
      for (let i = lowerBound(ids, chat.readMaxId + 1); i < ids.length && ids[i]! <= upTo; i++) {
        const from = box.get(ids[i]!)?.fromId;
        if (from !== undefined && from !== actor) authors.add(from);
      }
      chat.readMaxId = upTo;
      for (const a of authors)
        push(b, a, container(b, a, [{ _: 'updateReadChannelOutbox', channel_id: peer.id, max_id: upTo }], [peer]), undefined);
    }
    return { pts, pts_count: 0 };
  }

  const u = b.updates.pushAccount(actor, 1, (pts, ptsCount) => ({
    _: 'updateReadHistoryInbox' as const,
    peer: tlPeer(peer),
    max_id: upTo,
    still_unread_count: still,
    pts,
    pts_count: ptsCount,
  }));
  push(b, actor, container(b, actor, [u], [peer]), except);

  // Outbox markers: for each other account, its latest own message the actor has now read.
  const ids = box.idsOf(peer);
  const latestOf = new Map<bigint, number>();
  for (let i = lowerBound(ids, upTo + 1) - 1; i >= 0; i--) {
    const m = box.get(ids[i]!)!;
    for (const c of m.link.copies) {
      if (c.box.kind !== 'account' || c.box.id === actor || c.fromId !== c.box.id) continue;
      if (!latestOf.has(c.box.id)) latestOf.set(c.box.id, c.id);
    }
    if (peer.kind === 'user' || latestOf.size >= (b.chats.group(peer.id)?.members.size ?? 1) - 1) break;
  }
  for (const [owner, id] of latestOf) {
    const view: PeerRef = peer.kind === 'user' ? { kind: 'user', id: actor } : peer;
    const od = b.dialogs.ensure(owner, view, now, false);
    if (id <= od.readOutboxMaxId) continue;
    od.readOutboxMaxId = id;
    const ou = b.updates.pushAccount(owner, 1, (pts, ptsCount) => ({
      _: 'updateReadHistoryOutbox' as const,
      peer: tlPeer(view),
      max_id: id,
      pts,
      pts_count: ptsCount,
    }));
    push(b, owner, container(b, owner, [ou], [view]), undefined);
  }
  return { pts: u.pts, pts_count: u.pts_count };
}

/** Saves (or with empty text and no reply, clears) a draft; the actor's other sessions get `updateDraftMessage`. */
export function saveDraft(
  b: TelegramBackend,
  actor: bigint,
  peer: PeerRef,
  draft: Omit<DraftRecord, 'date'>,
  except: UpdateSubscriber | undefined,
): void {
  const now = b.now();
  const clear = draft.text === '' && draft.replyToId === undefined;
  const d = b.dialogs.ensure(actor, peer, now, !clear);
  d.draft = clear ? undefined : { ...draft, date: now };
  push(b, actor, container(b, actor, [{ _: 'updateDraftMessage', peer: tlPeer(peer), draft: toTlDraft(d.draft, now) }], [peer]), except);
}

/** The TL `DraftMessage` of a stored draft (`draftMessageEmpty` when none). */
export function toTlDraft(d: DraftRecord | undefined, now: number) {
  if (!d) return { _: 'draftMessageEmpty' as const, date: now };
  return {
    _: 'draftMessage' as const,
    message: d.text,
    date: d.date,
    ...(d.noWebpage && { no_webpage: true as const }),
    ...(d.entities && d.entities.length > 0 && { entities: d.entities }),
    ...(d.replyToId !== undefined && { reply_to: { _: 'inputReplyToMessage' as const, reply_to_msg_id: d.replyToId } }),
  };
}
