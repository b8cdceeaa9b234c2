/**
 * Raw `Update` → typed update (ts/client/types/updates.ts). Updates the
 * typed layer has no class for become `RawUpdate`; a few carry nothing to
 * deliver (`updateMessageID` pairs a random_id with an id and is read by the
 * send methods; the `messageEmpty` of an `updateShortSentMessage` only
 * moved pts) and give undefined.
 */
import type { Update } from '../../tl/generated/types.js';
import type { ClientCore } from '../core.js';
import { Message } from '../types/message.js';
import { ChatBoost, MessageReaction, ParticipantUpdate } from '../types/chat-updates.js';
import { PreCheckoutQuery, ShippingQuery } from '../types/payment-updates.js';
import type { PeerIndex } from '../types/peer-index.js';
import {
  BotStopped,
  CallbackQuery,
  InlineQuery,
  InlineSend,
  JoinRequest,
  MessageDeleted,
  MessageEdited,
  NewMessage,
  PollVote,
  RawUpdate,
  type TypedUpdate,
  UserStatus,
  UserTyping,
} from '../types/updates.js';

/** The typed form of `u`, or undefined when there is nothing to hand out. */
export function toTypedUpdate(client: ClientCore, u: Update, peers: PeerIndex): TypedUpdate | undefined {
  switch (u._) {
    case 'updateNewMessage':
    case 'updateNewChannelMessage':
    case 'updateEditMessage':
    case 'updateEditChannelMessage': {
      const m = u.message;
      if (m._ === 'messageEmpty') return undefined;
      const msg = new Message(client, m, peers);
      return u._ === 'updateNewMessage' || u._ === 'updateNewChannelMessage'
        ? new NewMessage(client, msg, u)
        : new MessageEdited(client, msg, u);
    }
    case 'updateDeleteMessages':
      return new MessageDeleted(u.messages, undefined, u);
    case 'updateDeleteChannelMessages':
      return new MessageDeleted(u.messages, u.channel_id, u);
    case 'updateBotCallbackQuery':
    case 'updateInlineBotCallbackQuery':
      return new CallbackQuery(client, u, peers);
    case 'updateBotInlineQuery':
      return new InlineQuery(client, u, peers);
    case 'updateBotInlineSend':
      return new InlineSend(u, peers);
    case 'updateUserStatus':
      return new UserStatus(u);
    case 'updateUserTyping':
    case 'updateChatUserTyping':
    case 'updateChannelUserTyping':
      return new UserTyping(u);
    case 'updateBotStopped':
      return new BotStopped(u);
    case 'updateMessagePollVote':
      return new PollVote(u);
    case 'updateBotChatInviteRequester':
      return new JoinRequest(u, peers);
    case 'updateChatParticipant':
    case 'updateChannelParticipant':
      return new ParticipantUpdate(u, peers);
    case 'updateBotMessageReaction':
    case 'updateBotMessageReactions':
    case 'updateMessageReactions':
      return new MessageReaction(u, peers);
    case 'updateBotShippingQuery':
      return new ShippingQuery(client, u, peers);
    case 'updateBotPrecheckoutQuery':
      return new PreCheckoutQuery(client, u, peers);
    case 'updateBotChatBoost':
      return new ChatBoost(u);
    case 'updateMessageID':
      return undefined;
    default:
      return new RawUpdate(u, peers);
  }
}
