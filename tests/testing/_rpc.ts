/** Shared assertion for the test-server tests: `p` rejects with exactly this RpcError. */
import * as assert from 'uvu/assert';
import { RpcError } from '../../ts/errors.js';

/** Awaits `p` and asserts it rejected with RpcError `code` / `text` (and `method` when given); returns the error. */
export async function rejects(p: Promise<unknown>, code: number, text: string, method?: string): Promise<RpcError> {
  try {
    await p;
  } catch (e) {
    assert.instance(e, RpcError, String(e));
    const err = e as RpcError;
    assert.is(err.code, code, err.message);
    assert.is(err.text, text, err.message);
    if (method !== undefined) assert.is(err.method, method, err.message);
    return err;
  }
  assert.unreachable(`expected ${code} ${text}, got a result`);
  throw new Error('unreachable');
}
