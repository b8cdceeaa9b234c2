/**
 * `resolvePeer`: any `PeerLike` to an `InputPeer`
 * (https://core.telegram.org/api/peers). The session's peer cache answers
 * first (every user and chat seen in an answer or update is in it); the
 * server is asked only for usernames and phone numbers it does not know.
 * Cache entries from `min` constructors are skipped: their access hash is
 * not valid for this account (https://core.telegram.org/api/min).
 */
import { WasmgramError } from '../../../errors.js';
import type { CachedPeer } from '../../../storage/types.js';
import type { contacts, InputChannel, InputPeer, InputUser } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';
import { unmarkId } from '../../types/marked-id.js';
import type { PeerLike } from '../../types/peer-like.js';

const LINK_RE = /^(?:https?:\/\/)?(?:www\.)?(?:t|telegram)\.(?:me|dog)\/(?:s\/)?([A-Za-z][A-Za-z0-9_]{2,31})\/?(?:[?#].*)?$/i;
const USERNAME_RE = /^@?([A-Za-z][A-Za-z0-9_]{2,31})$/;
const PHONE_RE = /^\+?[0-9][0-9 ()-]{4,}$/;

function fromCache(p: CachedPeer, selfId: bigint | undefined): InputPeer {
  if (p.kind === 'user') return p.id === selfId ? { _: 'inputPeerSelf' } : { _: 'inputPeerUser', user_id: p.id, access_hash: p.accessHash };
  if (p.kind === 'chat') return { _: 'inputPeerChat', chat_id: p.id };
  return { _: 'inputPeerChannel', channel_id: p.id, access_hash: p.accessHash };
}

/** The `InputPeer` of a `contacts.resolvedPeer` answer. */
function fromResolved(r: contacts.ResolvedPeer, selfId: bigint | undefined): InputPeer {
  const p = r.peer;
  if (p._ === 'peerUser') {
    const u = r.users.find((x) => x.id === p.user_id);
    if (u?._ !== 'user' || u.access_hash === undefined)
      throw new WasmgramError(`the server resolved user ${p.user_id} without an access hash`);
    return u.id === selfId ? { _: 'inputPeerSelf' } : { _: 'inputPeerUser', user_id: u.id, access_hash: u.access_hash };
  }
  if (p._ === 'peerChat') return { _: 'inputPeerChat', chat_id: p.chat_id };
  const c = r.chats.find((x) => x.id === p.channel_id);
  if ((c?._ !== 'channel' && c?._ !== 'channelForbidden') || c.access_hash === undefined) {
    throw new WasmgramError(`the server resolved channel ${p.channel_id} without an access hash`);
  }
  return { _: 'inputPeerChannel', channel_id: c.id, access_hash: c.access_hash };
}

/**
 * Turns `peer` into an `InputPeer`: `'me'`/`'self'`, `'@username'` or
 * `'username'`, `t.me/username` links, phone numbers, numeric ids (users,
 * `-id` groups, `-100…` channels), `InputPeer` objects, or anything with an
 * `inputPeer`.
 *
 * @example
 * ```ts
 * const peer = await resolvePeer(client, '@durov');
 * const same = await resolvePeer(client, 'https://t.me/durov');
 * const chan = await resolvePeer(client, -1001234567890n);
 * ```
 * @throws WasmgramError when an id is not in the peer cache (ids alone carry no access hash);
 *   RpcError USERNAME_NOT_OCCUPIED / PHONE_NOT_OCCUPIED from the server
 */
export async function resolvePeer(client: ClientCore, peer: PeerLike): Promise<InputPeer> {
  if (typeof peer === 'object') {
    if ('inputPeer' in peer) return peer.inputPeer;
    return peer;
  }
  const selfId = (await client.storage.getAccount())?.userId;
  if (typeof peer === 'string') {
    const s = peer.trim();
    if (s === 'me' || s === 'self') return { _: 'inputPeerSelf' };
    const name = LINK_RE.exec(s)?.[1] ?? USERNAME_RE.exec(s)?.[1];
    if (name !== undefined) {
      const cached = await client.storage.getPeerByUsername(name);
      if (cached && !cached.min) return fromCache(cached, selfId);
      return fromResolved(await client.invoke({ _: 'contacts.resolveUsername', username: name }), selfId);
    }
    if (/^-?\d+$/.test(s)) return resolvePeer(client, BigInt(s));
    if (PHONE_RE.test(s)) {
      const phone = s.replace(/[^0-9]/g, '');
      const cached = await client.storage.getPeerByPhone(phone);
      if (cached && !cached.min) return fromCache(cached, selfId);
      return fromResolved(await client.invoke({ _: 'contacts.resolvePhone', phone }), selfId);
    }
    throw new WasmgramError(`cannot resolve ${JSON.stringify(peer)}: not a username, link, phone number or id`);
  }
  const { kind, id } = unmarkId(BigInt(peer));
  if (kind === 'user' && id === selfId) return { _: 'inputPeerSelf' };
  if (kind === 'chat') return { _: 'inputPeerChat', chat_id: id };
  const cached = await client.storage.getPeer(id);
  if (cached && cached.kind === kind && !cached.min) return fromCache(cached, selfId);
  throw new WasmgramError(
    `${kind} ${id} is not in the peer cache${cached?.min ? ' (seen only as a min peer)' : ''}: resolve it by username or get it from a dialog or message first`,
  );
}

/** The `InputUser` of a peer that is a user. */
export async function resolveUser(client: ClientCore, peer: PeerLike): Promise<InputUser> {
  const p = await resolvePeer(client, peer);
  if (p._ === 'inputPeerSelf') return { _: 'inputUserSelf' };
  if (p._ === 'inputPeerUser') return { _: 'inputUser', user_id: p.user_id, access_hash: p.access_hash };
  if (p._ === 'inputPeerUserFromMessage') return { _: 'inputUserFromMessage', peer: p.peer, msg_id: p.msg_id, user_id: p.user_id };
  throw new WasmgramError(`${String(peer)} is not a user`);
}

/** The `InputChannel` of a peer that is a channel or supergroup. */
export async function resolveChannel(client: ClientCore, peer: PeerLike): Promise<InputChannel> {
  const p = await resolvePeer(client, peer);
  if (p._ === 'inputPeerChannel') return { _: 'inputChannel', channel_id: p.channel_id, access_hash: p.access_hash };
  if (p._ === 'inputPeerChannelFromMessage')
    return { _: 'inputChannelFromMessage', peer: p.peer, msg_id: p.msg_id, channel_id: p.channel_id };
  throw new WasmgramError(`${String(peer)} is not a channel or supergroup`);
}
