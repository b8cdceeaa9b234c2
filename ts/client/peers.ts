/**
 * The peer cache feed: every `user`, `chat` and `channel` seen in an answer
 * becomes a `CachedPeer` (id, access hash, usernames, phone) so later calls
 * can build `InputPeer`s without asking the server
 * (https://core.telegram.org/api/peers#access-hashes).
 */
import type { CachedPeer } from '../storage/types.js';

type Obj = { readonly _: string; readonly [k: string]: unknown };

/** The cache entry for a TL `user`, `chat` or `channel` object, or undefined for other objects and forbidden/empty peers. */
export function toCachedPeer(o: Obj, now: number): CachedPeer | undefined {
  const updatedAt = Math.floor(now / 1000);
  const usernames = (main: unknown, extra: unknown): string[] | undefined => {
    const out: string[] = [];
    if (typeof main === 'string' && main !== '') out.push(main.toLowerCase());
    if (Array.isArray(extra)) for (const u of extra as { username?: string }[]) if (u.username) out.push(u.username.toLowerCase());
    return out.length > 0 ? [...new Set(out)] : undefined;
  };
  if (o._ === 'user' && typeof o.id === 'bigint' && typeof o.access_hash === 'bigint') {
    const p: CachedPeer = { id: o.id, kind: 'user', accessHash: o.access_hash, min: o.min === true, updatedAt };
    const names = usernames(o.username, o.usernames);
    if (names) p.usernames = names;
    if (typeof o.phone === 'string' && o.phone !== '') p.phone = o.phone;
    return p;
  }
  if (o._ === 'chat' && typeof o.id === 'bigint') return { id: o.id, kind: 'chat', accessHash: 0n, min: false, updatedAt };
  if (o._ === 'channel' && typeof o.id === 'bigint' && typeof o.access_hash === 'bigint') {
    const p: CachedPeer = { id: o.id, kind: 'channel', accessHash: o.access_hash, min: o.min === true, updatedAt };
    const names = usernames(o.username, o.usernames);
    if (names) p.usernames = names;
    return p;
  }
  return undefined;
}

/**
 * Every user/chat/channel in `result`: the `users` and `chats` lists TL
 * answers carry, a bare `user` (auth.authorization), or a vector of users
 * (users.getUsers). Shallow on purpose: peers are listed at the top level
 * of every answer that references them.
 */
export function collectPeers(result: unknown, now: number): CachedPeer[] {
  const out: CachedPeer[] = [];
  const add = (x: unknown) => {
    if (x && typeof x === 'object' && '_' in x) {
      const p = toCachedPeer(x as Obj, now);
      if (p) out.push(p);
    }
  };
  if (Array.isArray(result)) for (const x of result) add(x);
  else if (result && typeof result === 'object') {
    const r = result as { user?: unknown; users?: unknown; chats?: unknown };
    add(r.user);
    if (Array.isArray(r.users)) for (const x of r.users) add(x);
    if (Array.isArray(r.chats)) for (const x of r.chats) add(x);
  }
  return out;
}
