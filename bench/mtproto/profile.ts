/**
 * Where the client's time goes: a short workload run under V8's sampling
 * profiler (node:inspector, in this process), summarized as self time per
 * layer of the stack and the top functions.
 *
 * Layers come from the source file of each sampled function (ts/wasm →
 * crypto WASM, ts/tl → TL codec, ts/mtproto → session, ...). WASM functions
 * are told apart by module: after the profile, the debugger hands over each
 * module's bytes, which are matched against wasmgram's two modules (crypto
 * → crypto WASM, TL → TL codec) and named from their export section
 * (`crypto.wasm:seal`; `#12` for an internal function).
 * Built-ins without a source file (`TypedArray.prototype.set`, BigInt
 * arithmetic, socket writes) are charged to the layer of the nearest caller
 * that has one, so a copy inside the TL writer counts as TL codec.
 */
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64Decode } from '../../ts/wasm/base64.js';
import { UvarintReader } from '../../ts/tl/codec/varint.js';
import * as cryptoWasm from '../../ts/wasm/generated/crypto.js';
import * as tlWasm from '../../ts/wasm/generated/tl.js';

export const LAYERS = [
  'crypto: WASM',
  'crypto: node:crypto',
  'crypto: JS (BigInt, glue)',
  'TL codec',
  'session (ts/mtproto)',
  'transport',
  'network (Connection)',
  'Node I/O, timers, promises',
  'GC',
  'other',
] as const;
export type Layer = (typeof LAYERS)[number] | 'idle';

export interface ProfileFunction {
  name: string;
  /** `ts/tl/codec/writer.ts:59` or the built-in's name. */
  where: string;
  layer: Layer;
  selfMs: number;
  /** Share of the non-idle time. */
  share: number;
}

export interface ProfileSummary {
  /** Wall time profiled. */
  durationMs: number;
  /** Sampled time the thread was idle (waiting on the socket / the server). */
  idleMs: number;
  samplingIntervalUs: number;
  samples: number;
  layers: { layer: Layer; selfMs: number; share: number }[];
  top: ProfileFunction[];
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function relative(url: string): string {
  if (url.startsWith('file://')) return path.relative(ROOT, fileURLToPath(url));
  return url;
}

/** What is known about one WASM module of the profile. */
interface WasmInfo {
  label: string;
  layer: Layer;
  names: Map<number, string>;
}

/** The layer of a frame with a source file, or undefined for built-ins. */
function layerOf(frame: CallFrame, wasm: ReadonlyMap<string, WasmInfo>): Layer | undefined {
  const name = frame.functionName;
  if (name === '(idle)') return 'idle';
  if (name === '(garbage collector)') return 'GC';
  if (name === '(program)' || name === '(root)') return 'other';
  const url = frame.url;
  if (!url) return undefined;
  if (url.startsWith('wasm://')) return wasm.get(url)?.layer ?? 'other';
  const file = relative(url);
  if (file.startsWith('ts/wasm/')) return 'crypto: WASM';
  if (file.startsWith('ts/crypto/')) return 'crypto: JS (BigInt, glue)';
  if (url.startsWith('node:internal/crypto') || url === 'node:crypto') return 'crypto: node:crypto';
  if (file.startsWith('ts/tl/')) return 'TL codec';
  if (file.startsWith('ts/mtproto/')) return 'session (ts/mtproto)';
  if (file.startsWith('ts/transport/')) return 'transport';
  if (file.startsWith('ts/network/')) return 'network (Connection)';
  if (url.startsWith('node:')) return 'Node I/O, timers, promises';
  return 'other';
}

/** A display name and place for a frame. */
function describeFrame(f: CallFrame, wasm: ReadonlyMap<string, WasmInfo>): { name: string; where: string } {
  if (f.url.startsWith('wasm://')) {
    const info = wasm.get(f.url);
    const index = /^(?:\$?wasm-function)\[(\d+)\]$/.exec(f.functionName)?.[1];
    const name = index !== undefined ? (info?.names.get(Number(index)) ?? `#${index}`) : f.functionName;
    return { name, where: info?.label ?? f.url };
  }
  const name = f.functionName || '(anonymous)';
  if (!f.url) return { name, where: 'built-in' };
  // Line 0 is what V8 reports for code it got through tsx's loader without a position.
  return { name, where: f.lineNumber > 0 ? `${relative(f.url)}:${f.lineNumber + 1}` : relative(f.url) };
}

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
function leb(bytes: Uint8Array, at: number): [number, number] {
  const r = new UvarintReader(bytes, at);
  const value = r.next();
  return [value, r.pos];
}

/**
 * Function index → name of a WASM binary, from its export section and, when
 * present, the `name` custom section (https://webassembly.github.io/spec/core/binary/modules.html).
 */
export function wasmFunctionNames(bytes: Uint8Array): Map<number, string> {
  const names = new Map<number, string>();
  const text = new TextDecoder();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++]!;
    let size: number;
    [size, at] = leb(bytes, at);
    const end = at + size;
    if (id === 7) {
      let count: number;
      let p: number;
      [count, p] = leb(bytes, at);
      for (let i = 0; i < count; i++) {
        let len: number;
        [len, p] = leb(bytes, p);
        const name = text.decode(bytes.subarray(p, p + len));
        p += len;
        const kind = bytes[p++]!;
        let index: number;
        [index, p] = leb(bytes, p);
        if (kind === 0 && !names.has(index)) names.set(index, name);
      }
    } else if (id === 0) {
      let len: number;
      let p: number;
      [len, p] = leb(bytes, at);
      if (text.decode(bytes.subarray(p, p + len)) === 'name') {
        p += len;
        while (p < end) {
          const sub = bytes[p++]!;
          let subSize: number;
          [subSize, p] = leb(bytes, p);
          if (sub === 1) {
            let count: number;
            let q: number;
            [count, q] = leb(bytes, p);
            for (let i = 0; i < count; i++) {
              let index: number;
              let nameLen: number;
              [index, q] = leb(bytes, q);
              [nameLen, q] = leb(bytes, q);
              names.set(index, text.decode(bytes.subarray(q, q + nameLen)));
              q += nameLen;
            }
          }
          p += subSize;
        }
      }
    }
    at = end;
  }
  return names;
}

/** wasmgram's WASM modules, as the loaders get them. */
function knownModules(): { label: string; layer: Layer; bytes: Uint8Array }[] {
  return [
    { label: 'crypto.wasm (SIMD)', layer: 'crypto: WASM', bytes: base64Decode(cryptoWasm.simdBase64) },
    { label: 'crypto.wasm', layer: 'crypto: WASM', bytes: base64Decode(cryptoWasm.plainBase64) },
    { label: 'tl.wasm (SIMD)', layer: 'TL codec', bytes: base64Decode(tlWasm.simdBase64) },
    { label: 'tl.wasm', layer: 'TL codec', bytes: base64Decode(tlWasm.plainBase64) },
  ];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Asks the debugger for every WASM module's bytes and matches them to wasmgram's modules. */
async function identifyWasm(session: Session, urls: ReadonlySet<string>): Promise<Map<string, WasmInfo>> {
  const out = new Map<string, WasmInfo>();
  if (urls.size === 0) return out;
  const scripts: { scriptId: string; url: string }[] = [];
  const onParsed = (m: { params: { scriptId: string; url: string } }) => {
    if (urls.has(m.params.url)) scripts.push(m.params);
  };
  session.on('Debugger.scriptParsed', onParsed);
  try {
    await session.post('Debugger.enable');
    const known = knownModules();
    for (const { scriptId, url } of scripts) {
      if (out.has(url)) continue;
      const src = (await session.post('Debugger.getScriptSource', { scriptId })) as { bytecode?: string };
      if (!src.bytecode) continue;
      const bytes = new Uint8Array(Buffer.from(src.bytecode, 'base64'));
      const match = known.find((k) => sameBytes(k.bytes, bytes));
      out.set(
        url,
        match
          ? { label: match.label, layer: match.layer, names: wasmFunctionNames(bytes) }
          : { label: 'other wasm', layer: 'other', names: wasmFunctionNames(bytes) },
      );
    }
    await session.post('Debugger.disable');
  } finally {
    session.off('Debugger.scriptParsed', onParsed);
  }
  return out;
}

/** Self time per node (µs), from the sample stream. */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const out = new Map<number, number>();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    // timeDeltas[i + 1] is the time from sample i to the next one.
    const dt = timeDeltas[i + 1] ?? timeDeltas[i] ?? 0;
    out.set(samples[i]!, (out.get(samples[i]!) ?? 0) + Math.max(0, dt));
  }
  return out;
}

/** Summarizes a V8 CPU profile; see the module comment. */
export function summarize(
  profile: CpuProfile,
  samplingIntervalUs: number,
  wasm: ReadonlyMap<string, WasmInfo> = new Map(),
  topN = 15,
): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const layerCache = new Map<number, Layer>();
  const resolve = (id: number): Layer => {
    const cached = layerCache.get(id);
    if (cached) return cached;
    const node = byId.get(id)!;
    const own = layerOf(node.callFrame, wasm);
    const p = parent.get(id);
    const layer = own ?? (p === undefined ? 'other' : resolve(p));
    layerCache.set(id, layer);
    return layer;
  };

  // An internal WASM function (no export name) is named after its nearest caller that has a name.
  const nameOf = (id: number): { name: string; where: string } => {
    const d = describeFrame(byId.get(id)!.callFrame, wasm);
    if (!d.name.startsWith('#')) return d;
    for (let p = parent.get(id); p !== undefined; p = parent.get(p)) {
      const up = describeFrame(byId.get(p)!.callFrame, wasm);
      if (!up.name.startsWith('#') && up.name !== '(anonymous)') return { name: `${d.name} (under ${up.name})`, where: d.where };
    }
    return d;
  };

  const self = selfTimes(profile);
  const perLayer = new Map<Layer, number>();
  const perFunction = new Map<string, ProfileFunction>();
  let idle = 0;
  let busy = 0;
  for (const [id, us] of self) {
    const layer = resolve(id);
    const ms = us / 1000;
    if (layer === 'idle') {
      idle += ms;
      continue;
    }
    busy += ms;
    perLayer.set(layer, (perLayer.get(layer) ?? 0) + ms);
    const { name, where } = nameOf(id);
    const key = `${name}@${where}@${layer}`;
    const entry = perFunction.get(key) ?? { name, where, layer, selfMs: 0, share: 0 };
    entry.selfMs += ms;
    perFunction.set(key, entry);
  }
  const layers = LAYERS.map((layer) => ({
    layer: layer as Layer,
    selfMs: perLayer.get(layer) ?? 0,
    share: (perLayer.get(layer) ?? 0) / busy,
  }));
  const top = [...perFunction.values()]
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, topN)
    .map((f) => ({ ...f, share: f.selfMs / busy }));
  return {
    durationMs: (profile.endTime - profile.startTime) / 1000,
    idleMs: idle,
    samplingIntervalUs,
    samples: profile.samples.length,
    layers,
    top,
  };
}

/** Runs `workload` under the sampling profiler and summarizes the profile. */
export async function profile(workload: () => Promise<void>, samplingIntervalUs = 200): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await session.post('Profiler.start');
    let stopped: CpuProfile;
    try {
      await workload();
    } finally {
      stopped = ((await session.post('Profiler.stop')) as unknown as { profile: CpuProfile }).profile;
      await session.post('Profiler.disable');
    }
    const wasmUrls = new Set(stopped.nodes.map((n) => n.callFrame.url).filter((u) => u.startsWith('wasm://')));
    return summarize(stopped, samplingIntervalUs, await identifyWasm(session, wasmUrls));
  } finally {
    session.disconnect();
  }
}
