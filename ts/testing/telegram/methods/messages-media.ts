/**
 * `messages.sendMedia` and `messages.uploadMedia`
 * (https://core.telegram.org/method/messages.sendMedia,
 * https://core.telegram.org/method/messages.uploadMedia): an uploaded photo
 * or document (inputMediaUploadedPhoto / inputMediaUploadedDocument) becomes
 * a stored file on the DC that got the request (media-store.ts), an
 * existing one (inputMediaPhoto / inputMediaDocument) is sent again after its
 * access hash and file reference are checked. Polls (polls.ts), dice,
 * contacts, geo points and live locations (media-kinds.ts) are stored as
 * their own media objects; `schedule_date` goes to scheduled.ts.
 */
import type { DocumentAttribute, InputMedia, MessageEntity, Update } from '../../../tl/generated/types.js';
import { container } from '../actions/deliver.js';
import { postMessage } from '../actions/post.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest, notImplemented } from '../rpc-errors.js';
import { storedMarkup } from './bots-markup.js';
import { imageInfo, joinContent, takeInputFile } from './input-file.js';
import { simpleMedia } from './media-kinds.js';
import { type MediaFile, mediaStore } from './media-store.js';
import { caller } from './messages-send.js';
import { newPoll } from './polls.js';
import { scheduleMessage } from './scheduled.js';
import { checkReadable, resolvePeer } from './peers.js';
import { checkEntities } from './message-input.js';
import { checkWritableOrComment } from './comments.js';
import { replyPlace } from './forum-place.js';
import { sendAsPeer } from './send-as.js';
import { checkSendRight, mediaRight } from './send-rights.js';

/** `caption_length_max` of help.getConfig. */
const CAPTION_LENGTH_MAX = 1024;
/** Largest photo Telegram takes as a photo (https://core.telegram.org/api/files#uploading-files). */
const PHOTO_SIZE_MAX = 10 * 1024 * 1024;
/** Largest thumbnail: 200 KiB (https://core.telegram.org/constructor/inputMediaUploadedDocument). */
const THUMB_SIZE_MAX = 200 * 1024;

/** A stored file with `id` whose access hash and reference check out (for re-sending existing media). */
function existing(
  call: MethodCall,
  kind: 'photo' | 'document',
  id: { id: bigint; access_hash: bigint; file_reference: Uint8Array },
): MediaFile {
  const m = mediaStore(call.backend).get(id.id);
  if (!m || m.file.kind !== kind || m.accessHash !== id.access_hash)
    throw badRequest(kind === 'photo' ? 'PHOTO_INVALID' : 'DOCUMENT_INVALID');
  const ref = m.referenceState(id.file_reference);
  if (ref === 'expired') throw badRequest('FILE_REFERENCE_EXPIRED');
  if (ref === 'invalid') throw badRequest('FILE_REFERENCE_INVALID');
  return m;
}

/** The file an `InputMedia` names or uploads. */
export function mediaFile(call: MethodCall, media: InputMedia): MediaFile {
  const store = mediaStore(call.backend);
  switch (media._) {
    case 'inputMediaUploadedPhoto': {
      const content = takeInputFile(call, media.file);
      if (content.size > PHOTO_SIZE_MAX) throw badRequest('PHOTO_INVALID');
      // Telegram decodes the image; the emulator reads the header (PNG or JPEG).
      const info = imageInfo(content.parts[0]!.subarray(0, 64 * 1024));
      if (!info) throw badRequest('IMAGE_PROCESS_FAILED');
      return store.add({
        kind: 'photo',
        content,
        dcId: call.dcId,
        date: call.now,
        mimeType: info.mimeType,
        attributes: [],
        width: info.width,
        height: info.height,
      });
    }
    case 'inputMediaUploadedDocument': {
      const name = media.file._ === 'inputFile' || media.file._ === 'inputFileBig' ? media.file.name : '';
      const content = takeInputFile(call, media.file);
      let thumb: { content: typeof content; width: number; height: number } | undefined;
      if (media.thumb) {
        const t = takeInputFile(call, media.thumb);
        const info = t.size <= THUMB_SIZE_MAX ? imageInfo(joinContent(t)) : undefined;
        if (!info) throw badRequest('IMAGE_PROCESS_FAILED');
        thumb = { content: t, width: info.width, height: info.height };
      }
      const attributes: DocumentAttribute[] = [...media.attributes];
      if (name !== '' && !attributes.some((a) => a._ === 'documentAttributeFilename')) {
        attributes.push({ _: 'documentAttributeFilename', file_name: name });
      }
      const mime = media.mime_type.trim() === '' ? 'application/octet-stream' : media.mime_type;
      return store.add({
        kind: 'document',
        content,
        dcId: call.dcId,
        date: call.now,
        mimeType: mime,
        attributes,
        width: 0,
        height: 0,
        thumb,
      });
    }
    case 'inputMediaPhoto':
      if (media.id._ !== 'inputPhoto') throw badRequest('MEDIA_EMPTY');
      return existing(call, 'photo', media.id);
    case 'inputMediaDocument':
      if (media.id._ !== 'inputDocument') throw badRequest('MEDIA_EMPTY');
      return existing(call, 'document', media.id);
    default:
      throw notImplemented(`messages.sendMedia.${media._}`, 'messages.sendMedia');
  }
}

function checkCaption(text: string, entities: readonly MessageEntity[] | undefined): void {
  if (text.length > CAPTION_LENGTH_MAX) throw badRequest('MEDIA_CAPTION_TOO_LONG');
  checkEntities(text, entities);
}

/** `messages.sendMedia`, `messages.uploadMedia`. */
export const messagesMediaMethods: MethodTable = {
  'messages.sendMedia': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkWritableOrComment(call, peer, req.reply_to);
      checkCaption(req.message, req.entities);
      // Polls, dice, contacts and locations are not files (media-kinds.ts, polls.ts).
      const file =
        simpleMedia(call, req.media) ?? (req.media._ === 'inputMediaPoll' ? newPoll(call, req.media) : mediaFile(call, req.media));
      checkSendRight(call, peer, mediaRight(file.toMessageMedia(me)));
      if (req.schedule_date !== undefined) {
        const input = {
          text: req.message,
          entities: req.entities,
          media: file,
          silent: req.silent === true,
          ...replyPlace(call, peer, req.reply_to),
          sendAs: sendAsPeer(call, peer, req.send_as),
        };
        return scheduleMessage(call, peer, req.schedule_date, [req.random_id], [input]);
      }
      const posted = postMessage(call.backend, {
        actor: me,
        to: peer,
        text: req.message,
        entities: req.entities,
        ...replyPlace(call, peer, req.reply_to),
        sendAs: sendAsPeer(call, peer, req.send_as),
        silent: req.silent === true,
        media: file,
        replyMarkup: storedMarkup(
          call,
          req.reply_markup,
          peer.kind === 'channel' && call.backend.chats.channel(peer.id)?.kind === 'broadcast',
        ),
        except: caller(call),
      });
      // Media messages are answered with full updates: the short form has no media field.
      const list: Update[] = [{ _: 'updateMessageID', id: posted.copy.id, random_id: req.random_id }, posted.update];
      return container(call.backend, me, list, posted.refs);
    },
  },
  'messages.uploadMedia': {
    auth: true,
    run(call, req) {
      checkReadable(call, resolvePeer(call, req.peer));
      return mediaFile(call, req.media).toMessageMedia();
    },
  },
};
