/**
 * Inline query results a bot answers with (https://core.telegram.org/api/bots/inline):
 * `InlineResult.article`, `.photo` / `.document` (media already on Telegram,
 * by `Photo` / `Document` or input id), `.photoUrl` (a web photo),
 * `.location`, `.venue`, `.contact`. Each returns the raw
 * `InputBotInlineResult` of `messages.setInlineBotResults`; what sending it
 * posts (text or caption with formatting, an inline keyboard) is part of it.
 */
import { ArgumentError } from '../../errors.js';
import { parseHtml } from '../../parsers/html-parse.js';
import { parseMarkdown } from '../../parsers/markdown-parse.js';
import type {
  InputBotInlineMessage,
  InputBotInlineResult,
  InputDocument,
  InputPhoto,
  InputWebDocument,
  MessageEntity,
  ReplyMarkup,
} from '../../tl/generated/types.js';
import { Document } from './document.js';
import { Photo } from './photo.js';

/** Text (or a caption) with its formatting, and the buttons of the sent message. */
export interface InlineMessageOptions {
  /** Formatting as entities; overrides `parseMode`. */
  entities?: MessageEntity[];
  /** Read the text as Markdown or HTML (ts/parsers). */
  parseMode?: 'markdown' | 'html';
  /** An inline keyboard (`inlineKeyboard(...)`) under the sent message. */
  replyMarkup?: ReplyMarkup.replyInlineMarkup;
}

function formatted(text: string, o: InlineMessageOptions): { message: string; entities?: MessageEntity[] } {
  const f = o.entities
    ? { text, entities: o.entities }
    : o.parseMode === 'markdown'
      ? parseMarkdown(text)
      : o.parseMode === 'html'
        ? parseHtml(text)
        : { text, entities: undefined };
  return { message: f.text, ...(f.entities && f.entities.length > 0 && { entities: f.entities }) };
}

const markupOf = (o: InlineMessageOptions) => (o.replyMarkup ? { reply_markup: o.replyMarkup } : {});

function checkId(id: string): string {
  if (typeof id !== 'string' || id === '' || new TextEncoder().encode(id).length > 64)
    throw new ArgumentError('an inline result id must be 1..64 bytes');
  return id;
}

/** A caption message for a media result. */
function caption(text: string | undefined, o: InlineMessageOptions): InputBotInlineMessage {
  return { _: 'inputBotInlineMessageMediaAuto', ...formatted(text ?? '', o), ...markupOf(o) };
}

function inputPhoto(p: Photo | InputPhoto): InputPhoto {
  if (p instanceof Photo) return { _: 'inputPhoto', id: p.raw.id, access_hash: p.raw.access_hash, file_reference: p.raw.file_reference };
  return p;
}

function inputDocument(d: Document | InputDocument): InputDocument {
  if (d instanceof Document)
    return { _: 'inputDocument', id: d.raw.id, access_hash: d.raw.access_hash, file_reference: d.raw.file_reference };
  return d;
}

/** The result type of a document (https://core.telegram.org/constructor/inputBotInlineResultDocument). */
export type InlineDocumentType = 'document' | 'video' | 'audio' | 'voice' | 'gif' | 'mpeg4_gif' | 'sticker';

function documentType(d: Document | InputDocument): InlineDocumentType {
  if (!(d instanceof Document)) return 'document';
  if (d.isSticker) return 'sticker';
  if (d.isVoice) return 'voice';
  if (d.isAudio) return 'audio';
  if (d.isAnimation) return 'gif';
  if (d.isVideo) return 'video';
  return 'document';
}

/**
 * Builders of inline results.
 *
 * @example
 * ```ts
 * client.on('inlineQuery', async (q) => {
 *   await client.answerInlineQuery(q.id, [
 *     InlineResult.article({ id: '1', title: 'Bold', text: `**${q.query}**`, parseMode: 'markdown' }),
 *     InlineResult.photo({ id: '2', photo: catPhoto, caption: 'a cat' }),
 *   ], { cacheTimeS: 60 });
 * });
 * ```
 */
export const InlineResult = {
  /** A text result: the list shows `title` / `description`; sending posts `text`. */
  article(
    r: InlineMessageOptions & {
      id: string;
      title: string;
      text: string;
      description?: string;
      url?: string;
      thumbUrl?: string;
      noWebpage?: boolean;
    },
  ): InputBotInlineResult.inputBotInlineResult {
    if (!r.title?.trim()) throw new ArgumentError('an article needs a title');
    if (!r.text?.trim()) throw new ArgumentError('an article needs a text to send');
    return {
      _: 'inputBotInlineResult',
      id: checkId(r.id),
      type: 'article',
      title: r.title,
      ...(r.description !== undefined && { description: r.description }),
      ...(r.url !== undefined && { url: r.url }),
      ...(r.thumbUrl !== undefined && { thumb: webDocument(r.thumbUrl, 'image/jpeg') }),
      send_message: {
        _: 'inputBotInlineMessageText',
        ...formatted(r.text, r),
        ...(r.noWebpage && { no_webpage: true }),
        ...markupOf(r),
      },
    };
  },
  /** A photo already on Telegram (a `Photo` you received or sent, or its `InputPhoto`). */
  photo(
    r: InlineMessageOptions & { id: string; photo: Photo | InputPhoto; caption?: string },
  ): InputBotInlineResult.inputBotInlineResultPhoto {
    return {
      _: 'inputBotInlineResultPhoto',
      id: checkId(r.id),
      type: 'photo',
      photo: inputPhoto(r.photo),
      send_message: caption(r.caption, r),
    };
  },
  /** A document already on Telegram; `type` defaults from its attributes (video, audio, voice, gif, sticker, document). */
  document(
    r: InlineMessageOptions & {
      id: string;
      document: Document | InputDocument;
      title?: string;
      description?: string;
      caption?: string;
      type?: InlineDocumentType;
    },
  ): InputBotInlineResult.inputBotInlineResultDocument {
    return {
      _: 'inputBotInlineResultDocument',
      id: checkId(r.id),
      type: r.type ?? documentType(r.document),
      document: inputDocument(r.document),
      ...(r.title !== undefined && { title: r.title }),
      ...(r.description !== undefined && { description: r.description }),
      send_message: caption(r.caption, r),
    };
  },
  /** A photo on the web (Telegram fetches it when the result is sent). */
  photoUrl(
    r: InlineMessageOptions & {
      id: string;
      url: string;
      thumbUrl?: string;
      mimeType?: string;
      width?: number;
      height?: number;
      title?: string;
      description?: string;
      caption?: string;
    },
  ): InputBotInlineResult.inputBotInlineResult {
    const mime = r.mimeType ?? 'image/jpeg';
    return {
      _: 'inputBotInlineResult',
      id: checkId(r.id),
      type: 'photo',
      ...(r.title !== undefined && { title: r.title }),
      ...(r.description !== undefined && { description: r.description }),
      content: webDocument(r.url, mime, r.width, r.height),
      thumb: webDocument(r.thumbUrl ?? r.url, mime),
      send_message: caption(r.caption, r),
    };
  },
  /** A point on the map. */
  location(
    r: Omit<InlineMessageOptions, 'entities' | 'parseMode'> & { id: string; title: string; latitude: number; longitude: number },
  ): InputBotInlineResult.inputBotInlineResult {
    return {
      _: 'inputBotInlineResult',
      id: checkId(r.id),
      type: 'geo',
      title: r.title,
      send_message: { _: 'inputBotInlineMessageMediaGeo', geo_point: geo(r.latitude, r.longitude), ...markupOf(r) },
    };
  },
  /** A venue (a place with a name and address). */
  venue(
    r: Omit<InlineMessageOptions, 'entities' | 'parseMode'> & {
      id: string;
      title: string;
      address: string;
      latitude: number;
      longitude: number;
      provider?: string;
      venueId?: string;
      venueType?: string;
    },
  ): InputBotInlineResult.inputBotInlineResult {
    return {
      _: 'inputBotInlineResult',
      id: checkId(r.id),
      type: 'venue',
      title: r.title,
      send_message: {
        _: 'inputBotInlineMessageMediaVenue',
        geo_point: geo(r.latitude, r.longitude),
        title: r.title,
        address: r.address,
        provider: r.provider ?? '',
        venue_id: r.venueId ?? '',
        venue_type: r.venueType ?? '',
        ...markupOf(r),
      },
    };
  },
  /** A contact card. */
  contact(
    r: Omit<InlineMessageOptions, 'entities' | 'parseMode'> & {
      id: string;
      phoneNumber: string;
      firstName: string;
      lastName?: string;
      vcard?: string;
    },
  ): InputBotInlineResult.inputBotInlineResult {
    return {
      _: 'inputBotInlineResult',
      id: checkId(r.id),
      type: 'contact',
      title: [r.firstName, r.lastName].filter(Boolean).join(' '),
      send_message: {
        _: 'inputBotInlineMessageMediaContact',
        phone_number: r.phoneNumber,
        first_name: r.firstName,
        last_name: r.lastName ?? '',
        vcard: r.vcard ?? '',
        ...markupOf(r),
      },
    };
  },
} as const;

function geo(lat: number, long: number) {
  if (!(Math.abs(lat) <= 90 && Math.abs(long) <= 180)) throw new ArgumentError(`not a point on Earth: ${lat}, ${long}`);
  return { _: 'inputGeoPoint' as const, lat, long };
}

function webDocument(url: string, mimeType: string, width?: number, height?: number): InputWebDocument {
  return {
    _: 'inputWebDocument',
    url,
    size: 0,
    mime_type: mimeType,
    attributes: width !== undefined && height !== undefined ? [{ _: 'documentAttributeImageSize', w: width, h: height }] : [],
  };
}
