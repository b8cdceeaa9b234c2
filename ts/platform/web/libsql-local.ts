/**
 * `#platform/libsql-local` in browsers and workers: no files and no native
 * modules, so only remote libSQL (`libsql://`, `http(s)://`) works there.
 */
import type { Client, Config } from '@libsql/client';
import { SessionError } from '../../errors.js';
import { notAvailable } from '../not-available.js';

/** Throws `SessionError`: a local libSQL database needs files and a native module. */
export function createLocalLibsqlClient(_config: Config): Client {
  throw new SessionError(notAvailable('a local libSQL database (file: or :memory:)'));
}
