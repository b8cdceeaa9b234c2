/**
 * `sendMedia` (https://core.telegram.org/method/messages.sendMedia): a photo
 * or a document — uploaded from bytes, a Blob, a stream or a path, or one
 * already on Telegram sent again — with a caption, attributes (file name,
 * video, audio, voice, sticker) and a thumbnail.
 */
import { WasmgramError } from '../../../errors.js';
import type { DocumentAttribute, InputMedia, MessageEntity, ReplyMarkup } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { Document } from '../../types/document.js';
import type { Message } from '../../types/message.js';
import type { PeerLike } from '../../types/peer-like.js';
import { Photo } from '../../types/photo.js';
import { formatText } from '../messages/send-message.js';
import { replyToField } from '../forums/topic-reply.js';
import { type SendPlaceParams, sendAsField } from '../messages/send-as.js';
import { messagesFromUpdates, randomId } from '../messages/wrap.js';
import { resolvePeer } from '../peers/resolve-peer.js';
import type { UploadSource } from './file-source.js';
import { type UploadedFile, type UploadFileParams, uploadFile } from './upload-file.js';

/** Document attributes in plain words (https://core.telegram.org/type/DocumentAttribute). */
export interface MediaAttributes {
  /** The name shown for the file. */
  fileName?: string;
  /** A video: seconds, pixel size; `round` for video messages. */
  video?: { duration: number; width: number; height: number; supportsStreaming?: boolean; round?: boolean };
  /** Music: seconds, title, performer. */
  audio?: { duration: number; title?: string; performer?: string };
  /** A voice note: seconds and an optional waveform (5-bit packed). */
  voice?: { duration: number; waveform?: Uint8Array };
  /** A sticker (WebP/TGS/WebM), with its emoji. */
  sticker?: { alt?: string };
  /** An animation (GIF-like). */
  animated?: boolean;
}

/** What to send: exactly one of `photo` and `document`. */
export interface SendMediaParams extends SendPlaceParams {
  /** A photo to upload (PNG/JPEG bytes, Blob, stream, path) or an uploaded/existing one. */
  photo?: UploadSource | UploadedFile | Photo;
  /** A file to upload or an uploaded/existing document. */
  document?: UploadSource | UploadedFile | Document;
  /** Caption (up to 1024 characters). */
  caption?: string;
  /** Caption formatting; overrides `parseMode`. */
  entities?: MessageEntity[];
  parseMode?: 'markdown' | 'html';
  /** MIME type of an uploaded document (default: the Blob's, else from the file name, else application/octet-stream). */
  mimeType?: string;
  attributes?: MediaAttributes;
  /** More attributes as TL objects. */
  rawAttributes?: DocumentAttribute[];
  /** A thumbnail for a document (JPEG/PNG, ≤ 200 KiB, ≤ 320 px). */
  thumb?: UploadSource;
  /** Send a photo or video as a plain file. */
  forceFile?: boolean;
  /** Hide behind a spoiler. */
  spoiler?: boolean;
  replyTo?: number;
  silent?: boolean;
  /** Buttons (bots only): `inlineKeyboard(...)`, `replyKeyboard(...)`, ... */
  replyMarkup?: ReplyMarkup;
  /** Upload progress of the main file. */
  onProgress?: UploadFileParams['onProgress'];
  /** Aborts the upload (and the send, if it has not gone out yet). */
  signal?: AbortSignal;
  /** Upload tuning (part size, connections). */
  upload?: Pick<UploadFileParams, 'partSize' | 'connections' | 'requestsPerConnection' | 'fileSize'>;
}

const MIME_BY_EXT: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  m4a: 'audio/mp4',
  pdf: 'application/pdf',
  zip: 'application/zip',
  txt: 'text/plain',
  json: 'application/json',
  tgs: 'application/x-tgsticker',
};

/** The TL attributes of {@link MediaAttributes}. */
export function documentAttributes(a: MediaAttributes = {}, raw: DocumentAttribute[] = []): DocumentAttribute[] {
  const out: DocumentAttribute[] = [];
  if (a.fileName !== undefined) out.push({ _: 'documentAttributeFilename', file_name: a.fileName });
  if (a.video) {
    const v: DocumentAttribute.documentAttributeVideo = {
      _: 'documentAttributeVideo',
      duration: a.video.duration,
      w: a.video.width,
      h: a.video.height,
    };
    if (a.video.supportsStreaming) v.supports_streaming = true;
    if (a.video.round) v.round_message = true;
    out.push(v);
  }
  if (a.audio) {
    const x: DocumentAttribute.documentAttributeAudio = { _: 'documentAttributeAudio', duration: Math.round(a.audio.duration) };
    if (a.audio.title !== undefined) x.title = a.audio.title;
    if (a.audio.performer !== undefined) x.performer = a.audio.performer;
    out.push(x);
  }
  if (a.voice) {
    const x: DocumentAttribute.documentAttributeAudio = {
      _: 'documentAttributeAudio',
      voice: true,
      duration: Math.round(a.voice.duration),
    };
    if (a.voice.waveform) x.waveform = a.voice.waveform;
    out.push(x);
  }
  if (a.sticker) out.push({ _: 'documentAttributeSticker', alt: a.sticker.alt ?? '', stickerset: { _: 'inputStickerSetEmpty' } });
  if (a.animated) out.push({ _: 'documentAttributeAnimated' });
  return [...out, ...raw];
}

function isUploaded(x: unknown): x is UploadedFile {
  return typeof x === 'object' && x !== null && 'inputFile' in x;
}

async function uploaded(
  client: ClientCore,
  source: UploadSource | UploadedFile,
  params: SendMediaParams,
  fileName?: string,
): Promise<UploadedFile> {
  if (isUploaded(source)) return source;
  return uploadFile(client, source, {
    ...params.upload,
    ...(fileName !== undefined && { fileName }),
    ...(params.onProgress && { onProgress: params.onProgress }),
    ...(params.signal && { signal: params.signal }),
  });
}

/** The `InputMedia` for `params` (uploading what needs uploading). */
async function inputMedia(client: ClientCore, params: SendMediaParams): Promise<InputMedia> {
  if ((params.photo === undefined) === (params.document === undefined))
    throw new WasmgramError('sendMedia needs exactly one of photo and document');
  const spoiler = params.spoiler ? { spoiler: true as const } : {};
  if (params.photo !== undefined) {
    const p = params.photo;
    if (p instanceof Photo) {
      return {
        _: 'inputMediaPhoto',
        id: { _: 'inputPhoto', id: p.raw.id, access_hash: p.raw.access_hash, file_reference: p.raw.file_reference },
        ...spoiler,
      };
    }
    const file = await uploaded(client, p, params);
    return { _: 'inputMediaUploadedPhoto', file: file.inputFile, ...spoiler };
  }
  const d = params.document!;
  if (d instanceof Document) {
    return {
      _: 'inputMediaDocument',
      id: { _: 'inputDocument', id: d.raw.id, access_hash: d.raw.access_hash, file_reference: d.raw.file_reference },
      ...spoiler,
    };
  }
  const file = await uploaded(client, d, params, params.attributes?.fileName);
  const thumb =
    params.thumb === undefined
      ? undefined
      : await uploadFile(client, params.thumb, { fileName: 'thumb.jpg', ...(params.signal && { signal: params.signal }) });
  const name = params.attributes?.fileName ?? file.name;
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const mime = params.mimeType ?? file.mimeType ?? MIME_BY_EXT[ext] ?? 'application/octet-stream';
  const attributes = documentAttributes(params.attributes, params.rawAttributes);
  if (!attributes.some((a) => a._ === 'documentAttributeFilename') && name !== 'file') {
    attributes.push({ _: 'documentAttributeFilename', file_name: name });
  }
  const m: InputMedia.inputMediaUploadedDocument = {
    _: 'inputMediaUploadedDocument',
    file: file.inputFile,
    mime_type: mime,
    attributes,
    ...spoiler,
  };
  if (thumb) m.thumb = thumb.inputFile;
  if (params.forceFile) m.force_file = true;
  return m;
}

/**
 * Sends a photo or a document and returns the message.
 *
 * @example
 * ```ts
 * await sendMedia(client, 'me', { photo: pngBytes, caption: 'A **photo**', parseMode: 'markdown' });
 * const m = await sendMedia(client, '@alice', {
 *   document: './talk.mp4',
 *   attributes: { video: { duration: 61, width: 1280, height: 720, supportsStreaming: true } },
 *   thumb: thumbJpeg,
 *   onProgress: (sent, total) => console.log(`${sent}/${total}`),
 * });
 * const back = await m.download();
 * ```
 * @throws WasmgramError for bad options; RpcError e.g. IMAGE_PROCESS_FAILED, MEDIA_CAPTION_TOO_LONG, FILE_PARTS_INVALID, CHAT_WRITE_FORBIDDEN
 */
export async function sendMedia(client: ClientCore, peer: PeerLike, params: SendMediaParams): Promise<Message> {
  const input = await resolvePeer(client, peer);
  const media = await inputMedia(client, params);
  const f = formatText(params.caption ?? '', params);
  const rid = randomId(client);
  const res = await client.invoke(
    {
      _: 'messages.sendMedia',
      peer: input,
      media,
      message: f.text,
      random_id: rid,
      ...replyToField(params.replyTo, params.topic),
      ...(await sendAsField(client, params.sendAs)),
      ...(params.silent && { silent: true }),
      ...(f.entities && f.entities.length > 0 && { entities: f.entities }),
      ...(params.replyMarkup && { reply_markup: params.replyMarkup }),
    },
    params.signal ? { signal: params.signal } : {},
  );
  if (res._ === 'updateShortSentMessage') throw new WasmgramError('messages.sendMedia: the answer has no message (short form)');
  const [m] = messagesFromUpdates(client, res, [rid]);
  if (!m) throw new WasmgramError('messages.sendMedia: the answer does not contain the sent message');
  return m;
}
