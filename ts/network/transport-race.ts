/**
 * `transport: 'auto'`: several ways to reach one DC (TCP with plain
 * intermediate framing, TCP with obfuscated2, WebSocket) raced for the first
 * connection; the first that really talks MTProto wins and the others are
 * closed (https://core.telegram.org/mtproto/mtproto-transports).
 *
 * A socket that opens proves little — a middlebox may accept the TCP
 * connection and then drop every byte. So each candidate must also answer a
 * probe: an unencrypted `req_pq_multi` (https://core.telegram.org/mtproto/auth_key),
 * which any MTProto server answers with a `resPQ` carrying the same nonce and
 * which changes no server state (TDLib pings proxies the same way). The
 * winning transport is handed over open; a key exchange or encrypted traffic
 * follows on it as on any other connection.
 *
 * Candidates start staggered (Happy Eyeballs, RFC 8305: `delayMs`), and a
 * failed candidate starts the waiting ones at once (see `raceFirst`).
 */
import { bytesEqual } from '../crypto/bytes.js';
import type { CryptoProvider } from '../crypto/provider.js';
import { SecurityError, TransportError, WasmgramError } from '../errors.js';
import { MsgIdGenerator } from '../mtproto/msg-id.js';
import { decodePlainMessage, encodePlainMessage } from '../mtproto/plain-message.js';
import { decode, encode } from '../tl/codec/index.js';
import type { CodecKind } from '../transport/frame.js';
import { raceFirst } from '../transport/proxy/race.js';
import type { SocketFactory } from '../transport/socket.js';
import { Transport } from '../transport/transport.js';

/** One way to connect to a DC. */
export interface TransportCandidate {
  /** Its name in events, logs and errors, and what the pool remembers: `tcp-intermediate`, `tcp-obfuscated`, `websocket`... */
  readonly label: string;
  readonly sockets: SocketFactory;
  /** Framing (default `intermediate`). */
  readonly codec?: CodecKind;
  /** obfuscated2 (forced on by WebSocket sockets). */
  readonly obfuscated?: boolean;
  /** Where this candidate connects (WebSocket endpoints have their own host and port). */
  readonly host: string;
  readonly port: number;
  /** Start this many ms after the race begins, unless an earlier candidate fails first (default 0). */
  readonly delayMs?: number;
}

/** What every candidate shares. */
export interface TransportRaceOptions {
  crypto: CryptoProvider;
  /** DC id for the obfuscated2 header (+10 000 for test DCs, negative for media). */
  protocolDcId: number;
  /** 16-byte MTProxy secret, if any. */
  secret?: Uint8Array;
  /** Aborts the race (every candidate is closed). */
  signal?: AbortSignal;
  /** Limit for the whole race, ms. */
  timeoutMs?: number;
  /** Clock in ms, for the probe's msg_id (default `Date.now`). */
  now?: () => number;
}

/** The open transport that won, and its candidate. */
export interface TransportRaceWinner {
  transport: Transport;
  candidate: TransportCandidate;
}

/**
 * Opens every candidate (staggered), probes each with `req_pq_multi`, and
 * resolves with the first whose server answered; the others are aborted or
 * closed. Rejects with `RaceError` (every candidate failed; `failures` names
 * each one's error), `TimeoutError` (`timeoutMs`) or `TransportError` (aborted).
 *
 * @example
 * ```ts
 * const { transport, candidate } = await raceTransports(
 *   [
 *     { label: 'tcp-intermediate', sockets: tcp, host, port },
 *     { label: 'tcp-obfuscated', sockets: tcp, host, port, obfuscated: true, delayMs: 100 },
 *     { label: 'websocket', sockets: ws, host: 'venus.web.telegram.org', port: 443, delayMs: 200 },
 *   ],
 *   { crypto, protocolDcId: 2, timeoutMs: 15_000 },
 * );
 * ```
 */
export async function raceTransports(
  candidates: readonly TransportCandidate[],
  options: TransportRaceOptions,
): Promise<TransportRaceWinner> {
  const won = await raceFirst<Transport>(
    candidates.map((c) => ({
      label: c.label,
      ...(c.delayMs !== undefined && { delayMs: c.delayMs }),
      open: (signal) => openAndProbe(c, options, signal),
      dispose: (t) => t.close(),
    })),
    { signal: options.signal, timeoutMs: options.timeoutMs },
  );
  return { transport: won.value, candidate: candidates[won.index]! };
}

/** Opens one candidate and waits for its answer to the probe; closes it on failure or abort. */
async function openAndProbe(c: TransportCandidate, options: TransportRaceOptions, signal: AbortSignal): Promise<Transport> {
  const transport = new Transport({
    sockets: c.sockets,
    codec: c.codec ?? 'intermediate',
    obfuscated: c.obfuscated ?? false,
    crypto: options.crypto,
    dcId: options.protocolDcId,
    ...(options.secret && { secret: options.secret }),
  });
  const onAbort = () => transport.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await transport.connect(c.host, c.port, signal);
    await probe(transport, options, signal);
    return transport;
  } catch (e) {
    transport.close();
    throw e;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Sends `req_pq_multi` and resolves on the matching `resPQ`. */
function probe(transport: Transport, options: TransportRaceOptions, signal: AbortSignal): Promise<void> {
  const nonce = new Uint8Array(16);
  options.crypto.random(nonce);
  const msgId = new MsgIdGenerator().next((options.now ?? Date.now)());
  return new Promise<void>((resolve, reject) => {
    const offs: (() => void)[] = [];
    const finish = (error?: Error) => {
      for (const off of offs) off();
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => finish(new TransportError('the transport probe was aborted'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    offs.push(
      transport.on('packet', (packet) => {
        try {
          const answer = decode(decodePlainMessage(packet).body) as { _: string; nonce?: unknown };
          if (answer._ !== 'resPQ' || !(answer.nonce instanceof Uint8Array) || !bytesEqual(answer.nonce, nonce)) {
            throw new SecurityError('nonce', `the probe got ${answer._}, not the resPQ it asked for`);
          }
          finish();
        } catch (e) {
          finish(e instanceof WasmgramError ? e : new TransportError(`the probe got a broken answer: ${String(e)}`));
        }
      }),
      transport.on('error', (e) => finish(e)),
      transport.on('close', () => finish(new TransportError('the connection closed before answering the probe'))),
    );
    try {
      transport.send(encodePlainMessage(msgId, encode({ _: 'req_pq_multi', nonce })));
    } catch (e) {
      finish(e instanceof WasmgramError ? e : new TransportError(String(e)));
    }
  });
}
