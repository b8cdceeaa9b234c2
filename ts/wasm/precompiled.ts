/**
 * Where each WASM module comes from: modules the application handed over
 * with {@link provideWasmModules}, else the binaries this build carries
 * (ts/wasm/embedded.ts). Compiling bytes is the step some hosts forbid
 * (Cloudflare Workers: "Wasm code generation disallowed by embedder"); there
 * the library throws {@link CryptoError} saying how to fix it — it never
 * falls back to slower JavaScript in silence.
 */
import { CryptoError } from '../errors.js';

/** The WASM modules of wasmgram. */
export type WasmModuleName = 'crypto' | 'bignum' | 'tl';

/**
 * Compiled builds of one module. Give the SIMD build, the plain one, or
 * both; with both, the engine's SIMD support picks (`WebAssembly.validate`).
 */
export interface PrecompiledBuilds {
  /** The SIMD build (`<name>-simd.wasm` in the package's `dist/wasm/`). */
  simd?: WebAssembly.Module;
  /** The plain build (`<name>-plain.wasm`). */
  plain?: WebAssembly.Module;
}

/** Precompiled modules by name; a module left out is taken from the build. */
export type PrecompiledWasm = Partial<Record<WasmModuleName, PrecompiledBuilds>>;

const provided: PrecompiledWasm = {};

/**
 * Hands wasmgram precompiled `WebAssembly.Module`s, for hosts that forbid
 * compiling WASM from bytes at run time and for applications that compile
 * once and cache. Call it before the first use of the library (modules
 * already instantiated are kept). The `.wasm` files ship in the package under
 * `dist/wasm/` (`crypto-simd.wasm`, `crypto-plain.wasm`, `bignum-*.wasm`,
 * `tl-*.wasm`). Under the `workerd`/`worker` export condition wasmgram
 * already imports them itself, so Workers need no call.
 *
 * Throws `CryptoError` when a value is not a `WebAssembly.Module`.
 *
 * @example
 * ```ts
 * import { provideWasmModules } from 'wasmgram';
 * import cryptoSimd from 'wasmgram/wasm/crypto-simd.wasm';
 * provideWasmModules({ crypto: { simd: cryptoSimd } });
 * ```
 */
export function provideWasmModules(modules: PrecompiledWasm): void {
  for (const name of ['crypto', 'bignum', 'tl'] as const) {
    const builds = modules[name];
    if (builds === undefined) continue;
    for (const build of ['simd', 'plain'] as const) {
      const m = builds[build];
      if (m !== undefined && !(m instanceof WebAssembly.Module)) {
        throw new CryptoError(`provideWasmModules: ${name}.${build} is not a WebAssembly.Module`);
      }
    }
    provided[name] = { ...builds };
  }
}

/** A module ready to instantiate, and whether it is the SIMD build. */
export interface ResolvedWasm {
  module: WebAssembly.Module;
  simd: boolean;
}

function fromProvided(name: WasmModuleName, simd: boolean): ResolvedWasm | undefined {
  const p = provided[name];
  if (!p) return undefined;
  const first = simd ? p.simd : p.plain;
  if (first) return { module: first, simd };
  // The other build still runs here when SIMD was wanted; a SIMD build on an engine without SIMD does not.
  if (simd && p.plain) return { module: p.plain, simd: false };
  return undefined;
}

function refused(name: WasmModuleName, cause: unknown): CryptoError {
  const why = cause instanceof Error ? cause.message : String(cause);
  const err = new CryptoError(
    `the ${name} WASM module cannot be compiled in this runtime (${why}); wasmgram has no JavaScript fallback. ` +
      'Import it precompiled: use the "workerd"/"worker" export condition, or pass the modules from dist/wasm/ to provideWasmModules()',
  );
  (err as { cause?: unknown }).cause = cause;
  return err;
}

/**
 * The module `name` compiled synchronously: a provided one, else the
 * embedded binary. Throws `CryptoError` when the host refuses to compile.
 */
export function resolveWasmSync(
  name: WasmModuleName,
  simd: boolean,
  embedded: (simd: boolean) => Uint8Array | WebAssembly.Module,
): ResolvedWasm {
  const p = fromProvided(name, simd);
  if (p) return p;
  const source = embedded(simd);
  if (source instanceof WebAssembly.Module) return { module: source, simd };
  try {
    return { module: new WebAssembly.Module(source as BufferSource), simd };
  } catch (e) {
    throw refused(name, e);
  }
}

/** Asynchronous variant of {@link resolveWasmSync} (browsers' main thread prefers it). */
export async function resolveWasm(
  name: WasmModuleName,
  simd: boolean,
  embedded: (simd: boolean) => Uint8Array | WebAssembly.Module,
): Promise<ResolvedWasm> {
  const p = fromProvided(name, simd);
  if (p) return p;
  const source = embedded(simd);
  if (source instanceof WebAssembly.Module) return { module: source, simd };
  try {
    return { module: await WebAssembly.compile(source as BufferSource), simd };
  } catch (e) {
    throw refused(name, e);
  }
}
