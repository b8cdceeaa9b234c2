/** `getMe`: the signed-in account (https://core.telegram.org/method/users.getUsers with `inputUserSelf`). */
import { WasmgramError } from '../../../errors.js';
import type { User } from '../../../tl/generated/types.js';
import type { ClientCore } from '../../core.js';

/**
 * The signed-in user or bot.
 *
 * @example
 * ```ts
 * const me = await getMe(client);
 * console.log(me.first_name, me.id);
 * ```
 * @throws RpcError 401 AUTH_KEY_UNREGISTERED when not signed in
 */
export async function getMe(client: ClientCore): Promise<User.user> {
  const [me] = await client.invoke({ _: 'users.getUsers', id: [{ _: 'inputUserSelf' }] });
  if (me?._ !== 'user') throw new WasmgramError('users.getUsers(inputUserSelf) returned no user');
  return me;
}
