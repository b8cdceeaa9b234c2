/**
 * The `MessagesFilter`s of `messages.search` and `messages.searchGlobal`
 * (https://core.telegram.org/type/MessagesFilter): which stored messages a
 * filter keeps, judged on the media as the viewer sees it. The emulator has
 * no calls, so `inputMessagesFilterPhoneCalls` keeps nothing; "my mentions"
 * asks `mentions` (methods/mentions.ts).
 */
import type { Document, MessageMedia, MessagesFilter } from '../../../tl/generated/types.js';
import { badRequest } from '../rpc-errors.js';
import type { StoredMessage } from '../store/mailbox.js';

/** A web link in plain text (what Telegram's server-side link detection would mark). */
const LINK = /\bhttps?:\/\/\S|\bt\.me\/\S/i;

type DocKind = 'video' | 'round' | 'gif' | 'voice' | 'music' | 'sticker' | 'file';

/** What kind of document a message carries (by its attributes, as Telegram's clients classify them). */
function documentKind(media: MessageMedia): DocKind | undefined {
  if (media._ !== 'messageMediaDocument' || media.document?._ !== 'document') return undefined;
  const attrs = (media.document as Document.document).attributes;
  if (attrs.some((a) => a._ === 'documentAttributeSticker')) return 'sticker';
  if (attrs.some((a) => a._ === 'documentAttributeAnimated')) return 'gif';
  const video = attrs.find((a) => a._ === 'documentAttributeVideo');
  if (video) return video.round_message ? 'round' : 'video';
  const audio = attrs.find((a) => a._ === 'documentAttributeAudio');
  if (audio) return audio.voice ? 'voice' : 'music';
  return 'file';
}

/**
 * A predicate for `filter` (`viewer`: whose view of polls and file references;
 * `mentions`: whether a message mentions the viewer, for `inputMessagesFilterMyMentions`).
 * @throws 400 FILTER_NOT_SUPPORTED for the filters the emulator does not model
 */
export function messageFilter(
  filter: MessagesFilter,
  viewer: bigint,
  mentions: (m: StoredMessage) => boolean = () => false,
): (m: StoredMessage) => boolean {
  const media = (m: StoredMessage) => m.media?.toMessageMedia(viewer);
  const doc = (m: StoredMessage) => {
    const x = media(m);
    return x ? documentKind(x) : undefined;
  };
  switch (filter._) {
    case 'inputMessagesFilterEmpty':
      return () => true;
    case 'inputMessagesFilterPhotos':
      return (m) => media(m)?._ === 'messageMediaPhoto';
    case 'inputMessagesFilterVideo':
      return (m) => doc(m) === 'video';
    case 'inputMessagesFilterPhotoVideo':
      return (m) => media(m)?._ === 'messageMediaPhoto' || doc(m) === 'video';
    case 'inputMessagesFilterDocument':
      return (m) => doc(m) === 'file';
    case 'inputMessagesFilterGif':
      return (m) => doc(m) === 'gif';
    case 'inputMessagesFilterVoice':
      return (m) => doc(m) === 'voice';
    case 'inputMessagesFilterMusic':
      return (m) => doc(m) === 'music';
    case 'inputMessagesFilterRoundVideo':
      return (m) => doc(m) === 'round';
    case 'inputMessagesFilterRoundVoice':
      return (m) => doc(m) === 'round' || doc(m) === 'voice';
    case 'inputMessagesFilterUrl':
      // Telegram finds links in plain text itself; the emulator adds no url entities, so a link in the text counts too.
      return (m) => (m.entities ?? []).some((e) => e._ === 'messageEntityUrl' || e._ === 'messageEntityTextUrl') || LINK.test(m.text);
    case 'inputMessagesFilterGeo':
      return (m) => {
        const k = media(m)?._;
        return k === 'messageMediaGeo' || k === 'messageMediaGeoLive' || k === 'messageMediaVenue';
      };
    case 'inputMessagesFilterContacts':
      return (m) => media(m)?._ === 'messageMediaContact';
    case 'inputMessagesFilterPoll':
      return (m) => media(m)?._ === 'messageMediaPoll';
    case 'inputMessagesFilterPinned':
      return (m) => m.pinned;
    case 'inputMessagesFilterChatPhotos':
      return (m) => m.action?._ === 'messageActionChatEditPhoto';
    case 'inputMessagesFilterMyMentions':
      return mentions;
    case 'inputMessagesFilterPhoneCalls':
      // No calls exist in the emulator (phone.requestCall is not served): an empty, valid answer.
      return () => false;
    default:
      throw badRequest('FILTER_NOT_SUPPORTED');
  }
}
