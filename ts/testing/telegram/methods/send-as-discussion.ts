/**
 * Discussion groups (https://core.telegram.org/api/discussion): a broadcast
 * channel linked to a supergroup where its posts are discussed
 * (`channels.setDiscussionGroup`, `channels.getGroupsForDiscussion`). In the
 * linked group, the channel's admins may send as the channel
 * (https://core.telegram.org/api/send-as, see send-as.ts).
 */
import type { Update } from '../../../tl/generated/types.js';
import { container, push } from '../actions/deliver.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { ChatRecord } from '../store/chat-store.js';
import { adminRightsOf, requireAdminRight } from './participants-rights.js';
import { resolveChannel } from './peers.js';

/** Tells every member of `chats` that their `channel` object changed (`has_link`). */
function announce(call: MethodCall, chats: ChatRecord[]): void {
  const b = call.backend;
  const me = call.self().id;
  for (const chat of chats) {
    const u: Update = { _: 'updateChannel', channel_id: chat.id };
    for (const member of chat.members.keys()) {
      if (member !== me) push(b, member, container(b, member, [u], [{ kind: 'channel', id: chat.id }]), undefined);
    }
  }
}

/** Unlinks `chat` and its partner, if any; returns both. */
function unlink(call: MethodCall, chat: ChatRecord): ChatRecord[] {
  const other = chat.linkedChatId === undefined ? undefined : call.backend.chats.channel(chat.linkedChatId);
  delete chat.linkedChatId;
  if (other) delete other.linkedChatId;
  return other ? [chat, other] : [chat];
}

/** `channels.setDiscussionGroup`, `channels.getGroupsForDiscussion`. */
export const discussionMethods: MethodTable = {
  'channels.setDiscussionGroup': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const channel = resolveChannel(call, req.broadcast);
      if (channel.kind !== 'broadcast') throw badRequest('BROADCAST_ID_INVALID');
      requireAdminRight(channel, me, 'change_info');
      if (req.group._ === 'inputChannelEmpty') {
        if (channel.linkedChatId === undefined) throw badRequest('LINK_NOT_MODIFIED');
        announce(call, unlink(call, channel));
        return true;
      }
      const group = resolveChannel(call, req.group);
      if (group.kind !== 'supergroup') throw badRequest('MEGAGROUP_ID_INVALID');
      requireAdminRight(group, me, 'change_info');
      if (channel.linkedChatId === group.id) throw badRequest('LINK_NOT_MODIFIED');
      const touched = [...unlink(call, channel), ...unlink(call, group)];
      channel.linkedChatId = group.id;
      group.linkedChatId = channel.id;
      announce(call, [...new Set(touched)]);
      return true;
    },
  },
  'channels.getGroupsForDiscussion': {
    auth: true,
    run(call) {
      const b = call.backend;
      const me = call.self().id;
      // Supergroups the account may link: it holds change_info there.
      const groups = b.chats.chatsOf(me).filter((c) => c.kind === 'supergroup' && adminRightsOf(c.members.get(me))?.change_info === true);
      return { _: 'messages.chats', chats: groups.map((c) => b.tlChat(c, me)) };
    },
  },
};
