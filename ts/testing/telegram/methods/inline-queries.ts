/**
 * Inline queries (https://core.telegram.org/api/bots/inline): a user types
 * `@bot query` — `messages.getInlineBotResults` — and the bot gets
 * `updateBotInlineQuery`; it answers with `messages.setInlineBotResults`
 * (checked in inline-results.ts), which the user's call returns (or 400
 * BOT_RESPONSE_TIMEOUT past the deadline). Answers are cached server-side
 * for `cache_time` seconds (per user when `private`), as Telegram does.
 * `messages.sendInlineBotResult` posts a chosen result `via @bot` and, when
 * the bot turned inline feedback on, sends it `updateBotInlineSend`.
 */
import type { InlineQueryPeerType, messages, Update } from '../../../tl/generated/types.js';
import { container, push } from '../actions/deliver.js';
import { postMessage } from '../actions/post.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest, notImplemented } from '../rpc-errors.js';
import type { PeerRef } from '../store/peer-ref.js';
import { checkBot } from './callback-queries.js';
import { botStore, INLINE_RESULT_TTL, type KeptInlineAnswer } from './bots-store.js';
import { checkInlineResults, type StoredInlineContent } from './inline-results.js';
import { caller } from './messages-send.js';
import { checkReadable, checkWritable, resolvePeer, resolveUser } from './peers.js';
import { replyPlace } from './forum-place.js';
import { sendAsPeer } from './send-as.js';
import { checkSendRight } from './send-rights.js';

/** Longest inline query text (https://core.telegram.org/bots/api#inlinequery: up to 256 characters). */
const QUERY_MAX = 256;
/** Longest `next_offset`, in bytes. */
const NEXT_OFFSET_MAX = 64;

/** What the bot's `setInlineBotResults` hands to the waiting user. */
interface InlineAnswer {
  readonly answer: KeptInlineAnswer['answer'];
  readonly contents: Map<string, StoredInlineContent>;
  readonly cacheTime: number;
  readonly private: boolean;
}

/** The kind of chat the query comes from, as the bot sees it (https://core.telegram.org/type/InlineQueryPeerType). */
function peerType(call: MethodCall, peer: PeerRef, botId: bigint): InlineQueryPeerType {
  if (peer.kind === 'user') {
    if (peer.id === botId) return { _: 'inlineQueryPeerTypeSameBotPM' };
    return call.backend.users.get(peer.id)?.bot ? { _: 'inlineQueryPeerTypeBotPM' } : { _: 'inlineQueryPeerTypePM' };
  }
  if (peer.kind === 'chat') return { _: 'inlineQueryPeerTypeChat' };
  return call.backend.chats.channel(peer.id)?.kind === 'broadcast'
    ? { _: 'inlineQueryPeerTypeBroadcast' }
    : { _: 'inlineQueryPeerTypeMegagroup' };
}

/** `messages.getInlineBotResults`, `messages.setInlineBotResults`, `messages.sendInlineBotResult`. */
export const inlineQueryMethods: MethodTable = {
  'messages.getInlineBotResults': {
    auth: true,
    async run(call, req) {
      const me = call.self();
      if (me.bot) throw badRequest('BOT_METHOD_INVALID');
      const bot = resolveUser(call, req.bot);
      if (!bot.bot) throw badRequest('BOT_INVALID');
      const store = botStore(call.backend);
      if (!store.settings(bot.id).inline) throw badRequest('BOT_INLINE_DISABLED');
      const peer = resolvePeer(call, req.peer);
      checkReadable(call, peer);
      const query = req.query.slice(0, QUERY_MAX);
      const users = () => [call.backend.tlUser(bot.id, me.id)!];
      const hit = store.cached(bot.id, query, req.offset, me.id);
      if (hit) return { ...hit.kept.answer, query_id: hit.queryId, users: users() } as messages.BotResults;

      const queryId = store.newQueryId();
      const update: Update.updateBotInlineQuery = {
        _: 'updateBotInlineQuery',
        query_id: queryId,
        user_id: me.id,
        query,
        peer_type: peerType(call, peer, bot.id),
        offset: req.offset,
      };
      if (req.geo_point?._ === 'inputGeoPoint')
        update.geo = { _: 'geoPoint', lat: req.geo_point.lat, long: req.geo_point.long, access_hash: 0n };
      const waiting = store.wait<InlineAnswer>(queryId, 'inline', bot.id, me.id);
      push(call.backend, bot.id, container(call.backend, bot.id, [update], [{ kind: 'user', id: me.id }]), undefined);
      const a = await waiting;
      const kept: KeptInlineAnswer = {
        botId: bot.id,
        userId: me.id,
        query,
        date: call.backend.now(),
        contents: a.contents,
        answer: a.answer,
        cacheTime: a.cacheTime,
        private: a.private,
      };
      store.keepAnswer(queryId, kept, req.offset);
      return { ...a.answer, query_id: queryId, users: users() } as messages.BotResults;
    },
  },
  'messages.setInlineBotResults': {
    auth: true,
    run(call, req) {
      const botId = checkBot(call);
      const q = botStore(call.backend).open(req.query_id, 'inline', botId);
      const { results, contents } = checkInlineResults(call, req.results);
      if (req.next_offset !== undefined && new TextEncoder().encode(req.next_offset).length > NEXT_OFFSET_MAX)
        throw badRequest('NEXT_OFFSET_INVALID');
      if (req.switch_pm) {
        if (req.switch_pm.text.trim() === '') throw badRequest('SWITCH_PM_TEXT_EMPTY');
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(req.switch_pm.start_param)) throw badRequest('START_PARAM_INVALID');
      }
      if (req.switch_webview && !/^https:\/\/\S+$/i.test(req.switch_webview.url)) throw badRequest('SWITCH_WEBVIEW_URL_INVALID');
      const cacheTime = Math.max(0, req.cache_time);
      const answer: InlineAnswer['answer'] = { _: 'messages.botResults', results, cache_time: cacheTime };
      if (req.gallery) answer.gallery = true;
      if (req.next_offset !== undefined && req.next_offset !== '') answer.next_offset = req.next_offset;
      if (req.switch_pm) answer.switch_pm = req.switch_pm;
      if (req.switch_webview) answer.switch_webview = req.switch_webview;
      q.resolve({ answer, contents, cacheTime, private: req.private === true } satisfies InlineAnswer);
      return true;
    },
  },
  'messages.sendInlineBotResult': {
    auth: true,
    run(call, req) {
      const b = call.backend;
      const me = call.self().id;
      const peer = resolvePeer(call, req.peer);
      checkWritable(call, peer);
      checkSendRight(call, peer, 'send_inline');
      if (req.query_id === 0n) throw badRequest('QUERY_ID_EMPTY');
      if (req.id === '') throw badRequest('RESULT_ID_EMPTY');
      const store = botStore(b);
      const kept = store.answer(req.query_id);
      // Results are the asker's (or anyone's, for a shared cached answer) and live for a while.
      if (!kept || (kept.private && kept.userId !== me) || kept.date + INLINE_RESULT_TTL < call.now)
        throw badRequest('INLINE_RESULT_EXPIRED');
      const content = kept.contents.get(req.id);
      if (!content) throw badRequest('RESULT_ID_INVALID');
      if (content.media === 'web') throw notImplemented('messages.sendInlineBotResult.webContent', 'messages.sendInlineBotResult');
      if (req.schedule_date !== undefined) throw badRequest('SCHEDULE_DATE_INVALID'); // scheduled messages: not stored yet
      const posted = postMessage(b, {
        actor: me,
        to: peer,
        text: content.text,
        entities: content.entities,
        media: content.media,
        replyMarkup: content.replyMarkup,
        viaBotId: req.hide_via ? undefined : kept.botId,
        ...replyPlace(call, peer, req.reply_to),
        sendAs: sendAsPeer(call, peer, req.send_as),
        silent: req.silent === true,
        noWebpage: content.noWebpage,
        except: caller(call),
      });
      if (req.clear_draft) {
        const d = b.dialogs.get(me, peer);
        if (d) d.draft = undefined;
      }
      if (store.settings(kept.botId).inlineFeedback) {
        // updateBotInlineSend carries msg_id only when the message has an inline keyboard (the bot can then edit it).
        const sent: Update.updateBotInlineSend = { _: 'updateBotInlineSend', user_id: me, query: kept.query, id: req.id };
        if (content.replyMarkup?._ === 'replyInlineMarkup') {
          const own = posted.copy;
          sent.msg_id = store.inlineMessageId(call.dcId, own.box.id, own.id);
        }
        push(b, kept.botId, container(b, kept.botId, [sent], [{ kind: 'user', id: me }]), undefined);
      }
      const list: Update[] = [{ _: 'updateMessageID', id: posted.copy.id, random_id: req.random_id }, posted.update];
      return container(b, me, list, [...posted.refs, { kind: 'user', id: kept.botId }]);
    },
  },
};
