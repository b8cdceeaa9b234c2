/**
 * Members as the TL objects a viewer receives: `ChannelParticipant`
 * (https://core.telegram.org/type/ChannelParticipant) and `ChatParticipant`
 * (https://core.telegram.org/type/ChatParticipant), and the
 * `updateChannelParticipant` Telegram sends bots that administer a channel
 * (https://core.telegram.org/constructor/updateChannelParticipant).
 */
import type { ChannelParticipant, ChatParticipant, ChatParticipants, Update } from '../../../tl/generated/types.js';
import { container, push } from '../actions/deliver.js';
import type { TelegramBackend } from '../backend.js';
import type { BannedRecord, ChatRecord, MemberRecord } from '../store/chat-store.js';
import type { UpdateSubscriber } from '../update-hub.js';
import { adminRightsOf, CREATOR_RIGHTS, restrictionActive } from './participants-rights.js';

/** The `ChannelParticipant` `viewer` sees for member `m` of `chat`. */
export function channelParticipant(chat: ChatRecord, m: MemberRecord, viewer: bigint, now: number): ChannelParticipant {
  if (m.role === 'creator') {
    const out: ChannelParticipant.channelParticipantCreator = {
      _: 'channelParticipantCreator',
      user_id: m.userId,
      admin_rights: CREATOR_RIGHTS,
    };
    if (m.rank !== undefined) out.rank = m.rank;
    return out;
  }
  if (m.role === 'admin') {
    const me = chat.members.get(viewer);
    const out: ChannelParticipant.channelParticipantAdmin = {
      _: 'channelParticipantAdmin',
      user_id: m.userId,
      promoted_by: m.promotedBy ?? chat.creatorId,
      date: m.date,
      admin_rights: adminRightsOf(m)!,
    };
    if (me?.role === 'creator' || (m.promotedBy === viewer && adminRightsOf(me)?.add_admins)) out.can_edit = true;
    if (m.userId === viewer) {
      out.self = true;
      out.inviter_id = m.inviterId;
    }
    if (m.rank !== undefined) out.rank = m.rank;
    return out;
  }
  if (m.bannedRights && restrictionActive(m.bannedRights, now)) {
    return {
      _: 'channelParticipantBanned',
      peer: { _: 'peerUser', user_id: m.userId },
      kicked_by: m.restrictedBy ?? chat.creatorId,
      date: m.date,
      banned_rights: m.bannedRights,
    };
  }
  if (m.userId === viewer) return { _: 'channelParticipantSelf', user_id: m.userId, inviter_id: m.inviterId, date: m.date };
  return { _: 'channelParticipant', user_id: m.userId, date: m.date };
}

/** The `channelParticipantBanned` (left) of a user banned from a channel. */
export function bannedParticipant(r: BannedRecord): ChannelParticipant.channelParticipantBanned {
  return {
    _: 'channelParticipantBanned',
    left: true,
    peer: { _: 'peerUser', user_id: r.userId },
    kicked_by: r.kickedBy,
    date: r.date,
    banned_rights: r.rights,
  };
}

/** The `ChatParticipant` of a basic group member. */
function chatParticipant(m: MemberRecord): ChatParticipant {
  if (m.role === 'creator') return { _: 'chatParticipantCreator', user_id: m.userId };
  if (m.role === 'admin') return { _: 'chatParticipantAdmin', user_id: m.userId, inviter_id: m.inviterId, date: m.date };
  return { _: 'chatParticipant', user_id: m.userId, inviter_id: m.inviterId, date: m.date };
}

/** The `chatParticipants` list of a basic group. */
export function chatParticipants(chat: ChatRecord): ChatParticipants.chatParticipants {
  return { _: 'chatParticipants', chat_id: chat.id, participants: [...chat.members.values()].map(chatParticipant), version: chat.version };
}

/** What changed for one user in a channel (undefined = not a member). */
export interface ParticipantChange {
  readonly actor: bigint;
  readonly userId: bigint;
  readonly prev: ChannelParticipant | undefined;
  readonly next: ChannelParticipant | undefined;
}

/**
 * Tells every session that must know about a change of a channel member:
 * the user themselves gets `updateChannel` (their view of the channel
 * changed), and every bot that administers the channel — and the user, if
 * a bot — gets `updateChannelParticipant` with the next qts of its account.
 * `except` (the session that asked) gets the method's answer instead of the
 * `updateChannel` push.
 */
export function announceParticipantChange(
  b: TelegramBackend,
  chat: ChatRecord,
  change: ParticipantChange,
  except?: UpdateSubscriber,
): void {
  const ref = { kind: 'channel', id: chat.id } as const;
  if (change.userId !== change.actor)
    push(b, change.userId, container(b, change.userId, [{ _: 'updateChannel', channel_id: chat.id }], [ref]), except);
  const bots = new Set<bigint>();
  for (const m of chat.members.values()) if (adminRightsOf(m) && b.users.get(m.userId)?.bot) bots.add(m.userId);
  if (b.users.get(change.userId)?.bot) bots.add(change.userId);
  for (const botId of bots) {
    // Logged in the bot's qts sequence: a bot that was offline gets it from updates.getDifference.
    const u = b.updates.pushQts(botId, (qts) => {
      const x: Update.updateChannelParticipant = {
        _: 'updateChannelParticipant',
        channel_id: chat.id,
        date: b.now(),
        actor_id: change.actor,
        user_id: change.userId,
        qts,
      };
      if (change.prev) x.prev_participant = change.prev;
      if (change.next) x.new_participant = change.next;
      return x;
    });
    const refs = [ref, { kind: 'user', id: change.actor } as const, { kind: 'user', id: change.userId } as const];
    push(b, botId, container(b, botId, [u], refs), undefined); // qts updates reach the asking session too: the answer holds none
  }
}
