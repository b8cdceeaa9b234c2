/**
 * Each account's default send-as peer per chat (`messages.saveDefaultSendAs`,
 * https://core.telegram.org/api/send-as), shown back as
 * `channelFull.default_send_as`. Hangs off the backend through a WeakMap.
 */
import type { TelegramBackend } from '../backend.js';
import { type PeerRef, peerKey } from './peer-ref.js';

/** Default send-as peers by (chat, account). */
export class SendAsStore {
  private readonly defaults = new Map<string, PeerRef>();

  /** The default `userId` chose for `chat`, if any. */
  get(chat: PeerRef, userId: bigint): PeerRef | undefined {
    return this.defaults.get(`${peerKey(chat)}:${userId}`);
  }

  /** Records `peer` as the default of `userId` in `chat`. */
  set(chat: PeerRef, userId: bigint, peer: PeerRef): void {
    this.defaults.set(`${peerKey(chat)}:${userId}`, peer);
  }
}

const stores = new WeakMap<TelegramBackend, SendAsStore>();

/** The send-as store of `backend`. */
export function sendAsStore(backend: TelegramBackend): SendAsStore {
  let s = stores.get(backend);
  if (!s) stores.set(backend, (s = new SendAsStore()));
  return s;
}
