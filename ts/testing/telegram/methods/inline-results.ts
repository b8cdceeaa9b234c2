/**
 * A bot's inline results (https://core.telegram.org/api/bots/inline): the
 * `InputBotInlineResult`s of `messages.setInlineBotResults` checked the way
 * Telegram checks them and turned into the `BotInlineResult`s the user
 * receives, plus what sending each one posts (text, entities, media,
 * inline keyboard).
 */
import type {
  BotInlineMessage,
  BotInlineResult,
  GeoPoint,
  InputBotInlineMessage,
  InputBotInlineResult,
  InputGeoPoint,
  InputWebDocument,
  MessageEntity,
  MessageMedia,
  ReplyMarkup,
  WebDocument,
} from '../../../tl/generated/types.js';
import type { MethodCall } from '../method-call.js';
import { badRequest, notImplemented } from '../rpc-errors.js';
import { storedMarkup } from './bots-markup.js';
import { mediaStore } from './media-store.js';
import { checkEntities } from './message-input.js';

/** Results one answer may carry (https://core.telegram.org/bots/api#answerinlinequery). */
const INLINE_RESULTS_MAX = 50;
/** Longest result id, in bytes. */
const RESULT_ID_MAX = 64;
const MESSAGE_LENGTH_MAX = 4096;
const CAPTION_LENGTH_MAX = 1024;

/** The result types Telegram knows (https://core.telegram.org/constructor/inputBotInlineResult). */
const RESULT_TYPES = new Set([
  'article',
  'audio',
  'contact',
  'document',
  'game',
  'geo',
  'gif',
  'location',
  'mpeg4_gif',
  'photo',
  'sticker',
  'venue',
  'video',
  'voice',
]);

/** What sending a result posts. */
export interface StoredInlineContent {
  readonly text: string;
  readonly entities: MessageEntity[] | undefined;
  /** A stored photo/document, geo, venue or contact; `'web'` for URL media the emulator cannot fetch. */
  readonly media: { toMessageMedia(): MessageMedia } | 'web' | undefined;
  readonly replyMarkup: ReplyMarkup | undefined;
  readonly noWebpage: boolean;
}

function checkText(text: string, entities: readonly MessageEntity[] | undefined, max: number, allowEmpty: boolean): void {
  if (!allowEmpty && text.trim() === '') throw badRequest('MESSAGE_EMPTY');
  if (text.length > max) throw badRequest(max === CAPTION_LENGTH_MAX ? 'MEDIA_CAPTION_TOO_LONG' : 'MESSAGE_TOO_LONG');
  checkEntities(text, entities);
}

function geoOf(p: InputGeoPoint): GeoPoint {
  if (p._ !== 'inputGeoPoint') throw badRequest('GEO_POINT_INVALID');
  if (!(Math.abs(p.lat) <= 90 && Math.abs(p.long) <= 180)) throw badRequest('GEO_POINT_INVALID');
  return { _: 'geoPoint', lat: p.lat, long: p.long, access_hash: 0n };
}

function webDocument(d: InputWebDocument): WebDocument {
  if (!/^https?:\/\/\S+$/i.test(d.url)) throw badRequest('WEBDOCUMENT_URL_INVALID');
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(d.mime_type)) throw badRequest('WEBDOCUMENT_MIME_INVALID');
  return { _: 'webDocumentNoProxy', url: d.url, size: d.size, mime_type: d.mime_type, attributes: d.attributes };
}

/** The message part of a result: what the user sees in the list and what sending posts. */
function message(
  call: MethodCall,
  m: InputBotInlineMessage,
  media: StoredInlineContent['media'],
): { shown: BotInlineMessage; content: StoredInlineContent } {
  const markup = 'reply_markup' in m ? storedMarkup(call, m.reply_markup, true) : undefined;
  const withMarkup = <T extends object>(x: T): T => (markup ? { ...x, reply_markup: markup } : x);
  switch (m._) {
    case 'inputBotInlineMessageText': {
      checkText(m.message, m.entities, MESSAGE_LENGTH_MAX, false);
      const shown: BotInlineMessage.botInlineMessageText = withMarkup({ _: 'botInlineMessageText', message: m.message });
      if (m.entities?.length) shown.entities = m.entities;
      if (m.no_webpage) shown.no_webpage = true;
      return {
        shown,
        content: { text: m.message, entities: m.entities, media: undefined, replyMarkup: markup, noWebpage: !!m.no_webpage },
      };
    }
    case 'inputBotInlineMessageMediaAuto': {
      if (!media) throw badRequest('SEND_MESSAGE_TYPE_INVALID'); // an article has no media to send
      checkText(m.message, m.entities, CAPTION_LENGTH_MAX, true);
      const shown: BotInlineMessage.botInlineMessageMediaAuto = withMarkup({ _: 'botInlineMessageMediaAuto', message: m.message });
      if (m.entities?.length) shown.entities = m.entities;
      return { shown, content: { text: m.message, entities: m.entities, media, replyMarkup: markup, noWebpage: false } };
    }
    case 'inputBotInlineMessageMediaGeo': {
      const geo = geoOf(m.geo_point);
      const shown: BotInlineMessage = withMarkup({ _: 'botInlineMessageMediaGeo' as const, geo });
      const mm: MessageMedia = { _: 'messageMediaGeo', geo };
      return {
        shown,
        content: { text: '', entities: undefined, media: { toMessageMedia: () => mm }, replyMarkup: markup, noWebpage: false },
      };
    }
    case 'inputBotInlineMessageMediaVenue': {
      const geo = geoOf(m.geo_point);
      const v = { geo, title: m.title, address: m.address, provider: m.provider, venue_id: m.venue_id, venue_type: m.venue_type };
      const shown: BotInlineMessage = withMarkup({ _: 'botInlineMessageMediaVenue' as const, ...v });
      const mm: MessageMedia = { _: 'messageMediaVenue', ...v };
      return {
        shown,
        content: { text: '', entities: undefined, media: { toMessageMedia: () => mm }, replyMarkup: markup, noWebpage: false },
      };
    }
    case 'inputBotInlineMessageMediaContact': {
      if (m.phone_number.trim() === '' || m.first_name.trim() === '') throw badRequest('MEDIA_EMPTY');
      const c = { phone_number: m.phone_number, first_name: m.first_name, last_name: m.last_name, vcard: m.vcard };
      const shown: BotInlineMessage = withMarkup({ _: 'botInlineMessageMediaContact' as const, ...c });
      const mm: MessageMedia = { _: 'messageMediaContact', ...c, user_id: 0n };
      return {
        shown,
        content: { text: '', entities: undefined, media: { toMessageMedia: () => mm }, replyMarkup: markup, noWebpage: false },
      };
    }
    default:
      throw notImplemented(`messages.setInlineBotResults.${m._}`, 'messages.setInlineBotResults');
  }
}

/** A stored photo or document named by an inline result (id and access hash checked). */
function storedFile(call: MethodCall, kind: 'photo' | 'document', id: { _: string; id?: bigint; access_hash?: bigint }) {
  const f = id.id === undefined ? undefined : mediaStore(call.backend).get(id.id);
  if (!f || f.file.kind !== kind || f.accessHash !== id.access_hash)
    throw badRequest(kind === 'photo' ? 'PHOTO_INVALID' : 'DOCUMENT_INVALID');
  return f;
}

/**
 * Checks a bot's results and returns them as the user sees them, with what
 * sending each posts (by result id).
 *
 * @throws RpcError 400 RESULTS_TOO_MUCH, RESULT_ID_INVALID, RESULT_ID_DUPLICATE, RESULT_TYPE_INVALID,
 *   ARTICLE_TITLE_EMPTY, PHOTO_INVALID, DOCUMENT_INVALID, MESSAGE_EMPTY, MESSAGE_TOO_LONG,
 *   SEND_MESSAGE_TYPE_INVALID, REPLY_MARKUP_INVALID, BUTTON_* (see bots-markup.ts)
 */
export function checkInlineResults(
  call: MethodCall,
  input: readonly InputBotInlineResult[],
): { results: BotInlineResult[]; contents: Map<string, StoredInlineContent> } {
  if (input.length > INLINE_RESULTS_MAX) throw badRequest('RESULTS_TOO_MUCH');
  const results: BotInlineResult[] = [];
  const contents = new Map<string, StoredInlineContent>();
  const enc = new TextEncoder();
  for (const r of input) {
    const idBytes = enc.encode(r.id).length;
    if (idBytes === 0 || idBytes > RESULT_ID_MAX) throw badRequest('RESULT_ID_INVALID');
    if (contents.has(r.id)) throw badRequest('RESULT_ID_DUPLICATE');
    switch (r._) {
      case 'inputBotInlineResult': {
        if (!RESULT_TYPES.has(r.type)) throw badRequest('RESULT_TYPE_INVALID');
        if (r.type === 'article' && !r.title?.trim()) throw badRequest('ARTICLE_TITLE_EMPTY');
        const content = r.content ? webDocument(r.content) : undefined;
        const { shown, content: c } = message(call, r.send_message, content ? 'web' : undefined);
        const out: BotInlineResult.botInlineResult = { _: 'botInlineResult', id: r.id, type: r.type, send_message: shown };
        if (r.title !== undefined) out.title = r.title;
        if (r.description !== undefined) out.description = r.description;
        if (r.url !== undefined) out.url = r.url;
        if (r.thumb) out.thumb = webDocument(r.thumb);
        if (content) out.content = content;
        results.push(out);
        contents.set(r.id, c);
        break;
      }
      case 'inputBotInlineResultPhoto': {
        if (r.type !== 'photo') throw badRequest('RESULT_TYPE_INVALID');
        const f = storedFile(call, 'photo', r.photo);
        const { shown, content } = message(call, r.send_message, f);
        results.push({ _: 'botInlineMediaResult', id: r.id, type: r.type, photo: f.toPhoto(), send_message: shown });
        contents.set(r.id, content);
        break;
      }
      case 'inputBotInlineResultDocument': {
        if (!RESULT_TYPES.has(r.type) || r.type === 'photo' || r.type === 'article') throw badRequest('RESULT_TYPE_INVALID');
        const f = storedFile(call, 'document', r.document);
        const { shown, content } = message(call, r.send_message, f);
        const out: BotInlineResult.botInlineMediaResult = {
          _: 'botInlineMediaResult',
          id: r.id,
          type: r.type,
          document: f.toDocument(),
          send_message: shown,
        };
        if (r.title !== undefined) out.title = r.title;
        if (r.description !== undefined) out.description = r.description;
        results.push(out);
        contents.set(r.id, content);
        break;
      }
      default:
        throw notImplemented(`messages.setInlineBotResults.${r._}`, 'messages.setInlineBotResults');
    }
  }
  return { results, contents };
}
