/**
 * Bot login: `auth.importBotAuthorization` with a token `<botId>:<secret>`
 * made by `backend.addBot` (https://core.telegram.org/api/bots). A bot lives
 * on one DC; asking another DC answers USER_MIGRATE_X.
 */
import type { MethodTable } from '../method-call.js';
import { badRequest, migrate } from '../rpc-errors.js';
import { parseBotToken } from '../user-store.js';
import { checkApp, signInAs } from './auth-checks.js';

/** `auth.importBotAuthorization`. */
export const authBotMethods: MethodTable = {
  'auth.importBotAuthorization': {
    auth: false,
    run(call, req) {
      checkApp(req.api_id, req.api_hash);
      if (!parseBotToken(req.bot_auth_token)) throw badRequest('ACCESS_TOKEN_INVALID');
      const bot = call.backend.users.byBotToken(req.bot_auth_token);
      if (!bot) throw badRequest('ACCESS_TOKEN_INVALID');
      if (bot.dcId !== call.dcId) throw migrate('USER', bot.dcId);
      return signInAs(call, bot);
    },
  },
};
