/**
 * The auth key exchange, two ways.
 *
 * 1. `timeHandshakes`: what a user waits for — `new Connection(...)`,
 *    `connect()` (TCP connect + the whole exchange), `close()`; wall ms.
 * 2. `handshakeAnatomy`: where that time goes. The same exchange driven by
 *    hand over a `Transport` with the pure client steps
 *    (`startKeyExchange`/`requestDhParams`/`setClientDhParams`/`finishKeyExchange`, exactly what `Connection` runs
 *    through `ClientHandshake`), each step timed with performance.now, and
 *    `factorizePQ` timed inside step 2 through a wrapping provider:
 *
 *    | part       | what is timed                                                                  |
 *    |------------|--------------------------------------------------------------------------------|
 *    | PQ         | `crypto.factorizePQ(pq)` (WASM Pollard–Brent)                                  |
 *    | RSA        | the rest of step 2: pq primality check, p_q_inner_data, RSA_PAD (2 SHA-256, IGE, 2048-bit modPow with e) |
 *    | DH         | step 3 + finish: IGE-decrypt the answer, dh_prime/g/g_a checks, g^b and g_a^b mod p (2048-bit exponents), g_b check, set_client_DH_params, the key hashes |
 *    | client I/O | TCP connect, step 1, framing and socket writes, event-loop hops                 |
 *    | server     | the wait between sending a step and the answer: the server process's own work plus loopback latency |
 *
 *    Shares are aggregate: each part's total time over all exchanges
 *    divided by the total wall time, so they add up to 100%.
 */
import type { CryptoProvider } from '../../ts/crypto/provider.js';
import { finishKeyExchange, requestDhParams, setClientDhParams, startKeyExchange } from '../../ts/mtproto/handshake/index.js';
import { Transport } from '../../ts/transport/index.js';
import { createNodeTcpFactory } from '../../ts/transport/node.js';
import { median, percentile } from '../lib/stats.js';
import { dc2 } from './impls.js';
import type { ServerInfo } from './server.js';
import { newConnection } from './wasmgram.js';

export interface HandshakeTimes {
  samples: number[];
  medianMs: number;
  p95Ms: number;
}

/** `count` full key exchanges through `Connection`, after `warmup` untimed ones. */
export async function timeHandshakes(server: ServerInfo, crypto: CryptoProvider, count: number, warmup: number): Promise<HandshakeTimes> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const t0 = performance.now();
    const conn = newConnection(server, crypto);
    await conn.connect();
    const dt = performance.now() - t0;
    conn.close();
    if (i >= warmup) samples.push(dt);
  }
  return { samples, medianMs: median(samples), p95Ms: percentile(samples, 95) };
}

/** The parts of one exchange, ms. */
export interface HandshakeParts {
  total: number;
  pq: number;
  rsa: number;
  dh: number;
  clientIo: number;
  server: number;
}

export interface Anatomy {
  exchanges: number;
  /** Median ms of each part (and of the total) over the exchanges. */
  medianMs: HandshakeParts;
  /** Each part's share of the wall time, aggregate over all exchanges (adds up to 1). */
  share: Omit<HandshakeParts, 'total'>;
  /** Times `dh_gen_retry` came back (expected 0). */
  retries: number;
}

/** A provider whose `factorizePQ` adds its time to `spent.ms`. */
function timingProvider(crypto: CryptoProvider, spent: { ms: number }): CryptoProvider {
  return new Proxy(crypto, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (prop === 'factorizePQ') {
        return (pq: bigint) => {
          const t0 = performance.now();
          try {
            return target.factorizePQ(pq);
          } finally {
            spent.ms += performance.now() - t0;
          }
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A transport whose packets are read one at a time. */
async function openTransport(
  server: ServerInfo,
  crypto: CryptoProvider,
): Promise<{ transport: Transport; next: () => Promise<Uint8Array> }> {
  const dc = dc2(server);
  const transport = new Transport({ sockets: createNodeTcpFactory(), codec: 'intermediate', crypto, dcId: 2 });
  const queue: Uint8Array[] = [];
  const waiters: ((p: Uint8Array) => void)[] = [];
  const failures: ((e: Error) => void)[] = [];
  transport.on('packet', (p) => {
    const w = waiters.shift();
    failures.shift();
    if (w) w(p);
    else queue.push(p);
  });
  const fail = (e: Error) => {
    waiters.length = 0;
    for (const f of failures.splice(0)) f(e);
  };
  transport.on('error', fail);
  transport.on('close', () => fail(new Error('closed during the key exchange')));
  await transport.connect(dc.host, dc.port);
  return {
    transport,
    next: () =>
      new Promise((resolve, reject) => {
        const q = queue.shift();
        if (q) return resolve(q);
        waiters.push(resolve);
        failures.push(reject);
      }),
  };
}

/** One exchange, step by step; see the module comment. */
async function oneExchange(server: ServerInfo, crypto: CryptoProvider): Promise<HandshakeParts & { retries: number }> {
  const pqSpent = { ms: 0 };
  const timed = timingProvider(crypto, pqSpent);
  let server_ = 0;
  const t0 = performance.now();
  const { transport, next } = await openTransport(server, crypto);
  try {
    const roundTrip = async (request: Uint8Array) => {
      const s = performance.now();
      transport.send(request);
      const answer = await next();
      server_ += performance.now() - s;
      return answer;
    };
    const s1 = startKeyExchange({ crypto: timed, dcId: 2, rsaKeys: [server.rsaPublicKey] });
    const resPq = await roundTrip(s1.request);

    let t = performance.now();
    const s2 = requestDhParams(s1.state, resPq);
    const step2Ms = performance.now() - t;
    const dhParams = await roundTrip(s2.request);

    t = performance.now();
    const s3 = setClientDhParams(s2.state, dhParams);
    let dhMs = performance.now() - t;
    let answer = await roundTrip(s3.request);
    let state = s3.state;
    let retries = 0;
    for (;;) {
      t = performance.now();
      const r = finishKeyExchange(state, answer);
      dhMs += performance.now() - t;
      if (r.kind === 'done') break;
      retries++;
      state = r.state;
      answer = await roundTrip(r.request);
    }
    const total = performance.now() - t0;
    const rsa = step2Ms - pqSpent.ms;
    return {
      total,
      pq: pqSpent.ms,
      rsa,
      dh: dhMs,
      server: server_,
      clientIo: total - pqSpent.ms - rsa - dhMs - server_,
      retries,
    };
  } finally {
    transport.close();
  }
}

/** `count` exchanges timed part by part, after `warmup` untimed ones. */
export async function handshakeAnatomy(server: ServerInfo, crypto: CryptoProvider, count: number, warmup: number): Promise<Anatomy> {
  const runs: HandshakeParts[] = [];
  let retries = 0;
  for (let i = 0; i < warmup + count; i++) {
    const r = await oneExchange(server, crypto);
    if (i >= warmup) {
      runs.push(r);
      retries += r.retries;
    }
  }
  const sum = (k: keyof HandshakeParts) => runs.reduce((n, r) => n + r[k], 0);
  const total = sum('total');
  const med = (k: keyof HandshakeParts) => median(runs.map((r) => r[k]));
  return {
    exchanges: runs.length,
    medianMs: { total: med('total'), pq: med('pq'), rsa: med('rsa'), dh: med('dh'), clientIo: med('clientIo'), server: med('server') },
    share: {
      pq: sum('pq') / total,
      rsa: sum('rsa') / total,
      dh: sum('dh') / total,
      clientIo: sum('clientIo') / total,
      server: sum('server') / total,
    },
    retries,
  };
}
