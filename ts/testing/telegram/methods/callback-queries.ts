/**
 * Callback queries (https://core.telegram.org/api/bots/buttons#callback-queries):
 * a user presses an inline button with `messages.getBotCallbackAnswer`; the
 * bot that sent the message (or the inline bot it came through) gets
 * `updateBotCallbackQuery` (`updateInlineBotCallbackQuery` for messages sent
 * via the bot) and answers with `messages.setBotCallbackAnswer`; the user's
 * call returns that answer, or 400 BOT_RESPONSE_TIMEOUT when the bot stays
 * silent past the deadline (`botStore(backend).answerTimeoutMs`).
 */
import type { KeyboardButton, messages, Update } from '../../../tl/generated/types.js';
import { container, push } from '../actions/deliver.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest, notImplemented } from '../rpc-errors.js';
import type { StoredMessage } from '../store/mailbox.js';
import type { PeerRef } from '../store/peer-ref.js';
import { inlineButtons } from './bots-markup.js';
import { botStore } from './bots-store.js';
import { findMessage } from './messages-send.js';
import { checkReadable, resolvePeer } from './peers.js';

/** Longest notification text of an answer (https://core.telegram.org/bots/api#answercallbackquery: 0-200 characters). */
const ANSWER_TEXT_MAX = 200;

/** The user must be a person (bots cannot press buttons: 400 BOT_METHOD_INVALID). */
function checkUser(call: MethodCall): bigint {
  const me = call.self();
  if (me.bot) throw badRequest('BOT_METHOD_INVALID');
  return me.id;
}

/** The bot must be a bot (400 USER_BOT_REQUIRED). */
export function checkBot(call: MethodCall): bigint {
  const me = call.self();
  if (!me.bot) throw badRequest('USER_BOT_REQUIRED');
  return me.id;
}

/** Same bytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * A stable id of the chat a message is in, the same for every member
 * (`chat_instance`, https://core.telegram.org/constructor/updateBotCallbackQuery):
 * FNV-1a over the chat's kind and id (private chats: both user ids, sorted).
 */
function chatInstance(m: StoredMessage): bigint {
  let key: string;
  if (m.peer.kind === 'user') {
    const a = m.box.id;
    const b = m.peer.id;
    key = a < b ? `u${a}:${b}` : `u${b}:${a}`;
  } else key = `${m.peer.kind}${m.peer.id}`;
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < key.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(key.charCodeAt(i))) * 0x100000001b3n);
  return BigInt.asIntN(64, h);
}

/** The bot that answers presses on `m`: the inline bot it came through, else its author when that is a bot. */
function answeringBot(call: MethodCall, m: StoredMessage): bigint | undefined {
  if (m.viaBotId !== undefined) return m.viaBotId;
  const author = m.fromId === undefined ? undefined : call.backend.users.get(m.fromId);
  return author?.bot ? author.id : undefined;
}

/** The update the bot gets for a press on `m` by `userId`. */
function queryUpdate(
  call: MethodCall,
  m: StoredMessage,
  botId: bigint,
  queryId: bigint,
  userId: bigint,
  pressed: KeyboardButton,
): { update: Update; refs: PeerRef[] } {
  const data = pressed._ === 'keyboardButtonCallback' ? { data: pressed.data } : { game_short_name: '' };
  const instance = chatInstance(m);
  if (m.viaBotId !== undefined) {
    // The bot has no copy of a message sent through it: it names the message by its inline id.
    const author = m.link.copies.find((c) => c.box.kind === 'channel' || c.box.id === c.fromId) ?? m;
    const ownerId = author.box.id;
    const msgId = botStore(call.backend).inlineMessageId(call.dcId, ownerId, author.id);
    return {
      update: { _: 'updateInlineBotCallbackQuery', query_id: queryId, user_id: userId, msg_id: msgId, chat_instance: instance, ...data },
      refs: [{ kind: 'user', id: userId }],
    };
  }
  const own = m.box.kind === 'channel' ? m : m.link.copies.find((c) => c.box.kind === 'account' && c.box.id === botId);
  if (!own) throw badRequest('MESSAGE_ID_INVALID'); // the bot deleted its copy
  const peer = own.peer;
  const tlPeer =
    peer.kind === 'user'
      ? ({ _: 'peerUser', user_id: peer.id } as const)
      : peer.kind === 'chat'
        ? ({ _: 'peerChat', chat_id: peer.id } as const)
        : ({ _: 'peerChannel', channel_id: peer.id } as const);
  return {
    update: {
      _: 'updateBotCallbackQuery',
      query_id: queryId,
      user_id: userId,
      peer: tlPeer,
      msg_id: own.id,
      chat_instance: instance,
      ...data,
    },
    refs: [{ kind: 'user', id: userId }, peer],
  };
}

/** A query waiting for the bot, as the store keeps it until `setBotCallbackAnswer`. */
type CallbackAnswer = messages.BotCallbackAnswer;

/** `messages.getBotCallbackAnswer`, `messages.setBotCallbackAnswer`. */
export const callbackQueryMethods: MethodTable = {
  'messages.getBotCallbackAnswer': {
    auth: true,
    async run(call, req) {
      const me = checkUser(call);
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const m = findMessage(call, peer, req.msg_id);
      const buttons = inlineButtons(m.replyMarkup);
      const pressed = req.game
        ? buttons.find((b) => b._ === 'keyboardButtonGame')
        : req.data && buttons.find((b) => b._ === 'keyboardButtonCallback' && sameBytes(b.data, req.data!));
      if (!pressed) throw badRequest('DATA_INVALID');
      if (pressed._ === 'keyboardButtonCallback' && pressed.requires_password) {
        if (!req.password) throw badRequest('PASSWORD_MISSING');
        throw notImplemented('messages.getBotCallbackAnswer.password', 'messages.getBotCallbackAnswer');
      }
      const botId = answeringBot(call, m);
      if (botId === undefined) throw badRequest('DATA_INVALID');
      const store = botStore(call.backend);
      const queryId = store.newQueryId();
      const { update, refs } = queryUpdate(call, m, botId, queryId, me, pressed);
      const answer = store.wait<CallbackAnswer>(queryId, 'callback', botId, me, req.game === true);
      push(call.backend, botId, container(call.backend, botId, [update], refs), undefined);
      return answer;
    },
  },
  'messages.setBotCallbackAnswer': {
    auth: true,
    run(call, req) {
      const botId = checkBot(call);
      const q = botStore(call.backend).open(req.query_id, 'callback', botId);
      if (req.message !== undefined && req.message.length > ANSWER_TEXT_MAX) throw badRequest('MESSAGE_TOO_LONG');
      if (req.url !== undefined) {
        // A URL opens a game, or the bot's own chat with a start parameter (https://core.telegram.org/bots/api#answercallbackquery).
        const username = call.self().username ?? '';
        const startLink = new RegExp(`^(https?://)?t\\.me/${username}\\?start=[A-Za-z0-9_-]{1,64}$`, 'i');
        if (!q.game && !startLink.test(req.url)) throw badRequest('URL_INVALID');
      }
      const answer: messages.BotCallbackAnswer = { _: 'messages.botCallbackAnswer', cache_time: Math.max(0, req.cache_time) };
      if (req.alert) answer.alert = true;
      if (req.message !== undefined && req.message !== '') answer.message = req.message;
      if (req.url !== undefined) {
        answer.url = req.url;
        answer.has_url = true;
      }
      q.resolve(answer);
      return true;
    },
  },
};
