/**
 * Runs the auth key exchange's plain messages over an open `Transport`
 * (https://core.telegram.org/mtproto/auth_key), and a small helper that
 * bounds a promise by an `AbortSignal`. Used by `Connection` when it opens.
 *
 * The handshake code (RSA, DH, the Telegram keys) is loaded by dynamic import
 * on the first exchange: a client opened from a stored key never loads it,
 * which keeps a serverless cold start short.
 */
import type { CryptoProvider } from '../crypto/provider.js';
import type { RsaPublicKey } from '../crypto/rsa.js';
import { TimeoutError, TransportError, WasmgramError } from '../errors.js';
import type { AuthKeyResult } from '../mtproto/handshake/index.js';
import type { Transport } from '../transport/transport.js';

/** What the key exchange needs. */
export interface KeyExchangeOptions {
  crypto: CryptoProvider;
  /** DC id for p_q_inner_data_dc (+10000 for test DCs, negative for media). */
  dcId: number;
  rsaKeys?: readonly RsaPublicKey[];
  /** Lifetime of a temporary key (PFS), seconds; omit for a permanent key. */
  expiresIn?: number;
  /** Clock in ms. */
  clock: () => number;
}

/**
 * Runs the three steps of the key exchange over `transport` and resolves with
 * the new key. Rejects with the first error: a failed check (`SecurityError`,
 * `TlError`), a transport error (-404 ...), or the connection closing.
 */
export function runKeyExchange(transport: Transport, options: KeyExchangeOptions): Promise<AuthKeyResult> {
  return new Promise<AuthKeyResult>((resolve, reject) => {
    const offs: (() => void)[] = [];
    let settled = false;
    const finish = (error: Error | undefined, result?: AuthKeyResult) => {
      if (settled) return;
      settled = true;
      for (const off of offs) off();
      if (error) reject(error);
      else resolve(result!);
    };
    // Listen for the end of the transport before the handshake code loads, so a close meanwhile is not missed.
    offs.push(
      transport.on('error', (e) => finish(e)),
      transport.on('close', () => finish(new TransportError('connection closed during the key exchange'))),
    );
    import('../mtproto/handshake/driver.js').then(
      ({ ClientHandshake }) => {
        if (settled) return;
        try {
          const hs = new ClientHandshake({
            crypto: options.crypto,
            dcId: options.dcId,
            ...(options.rsaKeys && { rsaKeys: options.rsaKeys }),
            ...(options.expiresIn !== undefined && { expiresIn: options.expiresIn }),
            clock: options.clock,
          });
          offs.push(
            transport.on('packet', (packet) => {
              try {
                const out = hs.receive(packet);
                if (out.done) finish(undefined, out.done);
                else transport.send(out.request);
              } catch (e) {
                finish(e instanceof Error ? e : new WasmgramError(String(e)));
              }
            }),
          );
          transport.send(hs.start());
        } catch (e) {
          finish(e instanceof Error ? e : new WasmgramError(String(e)));
        }
      },
      (e: unknown) => finish(e instanceof Error ? e : new WasmgramError(String(e))),
    );
  });
}

/**
 * Resolves or rejects as `promise` does, or rejects with `TimeoutError`
 * (`what` took longer than `ms`) as soon as `signal` aborts.
 */
export function withTimeout<T>(promise: Promise<T>, signal: AbortSignal, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new TimeoutError(`${what} took longer than ${ms} ms`, ms));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** A promise that rejects with `TransportError` when `transport` closes (for racing waits on it); `off` stops listening. */
export function closedSignal(transport: Transport, what: string): { promise: Promise<never>; off: () => void } {
  let off = () => {};
  const promise = new Promise<never>((_, reject) => {
    off = transport.on('close', () => reject(new TransportError(`connection closed during ${what}`)));
  });
  promise.catch(() => {});
  return { promise, off };
}
