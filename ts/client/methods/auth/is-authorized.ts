/** `isAuthorized`: whether the stored session is signed in. */
import { RpcError } from '../../../errors.js';
import type { ClientCore } from '../../core.js';

/**
 * True when the stored account is signed in (asks the server once:
 * `updates.getState` fails with 401 when the key is not signed in).
 *
 * @example
 * ```ts
 * if (!(await isAuthorized(client))) await client.start({ botToken });
 * ```
 */
export async function isAuthorized(client: ClientCore): Promise<boolean> {
  if (!(await client.storage.getAccount())) return false;
  try {
    await client.invoke({ _: 'updates.getState' });
    return true;
  } catch (e) {
    if (e instanceof RpcError && e.code === 401) return false;
    throw e;
  }
}
