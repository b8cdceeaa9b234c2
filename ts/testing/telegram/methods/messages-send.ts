/**
 * Sending and changing messages: `messages.sendMessage`,
 * `messages.forwardMessages`, `messages.editMessage`, `messages.saveDraft`
 * (https://core.telegram.org/method/messages.sendMessage and the pages of
 * the others). `schedule_date` stores the message in scheduled.ts; a live
 * location's media is edited in place (media-kinds.ts).
 */
import type { MessageEntity, Update } from '../../../tl/generated/types.js';
import { editMessage, saveDraft } from '../actions/change.js';
import { container } from '../actions/deliver.js';
import { postMessage } from '../actions/post.js';
import { caller, type MethodCall, type MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import type { PeerRef } from '../store/peer-ref.js';
import { storedMarkup } from './bots-markup.js';
import { LiveLocation } from './media-kinds.js';
import { checkReadable, checkWritable, isAdmin, resolvePeer } from './peers.js';
import { scheduleMessage } from './scheduled.js';
import { checkEntities } from './message-input.js';
import { checkWritableOrComment } from './comments.js';
import { replyPlace } from './forum-place.js';
import { sendAsPeer } from './send-as.js';
import { checkSendRight, mediaRight } from './send-rights.js';

/** Longest message text Telegram accepts (`message_length_max` of help.getConfig). */
const MESSAGE_LENGTH_MAX = 4096;

export { caller } from '../method-call.js';

/** Checks text and entities the way Telegram does: MESSAGE_EMPTY, MESSAGE_TOO_LONG, ENTITY_BOUNDS_INVALID. */
function checkText(text: string, entities: readonly MessageEntity[] | undefined): void {
  if (text.trim() === '') throw badRequest('MESSAGE_EMPTY');
  if (text.length > MESSAGE_LENGTH_MAX) throw badRequest('MESSAGE_TOO_LONG');
  checkEntities(text, entities);
}

/** A message of `peer` that the caller can see, or 400 MESSAGE_ID_INVALID. */
export function findMessage(call: MethodCall, peer: PeerRef, id: number) {
  const m = call.backend.messages.boxFor(call.self().id, peer).get(id);
  if (!m || m.peer.kind !== peer.kind || m.peer.id !== peer.id) throw badRequest('MESSAGE_ID_INVALID');
  return m;
}

/** Deep equality of two TL values (bigints and bytes included) for MESSAGE_NOT_MODIFIED. */
function sameJson(a: unknown, b: unknown): boolean {
  const j = (x: unknown) =>
    JSON.stringify(x ?? null, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Array.from(v) : v));
  return j(a) === j(b);
}

/** `messages.sendMessage`, `messages.forwardMessages`, `messages.editMessage`, `messages.saveDraft`. */
export const messagesSendMethods: MethodTable = {
  'messages.sendMessage': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkWritableOrComment(call, peer, req.reply_to);
      checkSendRight(call, peer, 'send_plain');
      checkText(req.message, req.entities);
      if (req.schedule_date !== undefined) {
        const input = {
          text: req.message,
          entities: req.entities,
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
        noWebpage: req.no_webpage === true,
        replyMarkup: storedMarkup(
          call,
          req.reply_markup,
          peer.kind === 'channel' && call.backend.chats.channel(peer.id)?.kind === 'broadcast',
        ),
        except: caller(call),
      });
      if (req.clear_draft) {
        const d = call.backend.dialogs.get(me, peer);
        if (d) d.draft = undefined;
      }
      const m = posted.copy;
      const u = posted.update;
      if (u._ === 'updateNewMessage' && !m.replyMarkup && !(peer.kind === 'user' && peer.id === me)) {
        // Private chats and basic groups: the short answer (https://core.telegram.org/constructor/updateShortSentMessage).
        // Saved Messages get the full updates, as Telegram sends them (mtcute builds the message from them).
        return { _: 'updateShortSentMessage', out: true, id: m.id, pts: u.pts, pts_count: u.pts_count, date: m.date };
      }
      const list: Update[] = [{ _: 'updateMessageID', id: m.id, random_id: req.random_id }, posted.update];
      return container(call.backend, me, list, posted.refs);
    },
  },
  'messages.forwardMessages': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const from = resolvePeer(call, req.from_peer);
      checkReadable(call, from);
      const to = resolvePeer(call, req.to_peer);
      checkWritable(call, to);
      if (req.id.length === 0) throw badRequest('MESSAGE_IDS_EMPTY');
      if (req.id.length !== req.random_id.length) throw badRequest('RANDOM_ID_INVALID');
      const top = req.top_msg_id;
      const place = replyPlace(
        call,
        to,
        req.reply_to ?? (top ? { _: 'inputReplyToMessage', reply_to_msg_id: top, top_msg_id: top } : undefined),
      );
      const sendAs = sendAsPeer(call, to, req.send_as);
      const list: Update[] = [];
      const refs: PeerRef[] = [to];
      // Every message's kind against the target's rights first, so a refused one leaves nothing half forwarded.
      for (const id of req.id) {
        const src = b.messages.boxFor(me, from).get(id);
        if (src && !src.action) checkSendRight(call, to, mediaRight(src.media?.toMessageMedia(me)));
      }
      req.id.forEach((id, i) => {
        const src = b.messages.boxFor(me, from).get(id);
        if (!src || src.peer.kind !== from.kind || src.peer.id !== from.id || src.action) throw badRequest('MESSAGE_ID_INVALID');
        const fwdFrom: PeerRef = src.fwd ? src.fwd.from : src.post ? src.peer : { kind: 'user', id: src.fromId! };
        const posted = postMessage(b, {
          actor: me,
          to,
          text: src.text,
          entities: src.entities,
          media: src.media,
          ...place,
          sendAs,
          silent: req.silent === true,
          fwd: req.drop_author ? undefined : (src.fwd ?? { from: fwdFrom, date: src.date, ...(src.post && { channelPost: src.id }) }),
          except: caller(call),
        });
        list.push({ _: 'updateMessageID', id: posted.copy.id, random_id: req.random_id[i]! }, posted.update);
        refs.push(...posted.refs);
      });
      return container(b, me, list, refs);
    },
  },
  'messages.editMessage': {
    auth: true,
    run(call, req) {
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const m = findMessage(call, peer, req.id);
      if (m.action) throw badRequest('MESSAGE_ID_INVALID');
      const chat = call.backend.chatOf(peer);
      const mayEdit = m.fromId === me || (m.post && chat !== undefined && isAdmin(chat, me));
      if (!mayEdit) throw badRequest('MESSAGE_AUTHOR_REQUIRED');
      // Live locations are edited in place (https://core.telegram.org/api/live-location); other media edits: later work.
      if (req.media && !(req.media._ === 'inputMediaGeoLive' && m.media instanceof LiveLocation)) throw badRequest('MEDIA_INVALID');
      if (req.media?._ === 'inputMediaGeoLive' && m.media instanceof LiveLocation) {
        m.media.edit(call, req.media);
        const u = editMessage(call.backend, me, m, req.message ?? m.text, req.entities ?? m.entities, caller(call));
        return container(call.backend, me, [u], [peer, { kind: 'user', id: me }]);
      }
      const text = req.message ?? m.text;
      const entities = req.entities ?? (req.message === undefined ? m.entities : undefined);
      checkText(text, entities);
      // A bot may replace (or, with an empty inline keyboard, remove) the buttons; only inline keyboards can be edited in.
      const markup = req.reply_markup === undefined ? m.replyMarkup : storedMarkup(call, req.reply_markup, true);
      const same =
        text === m.text &&
        JSON.stringify(entities ?? []) === JSON.stringify(m.entities ?? []) &&
        (req.reply_markup === undefined || sameJson(markup, m.replyMarkup));
      if (same) throw badRequest('MESSAGE_NOT_MODIFIED');
      for (const c of m.link.copies) c.replyMarkup = markup;
      const u = editMessage(call.backend, me, m, text, entities, caller(call));
      return container(call.backend, me, [u], [peer, { kind: 'user', id: me }]);
    },
  },
  'messages.saveDraft': {
    auth: true,
    run(call, req) {
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      if (req.message.length > MESSAGE_LENGTH_MAX) throw badRequest('MESSAGE_TOO_LONG');
      const replyToId = req.reply_to?._ === 'inputReplyToMessage' ? req.reply_to.reply_to_msg_id : undefined;
      saveDraft(
        call.backend,
        call.self().id,
        peer,
        { text: req.message, entities: req.entities, replyToId, noWebpage: req.no_webpage === true },
        caller(call),
      );
      return true;
    },
  },
};
