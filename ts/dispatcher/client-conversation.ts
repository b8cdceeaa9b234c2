/**
 * A {@link Conversation} wired to a client dispatcher's typed updates:
 * messages are `newMessage` updates of the chat, clicks `callbackQuery`
 * updates of messages in it, read receipts the `updateReadHistoryOutbox` /
 * `updateReadChannelOutbox` raw updates (https://core.telegram.org/api/updates),
 * and `ask` sends with `client.sendMessage`.
 *
 * @example
 * ```ts
 * dp.onNewMessage(command('order'), async (msg) => {
 *   const conv = conversation(dp, msg);
 *   try {
 *     const size = await conv.ask('Which size?');   // NewMessage
 *     await conv.waitRead();                          // they read the question
 *     await msg.answer(`size ${size.text} noted`);
 *   } finally {
 *     conv.close();
 *   }
 * });
 * ```
 */
import type { CallbackQuery, NewMessage, TypedUpdate } from '../client/types/updates.js';
import { ArgumentError } from '../errors.js';
import type { StateMap } from '../fsm/states.js';
import type { ClientDispatcher } from './client-dispatcher.js';
import { Conversation, type ConversationOptions, type WaitOptions } from './conversation.js';

/** Options of {@link conversation}: the generic ones without the update predicates and `send`. */
export type ClientConversationOptions = Omit<ConversationOptions<TypedUpdate>, 'isMessage' | 'isClick' | 'readUpTo' | 'send'>;

/** The highest read id of a read-outbox receipt, else undefined. */
export function readOutboxUpTo(u: TypedUpdate): number | undefined {
  if (u.kind !== 'raw') return undefined;
  const r = u.raw;
  return r._ === 'updateReadHistoryOutbox' || r._ === 'updateReadChannelOutbox' ? r.max_id : undefined;
}

/** A conversation over typed updates, with typed waits. */
export class ClientConversation<M extends StateMap = StateMap> extends Conversation<TypedUpdate, M> {
  /** Sends `text`, then resolves with the next incoming message of the chat. */
  override ask(text: string, wait: WaitOptions<TypedUpdate> = {}): Promise<NewMessage> {
    return super.ask(text, wait) as Promise<NewMessage>;
  }
  /** The next incoming message of the chat. */
  override waitResponse(wait: WaitOptions<TypedUpdate> = {}): Promise<NewMessage> {
    return super.waitResponse(wait) as Promise<NewMessage>;
  }
  /** The next button click on a message of the chat. */
  override waitClick(wait: WaitOptions<TypedUpdate> = {}): Promise<CallbackQuery> {
    return super.waitClick(wait) as Promise<CallbackQuery>;
  }
}

/**
 * A conversation with `chat` (a marked chat id, or an update that has
 * `chat.id` / `chatId`) over `dp`'s updates. Close it when done.
 */
export function conversation<M extends StateMap>(
  dp: ClientDispatcher<M>,
  chat: bigint | { readonly chat: { readonly id: bigint } } | { readonly chatId: bigint | undefined },
  options: ClientConversationOptions = {},
): ClientConversation<M> {
  const chatId = typeof chat === 'bigint' ? chat : 'chat' in chat ? chat.chat.id : chat.chatId;
  if (chatId === undefined) throw new ArgumentError('conversation: the update names no chat');
  const client = dp.client;
  return new ClientConversation<M>(dp, chatId, {
    ...options,
    send: (id, text) => client.sendMessage(id, text),
    isMessage: (u) => u.kind === 'newMessage' && !u.out,
    isClick: (u) => u.kind === 'callbackQuery',
    readUpTo: readOutboxUpTo,
  });
}
