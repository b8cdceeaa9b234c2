/** `logOut`: ends the login on the server and forgets the account (https://core.telegram.org/method/auth.logOut). */
import type { ClientCore } from '../../core.js';

/**
 * Logs out. The auth keys stay (they are not a login by themselves).
 *
 * @example
 * ```ts
 * await logOut(client);
 * ```
 */
export async function logOut(client: ClientCore): Promise<void> {
  await client.invoke({ _: 'auth.logOut' });
  await client.onSignedOut();
}
