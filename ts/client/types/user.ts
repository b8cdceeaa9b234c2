/** `User`: a Telegram account (person or bot) with typed getters over the raw `user` (https://core.telegram.org/constructor/user). */
import type { InputPeer, User as TlUser } from '../../tl/generated/types.js';

/** A user or bot. The TL object is `.raw`. */
export class User {
  constructor(readonly raw: TlUser.user) {}

  get id(): bigint {
    return this.raw.id;
  }
  /** Same as `id` (users are not marked). */
  get markedId(): bigint {
    return this.raw.id;
  }
  get firstName(): string {
    return this.raw.first_name ?? '';
  }
  get lastName(): string | undefined {
    return this.raw.last_name;
  }
  /** "First Last", or the first name. */
  get displayName(): string {
    return this.lastName ? `${this.firstName} ${this.lastName}` : this.firstName;
  }
  get username(): string | undefined {
    return this.raw.username;
  }
  /** The phone number (without `+`) when visible. */
  get phone(): string | undefined {
    return this.raw.phone;
  }
  get isBot(): boolean {
    return this.raw.bot === true;
  }
  /** The signed-in account itself. */
  get isSelf(): boolean {
    return this.raw.self === true;
  }
  /** A `min` user: its access hash is usable only in the context it was seen in (https://core.telegram.org/api/min). */
  get isMin(): boolean {
    return this.raw.min === true;
  }
  /** The `InputPeer` for this user (throws for a min user without a usable hash). */
  get inputPeer(): InputPeer {
    if (this.isSelf) return { _: 'inputPeerSelf' };
    return { _: 'inputPeerUser', user_id: this.raw.id, access_hash: this.raw.access_hash ?? 0n };
  }
}
