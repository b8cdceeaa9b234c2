/**
 * `sendAlbum`: 2..10 photos/documents as one media group
 * (https://core.telegram.org/method/messages.sendMultiMedia): each file is
 * uploaded and registered with `messages.uploadMedia`, then all are sent in
 * one call and share a `grouped_id`.
 */
import { ArgumentError, WasmgramError } from '../../../errors.js';
import type { InputSingleMedia, MessageEntity } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import type { UploadSource } from '../files/file-source.js';
import { uploadFile } from '../files/upload-file.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import { replyToField } from '../forums/topic-reply.js';
import { type SendPlaceParams, sendAsField } from './send-as.js';
import { formatText } from './send-message.js';
import { scheduleSeconds } from './send-input-media.js';
import { messagesFromUpdates, randomId } from './wrap.js';

/** One item of an album. */
export interface AlbumItem {
  /** A photo (JPEG/PNG) to upload. */
  photo?: UploadSource;
  /** A document to upload. */
  document?: UploadSource;
  /** The document's MIME type (default application/octet-stream). */
  mimeType?: string;
  /** File name of a document. */
  fileName?: string;
  caption?: string;
  parseMode?: 'markdown' | 'html';
  entities?: MessageEntity[];
}

/** Options of {@link sendAlbum}. */
export interface SendAlbumParams extends SendPlaceParams {
  /** Id of the message the album replies to. */
  replyTo?: number;
  /** Deliver without a notification. */
  silent?: boolean;
  /** Schedule for later (a Date or Unix seconds). */
  schedule?: Date | number;
}

/** Most items in one album. */
export const MAX_ALBUM_ITEMS = 10;

/**
 * Sends an album and returns its messages in order (they share `groupedId`).
 *
 * @example
 * ```ts
 * const msgs = await sendAlbum(client, chat, [{ photo: a, caption: 'one' }, { photo: b }]);
 * console.log(msgs.map((m) => m.groupedId));
 * ```
 * @throws ArgumentError for 0 or more than 10 items; RpcError MULTI_MEDIA_TOO_LONG, MEDIA_INVALID
 */
export async function sendAlbum(client: ClientCore, peer: PeerLike, items: AlbumItem[], params: SendAlbumParams = {}): Promise<Message[]> {
  if (items.length === 0 || items.length > MAX_ALBUM_ITEMS)
    throw new ArgumentError(`an album has 1..${MAX_ALBUM_ITEMS} items, got ${items.length}`);
  const input = await resolvePeer(client, peer);
  const multi: InputSingleMedia[] = [];
  for (const item of items) {
    const source = item.photo ?? item.document;
    if (source === undefined) throw new ArgumentError('an album item needs a photo or a document');
    const file = await uploadFile(client, source, item.fileName !== undefined ? { fileName: item.fileName } : {});
    const media = await client.invoke({
      _: 'messages.uploadMedia',
      peer: input,
      media: item.photo
        ? { _: 'inputMediaUploadedPhoto', file: file.inputFile }
        : { _: 'inputMediaUploadedDocument', file: file.inputFile, mime_type: item.mimeType ?? 'application/octet-stream', attributes: [] },
    });
    let ref: InputSingleMedia['media'];
    if (media._ === 'messageMediaPhoto' && media.photo?._ === 'photo') {
      ref = {
        _: 'inputMediaPhoto',
        id: { _: 'inputPhoto', id: media.photo.id, access_hash: media.photo.access_hash, file_reference: media.photo.file_reference },
      };
    } else if (media._ === 'messageMediaDocument' && media.document?._ === 'document') {
      const d = media.document;
      ref = { _: 'inputMediaDocument', id: { _: 'inputDocument', id: d.id, access_hash: d.access_hash, file_reference: d.file_reference } };
    } else throw new WasmgramError(`messages.uploadMedia answered ${media._}`);
    const f = formatText(item.caption ?? '', item);
    multi.push({
      _: 'inputSingleMedia',
      media: ref,
      random_id: randomId(client),
      message: f.text,
      ...(f.entities && f.entities.length > 0 && { entities: f.entities }),
    });
  }
  const schedule = scheduleSeconds(params.schedule);
  const res = await client.invoke({
    _: 'messages.sendMultiMedia',
    peer: input,
    multi_media: multi,
    ...replyToField(params.replyTo, params.topic),
    ...(await sendAsField(client, params.sendAs)),
    ...(params.silent && { silent: true }),
    ...(schedule !== undefined && { schedule_date: schedule }),
  });
  return messagesFromUpdates(
    client,
    res,
    multi.map((m) => m.random_id),
  );
}
