/** `sendMessage` (https://core.telegram.org/method/messages.sendMessage). */
import { WasmgramError } from '../../../errors.js';
import { parseHtml } from '../../../parsers/html-parse.js';
import { parseMarkdown } from '../../../parsers/markdown-parse.js';
import type { Message as TlMessage, MessageEntity, ReplyMarkup } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Message } from '../../types/message.js';
import { PeerIndex } from '../../types/peer-index.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { replyToField } from '../forums/topic-reply.js';
import { type SendPlaceParams, sendAsField } from './send-as.js';
import { messagesFromUpdates, peerOfInput, randomId } from './wrap.js';

/** Options of {@link sendMessage}. */
export interface SendMessageParams extends SendPlaceParams {
  /** Id of the message to reply to (in the same chat). */
  replyTo?: number;
  /** Deliver without a notification. */
  silent?: boolean;
  /** Schedule for later (a Date or Unix seconds). */
  schedule?: Date | number;
  /** No link preview. */
  noWebpage?: boolean;
  /** Formatting as entities (UTF-16 offsets); overrides `parseMode`. */
  entities?: MessageEntity[];
  /** Read `text` as Markdown or HTML (ts/parsers) and send the entities it yields. */
  parseMode?: 'markdown' | 'html';
  /** Clear the chat's draft. */
  clearDraft?: boolean;
  /** Buttons (bots only): `inlineKeyboard(...)`, `replyKeyboard(...)`, `removeKeyboard()`, `forceReply()`. */
  replyMarkup?: ReplyMarkup;
}

/** Text and entities after the parse mode. */
export function formatText(
  text: string,
  params: { entities?: MessageEntity[]; parseMode?: 'markdown' | 'html' },
): {
  text: string;
  entities: MessageEntity[] | undefined;
} {
  if (params.entities) return { text, entities: params.entities };
  if (params.parseMode === 'markdown') return parseMarkdown(text);
  if (params.parseMode === 'html') return parseHtml(text);
  return { text, entities: undefined };
}

/**
 * Sends a text message and returns it as a `Message`.
 *
 * @example
 * ```ts
 * const m = await sendMessage(client, '@alice', 'Hello, **Alice**', { parseMode: 'markdown' });
 * await sendMessage(client, 'me', 'note to self', { silent: true });
 * await sendMessage(client, forum, 'in a topic', { topic: 42 });       // a forum topic (or a ForumTopic)
 * await sendMessage(client, group, 'from my channel', { sendAs: '@my_channel' });
 * await m.reply('and a reply');
 * ```
 * @throws RpcError e.g. PEER_ID_INVALID, MESSAGE_EMPTY, MESSAGE_TOO_LONG, CHAT_WRITE_FORBIDDEN, CHAT_ADMIN_REQUIRED, SEND_AS_PEER_INVALID, TOPIC_CLOSED, TOPIC_ID_INVALID
 */
export async function sendMessage(client: ClientCore, peer: PeerLike, text: string, params: SendMessageParams = {}): Promise<Message> {
  const input = await resolvePeer(client, peer);
  const f = formatText(text, params);
  const rid = randomId(client);
  const schedule = params.schedule instanceof Date ? Math.floor(params.schedule.getTime() / 1000) : params.schedule;
  const res = await client.invoke({
    _: 'messages.sendMessage',
    peer: input,
    message: f.text,
    random_id: rid,
    ...replyToField(params.replyTo, params.topic),
    ...(await sendAsField(client, params.sendAs)),
    ...(params.silent && { silent: true }),
    ...(params.noWebpage && { no_webpage: true }),
    ...(params.clearDraft && { clear_draft: true }),
    ...(f.entities && f.entities.length > 0 && { entities: f.entities }),
    ...(schedule !== undefined && { schedule_date: schedule }),
    ...(params.replyMarkup && { reply_markup: params.replyMarkup }),
  });
  if (res._ === 'updateShortSentMessage') {
    // The short answer carries only id/date/pts: rebuild the message from what was sent.
    const selfId = (await client.storage.getAccount())?.userId ?? 0n;
    const raw: TlMessage.message = {
      _: 'message',
      out: true,
      id: res.id,
      peer_id: peerOfInput(input, selfId),
      from_id: { _: 'peerUser', user_id: selfId },
      date: res.date,
      message: f.text,
    };
    const entities = res.entities ?? f.entities;
    if (entities && entities.length > 0) raw.entities = entities;
    if (params.replyTo !== undefined) raw.reply_to = { _: 'messageReplyHeader', reply_to_msg_id: params.replyTo };
    if (params.silent) raw.silent = true;
    if (params.replyMarkup) raw.reply_markup = params.replyMarkup;
    return new Message(client, raw, new PeerIndex());
  }
  const [m] = messagesFromUpdates(client, res, [rid]);
  if (!m) throw new WasmgramError('messages.sendMessage: the answer does not contain the sent message');
  return m;
}
