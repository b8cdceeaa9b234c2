/**
 * Drives a `Transport` in tests: records its events and waits for them with
 * a timeout, so a broken connection fails the test instead of hanging it.
 */
import type { TransportError } from '../../ts/errors.js';
import { Transport, type TransportOptions } from '../../ts/transport/transport.js';

export interface Recorded {
  transport: Transport;
  packets: Uint8Array[];
  acks: number[];
  errors: TransportError[];
  closes: number;
  /** Resolves once `check()` holds (re-checked after every event); rejects after `ms`. */
  until(check: () => boolean, what: string, ms?: number): Promise<void>;
}

export function record(options: TransportOptions): Recorded {
  const transport = new Transport(options);
  const waiters = new Set<() => void>();
  const poke = () => {
    for (const w of [...waiters]) w();
  };
  const rec: Recorded = {
    transport,
    packets: [],
    acks: [],
    errors: [],
    closes: 0,
    until(check, what, ms = 3000) {
      return new Promise((resolve, reject) => {
        if (check()) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`timed out waiting for ${what}`));
        }, ms);
        const waiter = () => {
          if (!check()) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve();
        };
        waiters.add(waiter);
      });
    },
  };
  transport.on('packet', (p) => (rec.packets.push(p), poke()));
  transport.on('quick-ack', (t) => (rec.acks.push(t), poke()));
  transport.on('error', (e) => (rec.errors.push(e), poke()));
  transport.on('close', () => (rec.closes++, poke()));
  return rec;
}
