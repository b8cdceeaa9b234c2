/**
 * Every implementation of every crypto operation, prepared for one size:
 * a `run` closure to time and a `check` that compares one output with
 * node:crypto before anything is timed.
 */
import nodeCrypto from 'node:crypto';
import type { AuthKeyHandle, CryptoProvider } from '../../ts/crypto/provider.js';
import type { Fixtures } from './fixtures.js';
import { HandChain } from './hand-chain.js';
import type { GramMtprotoState, Loaded, Peers } from './peers.js';
import { igeEcb, igeEncryptCbc, nodeCtr, nodeHash, referenceOpen } from './reference.js';

export const OPS = ['ige-encrypt', 'ige-decrypt', 'ctr', 'sha1', 'sha256', 'seal', 'open', 'pq'] as const;
export type CryptoOp = (typeof OPS)[number];

/** The ops measured as throughput (pq is measured as latency). */
export type ThroughputOp = Exclude<CryptoOp, 'pq'>;

export const OURS = ['wasmgram-wasm-simd', 'wasmgram-wasm', 'wasmgram-node'] as const;
export const isOurs = (impl: string) => impl.startsWith('wasmgram-');

export interface Timed {
  impl: string;
  run: () => unknown;
  async?: boolean;
  /** Throws (or rejects) when the implementation's output is wrong. */
  check: () => unknown;
  dispose?: () => void;
}

export interface NotRun {
  impl: string;
  reason: string;
}

export type Candidate = Timed | NotRun;
export const isTimed = (c: Candidate): c is Timed => 'run' in c;

export interface Engines {
  'wasmgram-wasm-simd': Loaded<CryptoProvider>;
  'wasmgram-wasm': Loaded<CryptoProvider>;
  'wasmgram-node': Loaded<CryptoProvider>;
}

function sameBytes(what: string, got: Uint8Array, want: Uint8Array): void {
  if (got.length !== want.length || !Buffer.from(got.buffer, got.byteOffset, got.length).equals(want)) {
    throw new Error(`${what}: output differs from node:crypto`);
  }
}

const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.length);

/** `make` runs only when the library loaded; a throw while preparing also becomes n/a. */
function candidate<T>(impl: string, lib: Loaded<T>, make: (v: T) => Omit<Timed, 'impl'>): Candidate {
  if (!lib.ok) return { impl, reason: lib.reason };
  try {
    return { impl, ...make(lib.value) };
  } catch (e) {
    return { impl, reason: e instanceof Error ? e.message : String(e) };
  }
}

const NODE: Loaded<null> = { ok: true, value: null };

/** A pure function of the input checked against a reference output. */
function transform<T>(
  impl: string,
  lib: Loaded<T>,
  make: (v: T) => (input: Uint8Array) => Uint8Array,
  input: Uint8Array,
  want: () => Uint8Array,
): Candidate {
  return candidate(impl, lib, (v) => {
    const f = make(v);
    return { run: () => f(input), check: () => sameBytes(impl, f(input), want()) };
  });
}

/** A stateful stream: timed on one long-lived stream, checked on a fresh one. */
function stream<T>(
  impl: string,
  lib: Loaded<T>,
  open: (v: T) => { process: (b: Uint8Array) => Uint8Array; close?: () => void },
  input: Uint8Array,
  want: () => Uint8Array,
): Candidate {
  return candidate(impl, lib, (v) => {
    const s = open(v);
    const data = input.slice();
    return {
      run: () => s.process(data),
      check: () => {
        const fresh = open(v);
        sameBytes(impl, fresh.process(input.slice()), want());
        fresh.close?.();
      },
      ...(s.close ? { dispose: s.close } : {}),
    };
  });
}

export async function buildCases(op: ThroughputOp, size: number, engines: Engines, peers: Peers, fx: Fixtures): Promise<Candidate[]> {
  const { key, iv, ctrIv } = fx;
  const data = fx.bytes(size);
  const ours = OURS.map((name) => [name, engines[name]] as const);
  const memo = <T>(f: () => T) => {
    let v: T | undefined;
    return () => (v ??= f());
  };

  switch (op) {
    case 'ige-encrypt':
    case 'ige-decrypt': {
      const dec = op === 'ige-decrypt';
      const want = memo(() => igeEcb(dec, data, key, iv));
      const gramKey = Buffer.from(key);
      const gramIv = Buffer.from(iv);
      const list: Candidate[] = ours.map(([name, p]) =>
        transform(name, p, (p) => (d) => (dec ? p.igeDecrypt(d, key, iv) : p.igeEncrypt(d, key, iv)), data, want),
      );
      list.push(
        transform(
          '@mtcute/wasm',
          peers.mtcuteWasm,
          (mt) => (d) => (dec ? mt.ige256Decrypt(d, key, iv) : mt.ige256Encrypt(d, key, iv)),
          data,
          want,
        ),
        transform(
          'gramjs',
          peers.gramjs,
          (g) => (d) => {
            const ige = new g.IGE(gramKey, gramIv);
            return dec ? ige.decryptIge(buf(d)) : ige.encryptIge(buf(d));
          },
          data,
          want,
        ),
        transform('node:crypto', NODE, () => (d) => igeEcb(dec, d, key, iv), data, want),
      );
      if (!dec) list.push(transform('node:crypto-cbc', NODE, () => (d) => igeEncryptCbc(d, key, iv), data, want));
      return list;
    }

    case 'ctr': {
      const want = memo(() => nodeCtr(key, ctrIv)(data));
      const list: Candidate[] = ours.map(([name, p]) =>
        stream(
          name,
          p,
          (p) => {
            const c = p.createCtr(key, ctrIv);
            return {
              process: (b) => {
                c.processInPlace(b);
                return b;
              },
              close: () => c.dispose(),
            };
          },
          data,
          want,
        ),
      );
      list.push(
        stream(
          '@mtcute/wasm',
          peers.mtcuteWasm,
          (mt) => {
            const ctx = mt.createCtr256(key, ctrIv);
            return { process: (b) => mt.ctr256(ctx, b), close: () => mt.freeCtr256(ctx) };
          },
          data,
          want,
        ),
        stream(
          'gramjs',
          peers.gramjs,
          (g) => {
            const c = new g.CTR(Buffer.from(key), Buffer.from(ctrIv));
            return { process: (b) => c.encrypt(buf(b)) };
          },
          data,
          want,
        ),
        stream('node:crypto', NODE, () => ({ process: nodeCtr(key, ctrIv) }), data, want),
      );
      return list;
    }

    case 'sha1':
    case 'sha256': {
      const alg = op;
      const want = memo(() => nodeCrypto.createHash(alg).update(data).digest());
      const list: Candidate[] = ours.map(([name, p]) => transform(name, p, (p) => (d) => p[alg](d), data, want));
      list.push(
        transform('@mtcute/wasm', peers.mtcuteWasm, (mt) => (d) => mt[alg](d), data, want),
        transform(
          'hash-wasm',
          peers.hashWasm,
          (hw) => {
            const h = hw[alg];
            return (d) => h.init().update(d).digest('binary');
          },
          data,
          want,
        ),
      );
      if (alg === 'sha256') list.push(transform('@chainsafe/as-sha256', peers.asSha256, (a) => (d) => a.digest(d), data, want));
      list.push(transform('node:crypto', NODE, () => (d) => nodeHash(alg, d), data, want));
      return list;
    }

    case 'seal':
      return sealCases(size, engines, peers, fx);
    case 'open':
      return openCases(size, engines, peers, fx);
  }
}

/** Sealed packets are random (padding), so a seal is checked by opening it with the reference. */
function checkSealed(impl: string, packet: Uint8Array, fx: Fixtures, plaintext: Uint8Array): void {
  let opened: Uint8Array;
  try {
    opened = referenceOpen(fx.authKey, packet, 0);
  } catch (e) {
    throw new Error(`${impl}: node:crypto cannot open its packet (${e instanceof Error ? e.message : e})`);
  }
  sameBytes(impl, opened.subarray(0, plaintext.length), plaintext);
}

async function sealCases(size: number, engines: Engines, peers: Peers, fx: Fixtures): Promise<Candidate[]> {
  const m = fx.message(size);
  const pt = m.plaintext;
  const list: Candidate[] = OURS.map((name) =>
    candidate(name, engines[name], (p) => {
      const h: AuthKeyHandle = p.loadAuthKey(fx.authKey);
      return { run: () => h.seal(pt, 0), check: () => checkSealed(name, h.seal(pt, 0), fx, pt), dispose: () => h.dispose() };
    }),
  );
  list.push(
    candidate('mtcute', peers.mtcute, (mc) => {
      const ak = mc.newAuthKey();
      ak.setup(fx.authKey);
      const salt = mc.longFromBytesLE(pt.subarray(0, 8));
      const session = mc.longFromBytesLE(pt.subarray(8, 16));
      const message = pt.subarray(16);
      return {
        run: () => ak.encryptMessage(message, salt, session),
        check: () => checkSealed('mtcute', ak.encryptMessage(message, salt, session), fx, pt),
      };
    }),
    await gramCandidate(peers, fx, m.salt, m.sessionId, (state) => {
      const message = Buffer.from(pt.subarray(16));
      return {
        async: true,
        run: () => state.encryptMessageData(message),
        check: async () => checkSealed('gramjs', await state.encryptMessageData(message), fx, pt),
      };
    }),
    candidate('node:crypto+@mtcute/wasm', peers.mtcuteWasm, (mt) => {
      const chain = new HandChain(fx.authKey, mt, size + 32);
      return { run: () => chain.seal(pt), check: () => checkSealed('node:crypto+@mtcute/wasm', chain.seal(pt), fx, pt) };
    }),
  );
  return list;
}

async function openCases(size: number, engines: Engines, peers: Peers, fx: Fixtures): Promise<Candidate[]> {
  const m = fx.message(size);
  const packet = m.serverPacket;
  const list: Candidate[] = OURS.map((name) =>
    candidate(name, engines[name], (p) => {
      const h: AuthKeyHandle = p.loadAuthKey(fx.authKey);
      return {
        run: () => h.open(packet, 8),
        check: () => sameBytes(name, h.open(packet, 8).subarray(0, size), m.plaintext),
        dispose: () => h.dispose(),
      };
    }),
  );
  list.push(
    candidate('mtcute', peers.mtcute, (mc) => {
      const ak = mc.newAuthKey();
      ak.setup(fx.authKey);
      const session = mc.longFromBytesLE(m.plaintext.subarray(8, 16));
      let delivered: [string, number] | null = null;
      const onMessage = (msgId: { toString(): string }, seqNo: number) => {
        delivered = [msgId.toString(), seqNo];
      };
      return {
        run: () => ak.decryptMessage(packet, session, onMessage),
        check: () => {
          delivered = null;
          ak.decryptMessage(packet, session, onMessage);
          const got = delivered as [string, number] | null;
          if (!got || got[0] !== m.msgId.toString() || got[1] !== m.seqNo) {
            throw new Error(`mtcute: decryptMessage delivered ${JSON.stringify(got)}, want msg_id ${m.msgId} seq_no ${m.seqNo}`);
          }
        },
      };
    }),
    await gramCandidate(peers, fx, m.salt, m.sessionId, (state) => {
      const body = Buffer.from(packet);
      return {
        async: true,
        run: () => state.decryptMessageData(body),
        check: async () => {
          const msg = await state.decryptMessageData(body);
          if (msg.msgId.toString() !== m.msgId.toString() || msg.seqNo !== m.seqNo || msg.obj.data !== m.text) {
            throw new Error('gramjs: decryptMessageData returned a different message');
          }
        },
      };
    }),
    candidate('node:crypto+@mtcute/wasm', peers.mtcuteWasm, (mt) => {
      const chain = new HandChain(fx.authKey, mt, size + 32);
      return {
        run: () => chain.open(packet),
        check: () => sameBytes('node:crypto+@mtcute/wasm', chain.open(packet).subarray(0, size), m.plaintext),
      };
    }),
  );
  return list;
}

/** GramJS keeps the key in an MTProtoState that is set up asynchronously (it hashes the key). */
async function gramCandidate(
  peers: Peers,
  fx: Fixtures,
  salt: bigint,
  sessionId: bigint,
  make: (state: GramMtprotoState) => Omit<Timed, 'impl'>,
): Promise<Candidate> {
  const g = peers.gramjs;
  if (!g.ok) return { impl: 'gramjs', reason: g.reason };
  try {
    return { impl: 'gramjs', ...make(await g.value.newState(Buffer.from(fx.authKey), salt, sessionId)) };
  } catch (e) {
    return { impl: 'gramjs', reason: e instanceof Error ? e.message : String(e) };
  }
}
