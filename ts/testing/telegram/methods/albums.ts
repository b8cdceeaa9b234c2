/**
 * `messages.sendMultiMedia` (https://core.telegram.org/method/messages.sendMultiMedia):
 * an album of 2..10 photos/documents already uploaded with
 * `messages.uploadMedia`, posted as consecutive messages that share one
 * `grouped_id` (https://core.telegram.org/api/files#albums-grouped-media).
 */
import type { Update } from '../../../tl/generated/types.js';
import { container } from '../actions/deliver.js';
import { postMessage } from '../actions/post.js';
import type { MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { PeerRef } from '../store/peer-ref.js';
import { mediaFile } from './messages-media.js';
import { caller } from './messages-send.js';
import { checkWritable, resolvePeer } from './peers.js';
import { replyPlace } from './forum-place.js';
import { sendAsPeer } from './send-as.js';
import { checkSendRight, mediaRight } from './send-rights.js';
import { scheduleMessage } from './scheduled.js';

/** Most items of one album. */
const MAX_ALBUM = 10;

/** `messages.sendMultiMedia`. */
export const albumsMethods: MethodTable = {
  'messages.sendMultiMedia': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkWritable(call, peer);
      const items = req.multi_media;
      if (items.length < 1) throw badRequest('MEDIA_EMPTY');
      if (items.length > MAX_ALBUM) throw badRequest('MULTI_MEDIA_TOO_LONG');
      if (new Set(items.map((i) => i.random_id)).size !== items.length) throw badRequest('RANDOM_ID_DUPLICATE');
      const files = items.map((i) => {
        // Album items must be uploaded first (messages.uploadMedia); raw uploads are refused as Telegram does.
        if (i.media._ !== 'inputMediaPhoto' && i.media._ !== 'inputMediaDocument') throw badRequest('MEDIA_INVALID');
        if (i.message.length > 1024) throw badRequest('MEDIA_CAPTION_TOO_LONG');
        const file = mediaFile(call, i.media);
        checkSendRight(call, peer, mediaRight(file.toMessageMedia()));
        return file;
      });
      const groupedId = new DataView(b.randomBytes(8).buffer).getBigInt64(0, true) & 0x7fffffffffffffffn;
      const place = replyPlace(call, peer, req.reply_to);
      const sendAs = sendAsPeer(call, peer, req.send_as);
      const inputs = items.map((i, k) => ({
        text: i.message,
        entities: i.entities,
        media: files[k],
        silent: req.silent === true,
        groupedId,
        ...place,
        sendAs,
      }));
      if (req.schedule_date !== undefined)
        return scheduleMessage(
          call,
          peer,
          req.schedule_date,
          items.map((i) => i.random_id),
          inputs,
        );
      const list: Update[] = [];
      const refs: PeerRef[] = [peer];
      inputs.forEach((input, k) => {
        const posted = postMessage(b, { actor: me, to: peer, ...input, except: caller(call) });
        list.push({ _: 'updateMessageID', id: posted.copy.id, random_id: items[k]!.random_id }, posted.update);
        refs.push(...posted.refs);
      });
      return container(b, me, list, refs);
    },
  },
};
