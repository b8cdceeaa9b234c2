/**
 * `users.getUsers` and `users.getFullUser` (https://core.telegram.org/method/users.getUsers,
 * https://core.telegram.org/method/users.getFullUser), for the signed-in
 * user (`inputUserSelf`) and any account named by id and access hash.
 */
import type { InputUser } from '../../../tl/generated/types.js';
import type { MethodCall, MethodTable } from '../method-call.js';
import { badRequest } from '../rpc-errors.js';
import { toUserFull } from '../tl-user.js';
import { botStore } from './bots-store.js';
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
      const full = toUserFull(u);
      if (full.bot_info) {
        // What the viewer's app shows for the bot: its commands for this chat and language, its menu button.
        const bots = botStore(call.backend);
        full.bot_info.commands = bots.commandsForUser(u.id, viewer, call.ctx.init?.lang_code ?? '');
        full.bot_info.menu_button = bots.menuButton(u.id, viewer) ?? bots.menuButton(u.id, undefined) ?? { _: 'botMenuButtonDefault' };
      }
      return { _: 'users.userFull', full_user: full, chats: [], users: [call.backend.tlUser(u.id, viewer)!] };
    },
  },
};
