/**
 * Contact lists and phone-number privacy per account
 * (https://core.telegram.org/api/contacts, https://core.telegram.org/api/privacy).
 * A contact is saved under the name its owner gave it; `mutual` means each
 * account has the other. Phone privacy is the `inputPrivacyKeyPhoneNumber`
 * rule list; with no rules an account's phone reaches that account only.
 */

/** One saved contact of one account. */
export interface ContactRecord {
  readonly userId: bigint;
  firstName: string;
  lastName: string;
  /** The number as saved (digits), '' when added without one. */
  phone: string;
}

/** A phone privacy rule as stored: users by id. */
export type PhoneRule =
  | { readonly kind: 'allowAll' }
  | { readonly kind: 'allowContacts' }
  | { readonly kind: 'disallowAll' }
  | { readonly kind: 'allowUsers'; readonly users: bigint[] }
  | { readonly kind: 'disallowUsers'; readonly users: bigint[] };

/** Contact lists and phone rules, per account. */
export class ContactStore {
  private readonly lists = new Map<bigint, Map<bigint, ContactRecord>>();
  private readonly phoneRules = new Map<bigint, PhoneRule[]>();

  /** The contacts of `owner`, in the order they were saved. */
  list(owner: bigint): ContactRecord[] {
    return [...(this.lists.get(owner)?.values() ?? [])];
  }

  /** The contact `userId` of `owner`, if saved. */
  get(owner: bigint, userId: bigint): ContactRecord | undefined {
    return this.lists.get(owner)?.get(userId);
  }

  /** Whether `owner` has `userId` as a contact. */
  has(owner: bigint, userId: bigint): boolean {
    return this.lists.get(owner)?.has(userId) === true;
  }

  /** Saves (or renames) a contact of `owner`. */
  save(owner: bigint, record: ContactRecord): void {
    let l = this.lists.get(owner);
    if (!l) this.lists.set(owner, (l = new Map()));
    l.set(record.userId, record);
  }

  /** Removes contact `userId` of `owner`; whether it was there. */
  remove(owner: bigint, userId: bigint): boolean {
    return this.lists.get(owner)?.delete(userId) === true;
  }

  /** The phone rules of `owner` ([] = the default: nobody else). */
  phoneRulesOf(owner: bigint): readonly PhoneRule[] {
    return this.phoneRules.get(owner) ?? [];
  }

  /** Replaces the phone rules of `owner`. */
  setPhoneRules(owner: bigint, rules: PhoneRule[]): void {
    this.phoneRules.set(owner, rules);
  }

  /** Lets `viewer` see the phone of `owner` (`add_phone_privacy_exception`): an `allowUsers` entry. */
  allowPhoneTo(owner: bigint, viewer: bigint): void {
    const rules = [...this.phoneRulesOf(owner)];
    const i = rules.findIndex((r) => r.kind === 'allowUsers');
    const prev = i >= 0 ? (rules[i] as { users: bigint[] }).users : [];
    const next: PhoneRule = { kind: 'allowUsers', users: prev.includes(viewer) ? prev : [...prev, viewer] };
    if (i >= 0) rules[i] = next;
    else rules.push(next);
    // An explicit exception wins over an older `disallowUsers` entry for the same account.
    this.phoneRules.set(
      owner,
      rules.map((r) => (r.kind === 'disallowUsers' ? { kind: 'disallowUsers', users: r.users.filter((u) => u !== viewer) } : r)),
    );
  }

  /**
   * Whether `viewer` sees the phone of `owner`. Exceptions for named users
   * come first (a disallow beats an allow), then the base rule
   * (allowAll / allowContacts / disallowAll), as the apps present them.
   */
  phoneVisible(owner: bigint, viewer: bigint): boolean {
    if (owner === viewer) return true;
    const rules = this.phoneRulesOf(owner);
    if (rules.some((r) => r.kind === 'disallowUsers' && r.users.includes(viewer))) return false;
    if (rules.some((r) => r.kind === 'allowUsers' && r.users.includes(viewer))) return true;
    for (const r of rules) {
      if (r.kind === 'allowAll') return true;
      if (r.kind === 'allowContacts' && this.has(owner, viewer)) return true;
      if (r.kind === 'disallowAll') return false;
    }
    return false;
  }
}
