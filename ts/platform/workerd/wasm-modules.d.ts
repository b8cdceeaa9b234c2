/**
 * The `.wasm` imports of ts/platform/workerd/wasm.ts as the type checker sees
 * them: a Worker receives each as a compiled module. The build rewrites the
 * specifiers into paths of dist/wasm/ (rollup.config.mjs).
 */
declare module 'wasmgram-wasm:*' {
  /** The compiled module. */
  const module: WebAssembly.Module;
  export default module;
}
