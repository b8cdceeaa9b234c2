/**
 * Comment threads of channel posts (https://core.telegram.org/api/discussion):
 * a post of a broadcast channel with a linked discussion group is copied into
 * the group as an automatic forward, the thread's root; comments are the
 * group's messages replying to the root (directly or through other comments,
 * https://core.telegram.org/api/threads). One record per thread, reachable
 * from the post, the root and every comment through their `MessageLink`s
 * (the same WeakMap scheme as the reactions), so `tl-message.ts` can render
 * `replies` without the backend.
 */
import type { Mailbox, MessageLink, StoredMessage } from './mailbox.js';
import type { PeerRef } from './peer-ref.js';

/** One post's comment thread. */
export interface ThreadRecord {
  readonly channelId: bigint;
  /** The post's id in the channel. */
  readonly postId: number;
  /** The discussion group (a supergroup). */
  readonly groupId: bigint;
  /** The automatic forward's id in the group: the thread's root. */
  readonly rootId: number;
  /** The group's box, to skip deleted comments when counting. */
  readonly groupBox: Mailbox;
  /** Comment ids in the group, ascending (some may since have been deleted). */
  readonly comments: number[];
  /** The group's pts after the latest comment (`messageReplies.replies_pts`). */
  repliesPts: number;
  /** Each account's read marker in the thread (`messages.readDiscussion`). */
  readonly readMax: Map<bigint, number>;
}

const byLink = new WeakMap<MessageLink, ThreadRecord>();

/** The thread the message of `link` belongs to (as post, root or comment), if any. */
export function threadOf(link: MessageLink): ThreadRecord | undefined {
  return byLink.get(link);
}

/** Records a new thread: `post` in the channel, `root` its copy in the group. */
export function openThread(post: StoredMessage, root: StoredMessage, groupBox: Mailbox, repliesPts: number): ThreadRecord {
  const t: ThreadRecord = {
    channelId: post.box.id,
    postId: post.id,
    groupId: root.box.id,
    rootId: root.id,
    groupBox,
    comments: [],
    repliesPts,
    readMax: new Map(),
  };
  byLink.set(post.link, t);
  byLink.set(root.link, t);
  return t;
}

/** Adds `comment` (a group message replying inside the thread) to `t`. */
export function addComment(t: ThreadRecord, comment: StoredMessage): void {
  t.comments.push(comment.id);
  byLink.set(comment.link, t);
}

/** The thread's comments that still exist, ascending. */
export function liveComments(t: ThreadRecord): StoredMessage[] {
  const out: StoredMessage[] = [];
  for (const id of t.comments) {
    const m = t.groupBox.get(id);
    if (m) out.push(m);
  }
  return out;
}

/** True when `m` is the thread's post (the channel's copy), false for the root and comments. */
export function isThreadPost(t: ThreadRecord, m: StoredMessage): boolean {
  return m.box.kind === 'channel' && m.box.id === t.channelId && m.id === t.postId;
}

/** True when `m` is the thread's root (the automatic forward in the group). */
export function isThreadRoot(t: ThreadRecord, m: StoredMessage): boolean {
  return m.box.kind === 'channel' && m.box.id === t.groupId && m.id === t.rootId;
}

/** The peer a comment is shown from (its send-as peer, else its author). */
export function commenterOf(m: StoredMessage): PeerRef | undefined {
  if (m.sendAs) return m.sendAs;
  return m.fromId === undefined ? undefined : { kind: 'user', id: m.fromId };
}

/** The last three distinct commenters, newest first (`messageReplies.recent_repliers`). */
export function recentRepliers(t: ThreadRecord): PeerRef[] {
  const out: PeerRef[] = [];
  const comments = liveComments(t);
  for (let i = comments.length - 1; i >= 0 && out.length < 3; i--) {
    const p = commenterOf(comments[i]!);
    if (p && !out.some((q) => q.kind === p.kind && q.id === p.id)) out.push(p);
  }
  return out;
}
