// Builds the npm package (see package.json "exports" and "imports"):
//
//   dist/*.js                 the ESM entries, shared code in dist/chunks/
//   dist/*.cjs                one-line CommonJS faces: `module.exports = require('./x.js')`
//                             (require of ES modules: Node ≥ 20.19, Deno, Bun, bundlers), so
//                             `import` and `require` share one copy of each class and the
//                             package carries the code once
//   dist/platform/*           the platform adapters, reached only through the
//                             package's "imports" map (`#platform/...`), whose
//                             conditions pick one per runtime: the Node adapters
//                             (node:crypto engine, node:net, ws, node:fs) for
//                             node/deno/bun, stubs without them for `browser`,
//                             `workerd` and `worker` — so a plain
//                             `esbuild --bundle --platform=browser` needs no flags;
//                             `workerd` has its own TCP (tcp-node-workerd.js:
//                             cloudflare:sockets, an import Workers resolve)
//   dist/platform/wasm*.js    where the WASM comes from: base64 inside the
//                             bundle by default; for `workerd`/`worker`, .wasm
//                             imports (Workers turn them into compiled
//                             WebAssembly.Modules and forbid compiling bytes)
//   dist/wasm/*.wasm          the binaries (also for provideWasmModules())
//   dist/*.d.ts, *.d.cts      declarations for the import and require conditions;
//                             the shared declaration chunks sit in dist/types/,
//                             a CommonJS scope, so both entry kinds import them
//
// One JavaScript build serves every runtime; nothing is duplicated per
// condition. JavaScript is transpiled by esbuild (type checking is
// `tsc --noEmit`'s job), declarations by rollup-plugin-dts. pako is bundled
// (tree-shaken; its installed package is 1.7 MB). No source maps: the package
// ships no sources.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import { dts } from 'rollup-plugin-dts';

const root = path.dirname(fileURLToPath(import.meta.url));
const abs = (p) => path.join(root, p);
const rel = (file) => path.relative(root, file).split(path.sep).join('/');

// Public entry points: output name → source file.
const ENTRIES = {
  index: { src: 'ts/index.ts' },
  crypto: { src: 'ts/crypto/index.ts' },
  tl: { src: 'ts/tl/index.ts' },
  mtproto: { src: 'ts/mtproto/index.ts' },
  transport: { src: 'ts/transport/index.ts' },
  'transport-node': { src: 'ts/transport/node.ts' },
  network: { src: 'ts/network/index.ts' },
  client: { src: 'ts/client/index.ts' },
  dispatcher: { src: 'ts/dispatcher/index.ts' },
  fsm: { src: 'ts/fsm/index.ts' },
  'fsm-libsql': { src: 'ts/fsm/libsql.ts' },
  storage: { src: 'ts/storage/index.ts' },
  'storage-libsql': { src: 'ts/storage/libsql.ts' },
  'storage-node': { src: 'ts/storage/file-node.ts' },
  testing: { src: 'ts/testing/index.ts' },
  cli: { src: 'ts/cli/index.ts', types: false },
};
const present = Object.entries(ENTRIES).filter(([, e]) => fs.existsSync(abs(e.src)));

// node:*, cloudflare:* (Workers' own modules), ws and the optional @libsql/client peer stay imports; everything else (pako included) is bundled.
const external = (id) => id.startsWith('node:') || id.startsWith('cloudflare:') || /^(ws|@libsql\/client)(\/|$)/.test(id);

// --- Platform adapters: source file → `#platform/<name>`, with the web twin (no Node APIs) ---
const errors = JSON.stringify(abs('ts/errors.ts'));
const notHere = (cls, what) =>
  `throw new ${cls}('${what} is not available under the "browser", "workerd" and "worker" conditions of wasmgram')`;
const WASM = ['crypto', 'bignum', 'tl'];
const PLATFORM = {
  'crypto-node': {
    src: 'ts/crypto/node-provider.ts',
    // The Node engine is WASM plus node:crypto routes; without node:crypto it is the WASM provider.
    web: `export { createWasmProvider as createNodeProvider } from ${JSON.stringify(abs('ts/crypto/wasm-provider.ts'))};`,
  },
  'tcp-node': {
    src: 'ts/transport/tcp-node.ts',
    web: `import { TransportError } from ${errors};\nexport function createNodeTcpFactory() { ${notHere('TransportError', 'TCP (Node net sockets)')} }`,
    // Workers have TCP of their own: connect() of cloudflare:sockets (the generic `worker` condition keeps the stub).
    workerd: 'ts/transport/cloudflare-tcp.ts',
  },
  'websocket-node': {
    src: 'ts/transport/websocket-node.ts',
    web: `import { TransportError } from ${errors};\nexport function createNodeWebSocketFactory() { ${notHere('TransportError', 'the ws WebSocket client')} }`,
  },
  'file-node': {
    src: 'ts/storage/file-node.ts',
    web: `import { SessionError } from ${errors};\nexport class NodeFileSystem { constructor() { ${notHere('SessionError', 'file storage (Node fs)')} } }\nexport function nodeFileStorage() { ${notHere('SessionError', 'file storage (Node fs)')} }`,
  },
  'file-path-node': {
    src: 'ts/client/methods/files/file-path-node.ts',
    web: `import { WasmgramError } from ${errors};\nexport function openFileSource() { ${notHere('WasmgramError', 'file paths in uploads (Node fs)')} }\nexport function openFileSink() { ${notHere('WasmgramError', 'file paths in downloads (Node fs)')} }`,
  },
  // Local libSQL databases load only the embedded SQLite (the serverless cold start); Workers and browsers have neither files nor native modules.
  'libsql-local-node': {
    src: 'ts/storage/libsql-local-node.ts',
    web: `import { SessionError } from ${errors};\nexport function createLocalLibsqlClient() { ${notHere('SessionError', 'a local libSQL database (file: or :memory:)')} }`,
  },
  'zlib-node': {
    src: 'ts/tl/codec/zlib-node.ts',
    // Without node:zlib, gzip goes through pako (so Node never loads pako).
    web: `export { pakoInflate as nativeInflate, pakoGzip as nativeGzip } from ${JSON.stringify(abs('ts/tl/codec/zlib-pako.ts'))};`,
  },
  wasm: {
    src: 'ts/wasm/embedded.ts',
    // Workers receive each .wasm import as a compiled WebAssembly.Module.
    web: WASM.map(
      (n) =>
        `import ${n}Simd from 'wasmgram-wasm:${n}-simd';\nimport ${n}Plain from 'wasmgram-wasm:${n}-plain';\n` +
        `export function embedded${n[0].toUpperCase()}${n.slice(1)}Wasm(simd) { return simd ? ${n}Simd : ${n}Plain; }`,
    ).join('\n'),
    webName: 'wasm-workerd',
  },
};
// See ts/client/lazy/index.ts: the loaders of TelegramClient's method groups.
const LAZY_METHODS = 'ts/client/lazy/index.ts';
const platformOf = Object.fromEntries(Object.entries(PLATFORM).map(([name, p]) => [p.src, name]));
const STUB = '\0platform-web:';

// --- WASM assets: the binaries from ts/wasm/generated/*.ts as files ---
function writeWasmAssets() {
  fs.mkdirSync(abs('dist/wasm'), { recursive: true });
  for (const name of WASM) {
    const text = fs.readFileSync(abs(`ts/wasm/generated/${name}.ts`), 'utf8');
    for (const build of ['simd', 'plain']) {
      const m = text.match(new RegExp(`export const ${build}Base64 = '([A-Za-z0-9+/=]+)'`));
      if (!m) throw new Error(`rollup.config: no ${build}Base64 in ts/wasm/generated/${name}.ts`);
      fs.writeFileSync(abs(`dist/wasm/${name}-${build}.wasm`), Buffer.from(m[1], 'base64'));
    }
  }
}

/**
 * keepNames writes `name(fn, "fn")` calls (a helper that sets `fn.name`) as
 * statements after each function and in class static blocks. To a bundler a
 * call is a side effect, so a page that imports one function of a chunk kept
 * every function of it. Marked pure, a bundler may drop them: unused code goes
 * (the browser bundle of tests/runtimes' budget app: 179 -> 157 KiB gzip, the
 * Worker's 172 -> 147), and in a page bundle functions keep the bundler's own
 * names (errors do not depend on it: each sets its `name`, see errors.ts).
 * Run unbundled (Node, Deno, Bun), nothing changes.
 */
function pureNames(code) {
  const helper = code.match(/var ([\w$]+)=\(([\w$]+),([\w$]+)\)=>[\w$]+\(\2,"name",\{value:\3,configurable:!0\}\)/);
  if (!helper) return code;
  const h = helper[1].replace(/\$/g, '\\$');
  return code.replace(new RegExp(`([;{}])(${h}\\([\\w$]+,"[^"]*"\\))`, 'g'), '$1/* @__PURE__ */$2');
}

/**
 * Resolves `./x.js` to `./x.ts`; turns every import of a platform adapter
 * (except the adapter's own entry) into `#platform/<name>`; bundles pako;
 * transpiles TypeScript with esbuild.
 */
function sources() {
  return {
    name: 'wasmgram-sources',
    resolveId(source, importer) {
      if (source.startsWith('wasmgram-wasm:')) return { id: source, external: true };
      if (source.startsWith(STUB)) return source;
      if (source === 'pako') return abs('node_modules/pako/dist/pako.esm.mjs');
      let file;
      if (path.isAbsolute(source)) file = source;
      else if (importer && source.startsWith('.')) {
        const base = path.resolve(path.dirname(importer.startsWith(STUB) ? abs('ts/x') : importer), source);
        file = base.endsWith('.js') && fs.existsSync(`${base.slice(0, -3)}.ts`) ? `${base.slice(0, -3)}.ts` : base;
      } else return null;
      // TelegramClient's method groups: static imports in the sources, dynamic imports (a chunk per group) in the package.
      if (rel(file) === LAZY_METHODS) return abs('ts/client/lazy/dynamic-loaders.ts');
      const name = platformOf[rel(file)];
      if (name && importer) return { id: `#platform/${name}`, external: true };
      return file;
    },
    load(id) {
      return id.startsWith(STUB) ? PLATFORM[id.slice(STUB.length)].web : null;
    },
    // Whitespace and syntax minified (names kept: stack traces stay readable), which keeps the
    // installed package under 5 MB; a .wasm import is written relative to the chunk that makes it.
    async renderChunk(code, chunk, options) {
      const from = path.dirname(path.join(options.dir, chunk.fileName));
      const fixed = code.replace(
        /(['"])wasmgram-wasm:([a-z]+-[a-z]+)\1/g,
        (_, _q, n) =>
          `'${path
            .relative(from, abs(`dist/wasm/${n}.wasm`))
            .split(path.sep)
            .join('/')}'`,
      );
      const out = await transform(fixed, {
        loader: 'js',
        minifyWhitespace: true,
        minifySyntax: true,
        // Local names shortened; function and class names kept (`keepNames`), so stack traces
        // and `err.name` stay readable. Together with the rest, the package stays under 5 MB.
        minifyIdentifiers: true,
        keepNames: true,
        legalComments: 'inline',
        target: 'es2022',
      });
      const shebang = chunk.fileName.startsWith('cli.') && !out.code.startsWith('#!') ? '#!/usr/bin/env node\n' : '';
      return { code: shebang + pureNames(out.code), map: null };
    },
    async transform(code, id) {
      const ts = id.endsWith('.ts');
      if (!ts && !id.includes('/node_modules/pako/')) return null;
      // esbuild keeps only legal comments, so pako's long API docs go too.
      const out = await transform(code, { loader: ts ? 'ts' : 'js', format: 'esm', target: 'es2022', sourcefile: id });
      return { code: out.code, map: null };
    },
  };
}

/**
 * Writes each entry's CommonJS face, `<name>.cjs`, a one-liner that requires
 * the ES module (Node ≥ 20.19, Deno and Bun load ES modules from `require`;
 * bundlers always could). One build serves both conditions: no second copy
 * of every chunk, and no dual-package hazard (`instanceof` holds across an
 * `import` and a `require` of wasmgram in the same process).
 */
function cjsFaces(skip) {
  return {
    name: 'wasmgram-cjs-faces',
    generateBundle(_, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry || file.fileName.includes('/') || skip.includes(file.name)) continue;
        this.emitFile({
          type: 'asset',
          fileName: `${file.name}.cjs`,
          source: `'use strict';\nmodule.exports = require('./${file.fileName}');\n`,
        });
      }
    },
  };
}

const jsInput = {
  ...Object.fromEntries(present.map(([name, e]) => [name, abs(e.src)])),
  ...Object.fromEntries(Object.entries(PLATFORM).map(([name, p]) => [`platform/${name}`, abs(p.src)])),
  ...Object.fromEntries(Object.entries(PLATFORM).map(([name, p]) => [`platform/${p.webName ?? `${name}-web`}`, `${STUB}${name}`])),
  ...Object.fromEntries(
    Object.entries(PLATFORM)
      .filter(([, p]) => p.workerd)
      .map(([name, p]) => [`platform/${name}-workerd`, abs(p.workerd)]),
  ),
};

/**
 * After the declarations: every declaration file moves into dist/types/, a
 * CommonJS scope, and each entry gets two one-line faces, `<name>.d.ts`
 * (import condition) and `<name>.d.cts` (require condition), that re-export
 * it — one copy of the declarations serves both.
 */
function declarationFaces() {
  return {
    name: 'wasmgram-declaration-faces',
    writeBundle(options, bundle) {
      const dir = options.dir;
      fs.writeFileSync(path.join(dir, 'types', 'package.json'), '{ "type": "commonjs" }\n');
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry) continue;
        const name = file.fileName.replace(/\.d\.ts$/, '');
        const text = fs.readFileSync(path.join(dir, file.fileName), 'utf8').replace(/(['"])\.\/types\//g, '$1./');
        fs.writeFileSync(path.join(dir, 'types', `${name}.d.ts`), text);
        const face = `export * from './types/${name}.js';\n`;
        fs.writeFileSync(path.join(dir, `${name}.d.ts`), face);
        if (name !== 'testing') fs.writeFileSync(path.join(dir, `${name}.d.cts`), face);
      }
      // The TL types' "one of: a, b, c" doc lines repeat the union declared right below them.
      for (const file of fs.readdirSync(path.join(dir, 'types'))) {
        const p = path.join(dir, 'types', file);
        const text = fs.readFileSync(p, 'utf8');
        const lean = text
          .replace(/\n\s*\*\s*\n(\s*\* TL type `[^`]+`): one of [^\n]*/g, '\n$1.')
          // Tabs for the 4-space indentation (≈ 200 KB of the TL types bundle).
          .replace(/^(?: {4})+/gm, (run) => '\t'.repeat(run.length / 4))
          // "`name#id` — <docs URL of that same name>": the URL follows from the name (≈ 150 KB).
          .replace(/(`([A-Za-z0-9_.]+)#[0-9a-f]+`) — https:\/\/core\.telegram\.org\/(?:constructor|method)\/\2(?=\n)/g, '$1');
        if (lean !== text) fs.writeFileSync(p, lean);
      }
    },
  };
}

const only = process.env.WASMGRAM_BUILD; // 'js' or 'types': one half (for quick iterations)
if (!only) fs.rmSync(abs('dist'), { recursive: true, force: true });
writeWasmAssets();

export default [
  only !== 'types' && {
    input: jsInput,
    external,
    plugins: [sources()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      // Chunks under 10 KB merge into a neighbour when that adds no static side effect to any entry
      // (an entry may load some code it does not run): on Node 20, which has no compile cache, each
      // ES module file costs ~0.3 ms of CPU to resolve and read, so `import 'wasmgram'` reads 24
      // files instead of 36 (median import CPU 31.1 -> 30.0 ms, issue 14, bench/client). Not more:
      // at 40 KB the dynamic import('@libsql/client') of storage/libsql.ts landed in a chunk that
      // browser and Worker bundles load, and they failed to resolve it (tests/runtimes).
      experimentalMinChunkSize: 10_000,
      sourcemap: false,
      plugins: [cjsFaces(['testing', 'cli'])],
    },
  },
  only !== 'js' && {
    input: Object.fromEntries(present.filter(([, e]) => e.types !== false).map(([name, e]) => [name, abs(e.src)])),
    external: (id) => external(id) || id === 'pako',
    plugins: [dts({ tsconfig: './tsconfig.json' }), declarationFaces()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'types/[name]-[hash].d.ts' },
  },
].filter(Boolean);
