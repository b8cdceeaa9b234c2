/** `setChatPhoto` / `deleteChatPhoto` (https://core.telegram.org/method/messages.editChatPhoto, channels.editPhoto). */
import type { InputChatPhoto } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { PeerLike } from '../../types/peer-like.js';
import type { UploadSource } from '../files/file-source.js';
import { type UploadFileParams, uploadFile } from '../files/upload-file.js';
import { resolveChatTarget } from './chat-target.js';

async function editPhoto(client: ClientCore, chat: PeerLike, photo: InputChatPhoto, method: string): Promise<void> {
  const t = await resolveChatTarget(client, chat, method);
  if (t.kind === 'group') await client.invoke({ _: 'messages.editChatPhoto', chat_id: t.chatId, photo });
  else await client.invoke({ _: 'channels.editPhoto', channel: t.channel, photo });
}

/**
 * Uploads an image (JPEG or PNG: bytes, a Blob, a stream, or a path on
 * Node) and makes it the chat's photo.
 *
 * @example
 * ```ts
 * await client.setChatPhoto(group, await readFile('logo.jpg'));
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED, PHOTO_INVALID, IMAGE_PROCESS_FAILED
 */
export async function setChatPhoto(client: ClientCore, chat: PeerLike, file: UploadSource, params: UploadFileParams = {}): Promise<void> {
  const uploaded = await uploadFile(client, file, params);
  await editPhoto(client, chat, { _: 'inputChatUploadedPhoto', file: uploaded.inputFile }, 'setChatPhoto');
}

/**
 * Removes the chat's photo.
 *
 * @example
 * ```ts
 * await client.deleteChatPhoto(group);
 * ```
 * @throws RpcError CHAT_ADMIN_REQUIRED, CHAT_NOT_MODIFIED (no photo)
 */
export function deleteChatPhoto(client: ClientCore, chat: PeerLike): Promise<void> {
  return editPhoto(client, chat, { _: 'inputChatPhotoEmpty' }, 'deleteChatPhoto');
}
