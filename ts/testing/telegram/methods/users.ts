/**
 * `users.getUsers` and `users.getFullUser` (https://core.telegram.org/method/users.getUsers,
 * https://core.telegram.org/method/users.getFullUser), for the signed-in
 * user (`inputUserSelf`) and any account named by id and access hash.
 */
import type { InputUser } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { toUserFull } from '../tl-user.js';
import type { UserRecord } from '../user-store.js';

/**
 * The account `input` names, or undefined: `inputUserSelf` is the caller,
 * `inputUser` must carry the access hash the caller was given.
 * `inputUserFromMessage` (min users) is not resolved here.
 */
function resolveInputUser(call: MethodCall, input: InputUser): UserRecord | undefined {
  switch (input._) {
    case 'inputUserSelf':
      return call.self();
    case 'inputUser': {
      const u = call.backend.users.get(input.user_id);
      return u && call.backend.accessHash(call.self().id, { kind: 'user', id: u.id }) === input.access_hash ? u : undefined;
    }
    default:
      return undefined;
  }
}

/** `users.getUsers`, `users.getFullUser`. */
export const usersMethods: MethodTable = {
  'users.getUsers': {
    auth: true,
    run(call, req) {
      // Telegram leaves out ids it cannot resolve instead of failing the whole call.
      const viewer = call.self().id;
      const out = [];
      for (const input of req.id) {
        const u = resolveInputUser(call, input);
        if (u) out.push(call.backend.tlUser(u.id, viewer)!);
      }
      return out;
    },
  },
  'users.getFullUser': {
    auth: true,
    run(call, req) {
      const viewer = call.self().id;
      const u = resolveInputUser(call, req.id);
      if (!u) throw badRequest('USER_ID_INVALID');
      return { _: 'users.userFull', full_user: toUserFull(u), chats: [], users: [call.backend.tlUser(u.id, viewer)!] };
    },
  },
};
