/**
 * `signInBot`: logs a bot in with its token (https://core.telegram.org/api/bots).
 * A USER_MIGRATE_X answer moves the home DC to the bot's DC and the call is
 * repeated there by the DC pool.
 */
import type { User } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';

/**
 * Signs in as a bot.
 *
 * @example
 * ```ts
 * const bot = await signInBot(client, '123456:AAE...');
 * ```
 * @throws RpcError ACCESS_TOKEN_INVALID, ACCESS_TOKEN_EXPIRED
 */
export async function signInBot(client: ClientCore, token: string): Promise<User.user> {
  const res = await client.invoke({
    _: 'auth.importBotAuthorization',
    flags: 0,
    api_id: client.apiId,
    api_hash: client.apiHash,
    bot_auth_token: token,
  });
  return client.onSignedIn(res);
}
