/**
 * Privacy settings (https://core.telegram.org/api/privacy):
 * `account.setPrivacy` / `account.getPrivacy` for the phone number
 * (`inputPrivacyKeyPhoneNumber`) with the rules allowAll, allowContacts,
 * disallowAll, allowUsers and disallowUsers. Other keys and rules answer
 * METHOD_NOT_IMPLEMENTED. With no rules set, an account's phone reaches that
 * account only (store/contact-store.ts `phoneVisible`).
 */
import type { account, InputPrivacyKey, InputPrivacyRule, PrivacyRule } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { notImplemented } from '../rpc-errors.js';
import type { PhoneRule } from '../store/contact-store.js';
import type { PeerRef } from '../store/peer-ref.js';
import { resolveUser } from './peers.js';

/** Only the phone number key is modelled. */
function checkKey(key: InputPrivacyKey, method: string): void {
  if (key._ !== 'inputPrivacyKeyPhoneNumber') throw notImplemented(`${method}.${key._}`, method);
}

/** An input rule as stored (users resolved to ids). */
function toPhoneRule(call: MethodCall, r: InputPrivacyRule): PhoneRule {
  switch (r._) {
    case 'inputPrivacyValueAllowAll':
      return { kind: 'allowAll' };
    case 'inputPrivacyValueAllowContacts':
      return { kind: 'allowContacts' };
    case 'inputPrivacyValueDisallowAll':
      return { kind: 'disallowAll' };
    case 'inputPrivacyValueAllowUsers':
      return { kind: 'allowUsers', users: r.users.map((u) => resolveUser(call, u).id) };
    case 'inputPrivacyValueDisallowUsers':
      return { kind: 'disallowUsers', users: r.users.map((u) => resolveUser(call, u).id) };
    default:
      throw notImplemented(`account.setPrivacy.${r._}`, 'account.setPrivacy');
  }
}

/** A stored rule as the TL `PrivacyRule`. */
function toTlRule(r: PhoneRule): PrivacyRule {
  switch (r.kind) {
    case 'allowAll':
      return { _: 'privacyValueAllowAll' };
    case 'allowContacts':
      return { _: 'privacyValueAllowContacts' };
    case 'disallowAll':
      return { _: 'privacyValueDisallowAll' };
    case 'allowUsers':
      return { _: 'privacyValueAllowUsers', users: [...r.users] };
    case 'disallowUsers':
      return { _: 'privacyValueDisallowUsers', users: [...r.users] };
  }
}

/** `account.privacyRules` for the caller's phone rules, with the users they name. */
function answer(call: MethodCall): account.PrivacyRules {
  const b = call.backend;
  const me = call.self().id;
  const rules = b.contacts.phoneRulesOf(me);
  const refs: PeerRef[] = [];
  for (const r of rules)
    if (r.kind === 'allowUsers' || r.kind === 'disallowUsers') for (const id of r.users) refs.push({ kind: 'user', id });
  return { _: 'account.privacyRules', rules: rules.map(toTlRule), ...b.peerLists(me, refs) };
}

/** `account.setPrivacy`, `account.getPrivacy`. */
export const accountPrivacyMethods: MethodTable = {
  'account.setPrivacy': {
    auth: true,
    run(call, req) {
      checkKey(req.key, 'account.setPrivacy');
      const rules = req.rules.map((r) => toPhoneRule(call, r));
      call.backend.contacts.setPhoneRules(call.self().id, rules);
      return answer(call);
    },
  },
  'account.getPrivacy': {
    auth: true,
    run(call, req) {
      checkKey(req.key, 'account.getPrivacy');
      return answer(call);
    },
  },
};
