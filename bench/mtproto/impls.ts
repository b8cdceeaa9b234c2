/**
 * What every MTProto client in this suite provides (wasmgram, mtcute,
 * GramJS): a cold start (new client, new auth key, first answer), and on an
 * open, signed-in client the three requests the suite times. Each
 * implementation lives in its own file and only calls its library's API.
 */
import type { ServerInfo } from './server.js';

/** An open client on DC 2 of the bench server. */
export interface OpenClient {
  /** `help.getNearestDc` (no login needed); resolves with `this_dc`. */
  nearestDc(): Promise<number>;
  /** `upload.saveFilePart`; resolves with the boolean answer. */
  saveFilePart(fileId: bigint, part: number, bytes: Uint8Array): Promise<boolean>;
  /** `upload.getFile` on the test server's `inputDocumentFileLocation { id: fileId }` convention; resolves with the bytes. */
  getFile(fileId: bigint, offset: number, limit: number): Promise<Uint8Array>;
  /** Closes the connection and frees what the client holds. */
  close(): Promise<void>;
}

/** One client library. */
export interface Impl {
  name: string;
  /** The library version or engine, for the report. */
  version: string;
  /**
   * Cold start: new client object, new auth key (the full key exchange),
   * and the first `help.getNearestDc` answered — plus whatever the library
   * does on connect by itself (named in `notes`). Undefined when the
   * library cannot make a key with the test server (`coldStartUnavailable` says why).
   */
  connect?: () => Promise<OpenClient>;
  coldStartUnavailable?: string;
  /** An open client signed in as test number `phone`, for the steady-state operations. */
  openSignedIn(phone: string): Promise<OpenClient>;
  /**
   * Set when the steady-state operations are known not to work with the
   * test server (then they are not attempted, and this is the reason given).
   */
  steadyStateUnavailable?: string;
  /** How the library was put together for this suite. */
  notes: string[];
}

/** Test phone numbers on DC 2 (https://core.telegram.org/api/auth#test-accounts), one per library. */
export const PHONES: Record<string, string> = {
  wasmgram: '9996620001',
  mtcute: '9996620002',
  gramjs: '9996620003',
};

/** The login code of a DC 2 test number. */
export const DC2_CODE = '22222';

/** The DC every measurement talks to. */
export function dc2(server: ServerInfo): { id: number; host: string; port: number } {
  const dc = server.dcs.find((d) => d.id === 2);
  if (!dc) throw new Error('bench server does not run DC 2');
  return dc;
}
