/**
 * The sending rights of a group or supergroup member
 * (https://core.telegram.org/api/rights, https://core.telegram.org/constructor/chatBannedRights):
 * what kind of message needs which flag not to be banned — plain text
 * (`send_plain`; locations, venues and contacts too), photos, videos, round
 * videos, audio, voice notes, other documents, stickers (and dice), GIFs,
 * games, polls, inline bot results, link previews — with the error Telegram
 * gives for each (403 CHAT_SEND_*_FORBIDDEN). `send_media` bans every media
 * kind at once. A member's own restriction counts while its `until_date` is
 * ahead (0: for ever); the chat's default banned rights hold for every member
 * who is not an admin; the creator and admins are never restricted.
 * `send_messages` itself (nothing at all) is checked by `checkWritable`.
 */
import { RpcError } from '../../../errors.js';
import type { ChatBannedRights, Document, MessageMedia } from '../../../tl/generated/types.js';
import type { MethodCall } from '../method-call.js';
import type { PeerRef } from '../store/peer-ref.js';
import { restrictionActive } from './participants-rights.js';

/** A `chatBannedRights` flag that bans one kind of message. */
export type SendRight =
  | 'send_plain'
  | 'send_photos'
  | 'send_videos'
  | 'send_roundvideos'
  | 'send_audios'
  | 'send_voices'
  | 'send_docs'
  | 'send_stickers'
  | 'send_gifs'
  | 'send_games'
  | 'send_polls'
  | 'send_inline'
  | 'embed_links';

/** The error for each banned kind (schema/errors.json: all 403). */
const FORBIDDEN: Readonly<Record<SendRight, string>> = {
  send_plain: 'CHAT_SEND_PLAIN_FORBIDDEN',
  send_photos: 'CHAT_SEND_PHOTOS_FORBIDDEN',
  send_videos: 'CHAT_SEND_VIDEOS_FORBIDDEN',
  send_roundvideos: 'CHAT_SEND_ROUNDVIDEOS_FORBIDDEN',
  send_audios: 'CHAT_SEND_AUDIOS_FORBIDDEN',
  send_voices: 'CHAT_SEND_VOICES_FORBIDDEN',
  send_docs: 'CHAT_SEND_DOCS_FORBIDDEN',
  send_stickers: 'CHAT_SEND_STICKERS_FORBIDDEN',
  send_gifs: 'CHAT_SEND_GIFS_FORBIDDEN',
  send_games: 'CHAT_SEND_GAME_FORBIDDEN',
  send_polls: 'CHAT_SEND_POLL_FORBIDDEN',
  send_inline: 'CHAT_SEND_INLINE_FORBIDDEN',
  embed_links: 'CHAT_SEND_WEBPAGE_FORBIDDEN',
};

/** Kinds that are media, which `send_media` bans all at once (plain text, locations and contacts are not). */
const MEDIA: ReadonlySet<SendRight> = new Set<SendRight>([
  'send_photos',
  'send_videos',
  'send_roundvideos',
  'send_audios',
  'send_voices',
  'send_docs',
  'send_stickers',
  'send_gifs',
  'send_games',
  'send_polls',
  'embed_links',
]);

/** The right a document needs, by its attributes (as Telegram's clients classify them). */
function documentRight(doc: Document.document): SendRight {
  const attrs = doc.attributes;
  if (attrs.some((a) => a._ === 'documentAttributeSticker')) return 'send_stickers';
  if (attrs.some((a) => a._ === 'documentAttributeAnimated')) return 'send_gifs';
  const video = attrs.find((a) => a._ === 'documentAttributeVideo');
  if (video) return video.round_message ? 'send_roundvideos' : 'send_videos';
  const audio = attrs.find((a) => a._ === 'documentAttributeAudio');
  if (audio) return audio.voice ? 'send_voices' : 'send_audios';
  return 'send_docs';
}

/** The right a message with `media` needs (none: plain text). */
export function mediaRight(media: MessageMedia | undefined): SendRight {
  switch (media?._) {
    case undefined:
    case 'messageMediaEmpty':
    case 'messageMediaGeo':
    case 'messageMediaGeoLive':
    case 'messageMediaVenue':
    case 'messageMediaContact':
      return 'send_plain';
    case 'messageMediaPhoto':
      return 'send_photos';
    case 'messageMediaDocument':
      return media.document?._ === 'document' ? documentRight(media.document) : 'send_docs';
    case 'messageMediaDice':
      return 'send_stickers';
    case 'messageMediaPoll':
      return 'send_polls';
    case 'messageMediaGame':
      return 'send_games';
    case 'messageMediaWebPage':
      return 'embed_links';
    default:
      return 'send_docs';
  }
}

/** Whether `rights` ban `right` (directly, or through `send_media` for a media kind). */
function bans(rights: ChatBannedRights | undefined, right: SendRight): 'media' | 'kind' | undefined {
  if (!rights) return undefined;
  if (rights[right]) return 'kind';
  return MEDIA.has(right) && rights.send_media ? 'media' : undefined;
}

/**
 * Checks that the caller may send a message of kind `right` to `peer` (after
 * `checkWritable`): private chats and broadcast posts by admins always pass.
 *
 * @throws RpcError 403 CHAT_SEND_MEDIA_FORBIDDEN (send_media) or the kind's CHAT_SEND_*_FORBIDDEN
 */
export function checkSendRight(call: MethodCall, peer: PeerRef, right: SendRight): void {
  if (peer.kind === 'user') return;
  const chat = call.backend.chatOf(peer);
  const member = chat?.members.get(call.self().id);
  if (!chat || !member || member.role !== 'member') return;
  const own = restrictionActive(member.bannedRights, call.now) ? member.bannedRights : undefined;
  const why = bans(own, right) ?? bans(chat.defaultBannedRights, right);
  if (why === 'kind') throw new RpcError(403, FORBIDDEN[right]);
  if (why === 'media') throw new RpcError(403, 'CHAT_SEND_MEDIA_FORBIDDEN');
}
