/**
 * Chat actions ("typing…", "sending a photo…",
 * https://core.telegram.org/api/typing): `setChatAction` sends one, and
 * `withChatAction` keeps it alive while a task runs — Telegram clients drop
 * an action after ~6 s, so it is re-sent every 5 s — and cancels it when the
 * task settles.
 */
import type { SendMessageAction } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import { resolvePeer } from '../peers/resolve-peer.js';

/** Action names (or a raw `SendMessageAction`). */
export type ChatActionLike =
  | 'typing'
  | 'cancel'
  | 'record-video'
  | 'upload-video'
  | 'record-voice'
  | 'upload-voice'
  | 'upload-photo'
  | 'upload-document'
  | 'choose-sticker'
  | 'geo'
  | 'contact'
  | SendMessageAction;

/** How often the guard repeats the action (Telegram shows one for about 6 s). */
export const CHAT_ACTION_REPEAT_MS = 5000;

function toAction(a: ChatActionLike): SendMessageAction {
  if (typeof a !== 'string') return a;
  switch (a) {
    case 'typing':
      return { _: 'sendMessageTypingAction' };
    case 'cancel':
      return { _: 'sendMessageCancelAction' };
    case 'record-video':
      return { _: 'sendMessageRecordVideoAction' };
    case 'upload-video':
      return { _: 'sendMessageUploadVideoAction', progress: 0 };
    case 'record-voice':
      return { _: 'sendMessageRecordAudioAction' };
    case 'upload-voice':
      return { _: 'sendMessageUploadAudioAction', progress: 0 };
    case 'upload-photo':
      return { _: 'sendMessageUploadPhotoAction', progress: 0 };
    case 'upload-document':
      return { _: 'sendMessageUploadDocumentAction', progress: 0 };
    case 'choose-sticker':
      return { _: 'sendMessageChooseStickerAction' };
    case 'geo':
      return { _: 'sendMessageGeoLocationAction' };
    case 'contact':
      return { _: 'sendMessageChooseContactAction' };
  }
}

/**
 * Sends one chat action.
 *
 * @example
 * ```ts
 * await setChatAction(client, chat, 'upload-photo');
 * ```
 */
export async function setChatAction(client: ClientCore, peer: PeerLike, action: ChatActionLike): Promise<void> {
  const input = await resolvePeer(client, peer);
  await client.invoke({ _: 'messages.setTyping', peer: input, action: toAction(action) });
}

/**
 * Runs `task` while showing `action` in the chat: sent at once, repeated
 * every {@link CHAT_ACTION_REPEAT_MS} until the task settles, then cancelled.
 * The task's result (or error) is returned as is; a failed action send does
 * not fail the task.
 *
 * @example
 * ```ts
 * const answer = await withChatAction(client, chat, 'typing', async () => {
 *   return await slowModel.complete(prompt);
 * });
 * await client.sendMessage(chat, answer);
 * ```
 */
export async function withChatAction<T>(
  client: ClientCore,
  peer: PeerLike,
  action: ChatActionLike,
  task: () => Promise<T>,
  params: { repeatMs?: number } = {},
): Promise<T> {
  const input = await resolvePeer(client, peer);
  const send = (a: SendMessageAction) => client.invoke({ _: 'messages.setTyping', peer: input, action: a }).catch(() => false);
  const act = toAction(action);
  let inFlight = send(act);
  const timer = setInterval(() => {
    inFlight = send(act);
  }, params.repeatMs ?? CHAT_ACTION_REPEAT_MS);
  try {
    return await task();
  } finally {
    clearInterval(timer);
    await inFlight;
    await send({ _: 'sendMessageCancelAction' });
  }
}
