/**
 * Where the page connects, read from its address so one build serves both:
 *
 * - no parameters: Telegram itself (WebSocket to `wss://<dc>.web.telegram.org/apiws`),
 *   with your app's `api_id` / `api_hash` from https://my.telegram.org — put them
 *   in `API_ID` / `API_HASH` below or pass `?apiId=…&apiHash=…`;
 * - `?ws=127.0.0.1:40102&dc=2&pem=<the PEM, URL-encoded>`: a wasmgram test
 *   server (`npm run test-server` prints each DC's WebSocket address and the
 *   RSA public key; `examples/browser/dev.ts` prints the whole URL).
 */

/** Your app's id and hash for Telegram (https://core.telegram.org/api/obtaining_api_id). */
const API_ID = 0;
const API_HASH = '';

/** What the page needs to start a client. */
export interface PageConfig {
  apiId: number;
  apiHash: string;
  /** A test server's DC (its WebSocket endpoint) and public key; undefined for Telegram. */
  testServer?: { dcId: number; host: string; wsPort: number; pem: string };
  /** The localStorage key of the string session: one per server, so switching servers never mixes sessions. */
  sessionKey: string;
}

/** Reads the page's parameters; throws with a readable message when one is malformed or missing. */
export function readConfig(search: string): PageConfig {
  const q = new URLSearchParams(search);
  const ws = q.get('ws');
  if (ws === null) {
    const apiId = Number(q.get('apiId') ?? API_ID);
    const apiHash = q.get('apiHash') ?? API_HASH;
    if (!apiId || !apiHash) throw new Error('Set API_ID and API_HASH in examples/browser/config.ts (or pass ?apiId=…&apiHash=…).');
    return { apiId, apiHash, sessionKey: 'wasmgram.session' };
  }
  const m = /^([\w.-]+|\[[\d:a-f]+\]):(\d+)$/i.exec(ws);
  const pem = q.get('pem');
  if (!m || pem === null) throw new Error('A test server needs ?ws=HOST:PORT (its WebSocket address) and ?pem=… (its RSA public key).');
  const dcId = Number(q.get('dc') ?? 2);
  return {
    // Any id and hash do for the test server.
    apiId: Number(q.get('apiId') ?? 12345),
    apiHash: q.get('apiHash') ?? '0123456789abcdef',
    testServer: { dcId, host: m[1]!, wsPort: Number(m[2]), pem },
    sessionKey: `wasmgram.session@${ws}`,
  };
}
