// Builds the npm package (see package.json "exports" and "imports"):
//
//   dist/*.js                 the ESM entries, shared code in dist/chunks/
//   dist/*.cjs                one-line CommonJS faces: `module.exports = require('./x.js')`
//                             (require of ES modules: Node ≥ 20.19, Deno, Bun, bundlers), so
//                             `import` and `require` share one copy of each class and the
//                             package carries the code once
//   dist/platform/*           the platform layer (ts/platform): one file per runtime and
//                             capability (dist/platform/<runtime>/<name>.js), reached only
//                             through the package's "imports" map (`#platform/<name>`),
//                             whose conditions pick one per runtime (the PLATFORM table
//                             below): node:net, ws, node:fs, node:zlib, node:crypto for
//                             node/bun, Deno.connect for `deno`, stubs without them for
//                             `browser`, `workerd` and `worker` — so a plain
//                             `esbuild --bundle --platform=browser` needs no flags;
//                             `workerd` has its own TCP (cloudflare:sockets, an import
//                             Workers resolve) and takes the WASM as .wasm imports
//                             (Workers turn them into compiled WebAssembly.Modules and
//                             forbid compiling bytes); elsewhere it is base64 in the bundle
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

// --- The platform layer (ts/platform, see its README): `#platform/<name>` → the file each condition takes ---
// A value names a runtime folder of ts/platform (the file is ts/platform/<folder>/<name>.ts) or, for the two
// modules that are built on their own layer (the Node crypto engine, the file backend), a source path. Conditions are tried in CONDITIONS order (the
// first that matches wins; Deno and Bun also match `node`). package.json's "imports" must equal what this
// table gives (the build says what to write when it does not), and every file of a runtime folder must be
// in it (or in BUNDLED), so a new runtime file cannot be forgotten.
const CONDITIONS = ['workerd', 'worker', 'browser', 'deno', 'bun', 'node', 'default'];
const WEB = { workerd: 'web', worker: 'web', browser: 'web' };
/** A layer file for the web conditions (and `extra` ones). */
const layer = (src, extra = []) => Object.fromEntries(['workerd', 'worker', 'browser', ...extra].map((c) => [c, src]));
const WASM = ['crypto', 'bignum', 'tl'];
const PLATFORM = {
  // TCP: node:net; Deno.connect under `deno`; cloudflare:sockets under `workerd`; none in browsers and generic workers.
  tcp: { workerd: 'workerd', worker: 'web', browser: 'web', deno: 'deno', default: 'node' },
  websocket: { ...WEB, default: 'node' },
  'file-system': { ...WEB, default: 'node' },
  'file-path': { ...WEB, default: 'node' },
  // Local libSQL databases load only the embedded SQLite (the serverless cold start); Workers and browsers have neither files nor native modules.
  'libsql-local': { ...WEB, default: 'node' },
  // node:zlib under `node` only; pako by default, so Node never loads pako.
  zlib: { ...WEB, node: 'node', default: 'web' },
  // The crypto engine of `createCryptoProvider`: WASM + OpenSSL routes by default; the WASM provider where the routes
  // were not measured (Deno, Bun) or cannot run.
  'crypto-node': { ...layer('ts/crypto/node-provider-web.ts', ['deno', 'bun']), default: 'ts/crypto/node-provider.ts' },
  // The file backend (FileStorage over #platform/file-system): a twin that throws, so web bundles of the client do
  // not carry FileStorage and its lease for `storage: 'path'`, which cannot work there.
  'file-storage': { ...layer('ts/storage/file-node-web.ts'), default: 'ts/storage/file-node.ts' },
  // Workers receive each .wasm import as a compiled WebAssembly.Module; everyone else decodes the embedded base64.
  wasm: { workerd: 'workerd', worker: 'workerd', default: 'ts/wasm/embedded.ts' },
};
// Runtime files reached only through a row's own file, so bundled into it: node:crypto serves only the Node crypto
// engine (#platform/crypto-node), which no other condition loads — a row of its own would cost Node one more file.
const BUNDLED = ['ts/platform/node/crypto.ts'];
const platformSource = (name, where) => (where.includes('/') ? where : `ts/platform/${where}/${name}.ts`);
// A file that is also a public entry (the file backend: wasmgram/storage/node) is that entry's output: a module
// that is two entries lands in a chunk of its own, which experimentalMinChunkSize may merge into a web twin.
const entryOf = Object.fromEntries(present.map(([name, e]) => [e.src, name]));
const platformOutput = (src) =>
  entryOf[src] ?? `platform/${src.startsWith('ts/platform/') ? src.slice(12, -3) : `layer/${path.basename(src, '.ts')}`}`;
// Source file → `#platform/<name>`: an import of any variant becomes the package import.
const platformOf = {};
for (const [name, row] of Object.entries(PLATFORM)) for (const where of Object.values(row)) platformOf[platformSource(name, where)] = name;
for (const folder of ['node', 'web', 'deno', 'workerd']) {
  for (const file of fs.readdirSync(abs(`ts/platform/${folder}`))) {
    const src = `ts/platform/${folder}/${file}`;
    if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !platformOf[src] && !BUNDLED.includes(src))
      throw new Error(`rollup.config: ${src} is in no row of PLATFORM`);
  }
}
const imports = Object.fromEntries(
  Object.entries(PLATFORM).map(([name, row]) => [
    `#platform/${name}`,
    Object.fromEntries(CONDITIONS.filter((c) => row[c]).map((c) => [c, `./dist/${platformOutput(platformSource(name, row[c]))}.js`])),
  ]),
);
if (JSON.stringify(imports) !== JSON.stringify(JSON.parse(fs.readFileSync(abs('package.json'), 'utf8')).imports))
  throw new Error(`rollup.config: package.json "imports" must be what PLATFORM gives:\n${JSON.stringify(imports, null, 2)}`);
// See ts/client/lazy/index.ts: the loaders of TelegramClient's method groups.
const LAZY_METHODS = 'ts/client/lazy/index.ts';

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
 * Resolves `./x.js` to `./x.ts`; turns every import of a platform file
 * (any variant of a PLATFORM row; not the entry itself) into
 * `#platform/<name>`; bundles pako;
 * transpiles TypeScript with esbuild.
 */
function sources() {
  return {
    name: 'wasmgram-sources',
    resolveId(source, importer) {
      if (source.startsWith('wasmgram-wasm:')) return { id: source, external: true };
      if (source === 'pako') return abs('node_modules/pako/dist/pako.esm.mjs');
      let file;
      if (path.isAbsolute(source)) file = source;
      else if (importer && source.startsWith('.')) {
        const base = path.resolve(path.dirname(importer), source);
        file = base.endsWith('.js') && fs.existsSync(`${base.slice(0, -3)}.ts`) ? `${base.slice(0, -3)}.ts` : base;
      } else return null;
      // TelegramClient's method groups: static imports in the sources, dynamic imports (a chunk per group) in the package.
      if (rel(file) === LAZY_METHODS) return abs('ts/client/lazy/dynamic-loaders.ts');
      const name = platformOf[rel(file)];
      if (name && importer) return { id: `#platform/${name}`, external: true };
      // A platform file is kept in its own entry chunk: marked as having side effects, no other module merges into it
      // and it merges into no chunk (experimentalMinChunkSize), so a web twin never carries the code it stands in for.
      return name ? { id: file, moduleSideEffects: 'no-treeshake' } : file;
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
  ...Object.fromEntries(Object.keys(platformOf).map((src) => [platformOutput(src), abs(src)])),
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

/** The modules reached from `roots` by static imports (externals, and so the platform rows' files, excluded). */
function staticGraph(roots, getModuleInfo) {
  const seen = new Set();
  const todo = [...roots];
  while (todo.length) {
    const id = todo.pop();
    if (seen.has(id)) continue;
    const info = getModuleInfo(id);
    if (!info || info.isExternal) continue;
    seen.add(id);
    todo.push(...info.importedIds);
  }
  return seen;
}

/**
 * The chunk of a module `import 'wasmgram'` loads statically: 'core-low' for the protocol layers (wasm, crypto,
 * tl, mtproto, transport, network and the base files), 'core' for the client and what it builds on, so a page or
 * a Worker that imports only the lower entries (wasmgram/mtproto, ...) does not carry the client. What the
 * platform files import and that imports no platform module itself (errors, base64, ...) is the chunk 'base':
 * the core chunks import the platform files, so anything those share with a core chunk inside it would make a
 * circular import (rollup's bundler test refuses the warning).
 */
let chunking;
function coreChunkOf(id, getModuleInfo) {
  if (!chunking) {
    const platformFiles = Object.keys(platformOf)
      .map(abs)
      .filter((f) => getModuleInfo(f));
    const root = staticGraph([abs('ts/index.ts')], getModuleInfo);
    // Whether a module statically imports a platform module, itself or through its imports.
    const reaches = new Map();
    const reachesPlatform = (id) => {
      if (reaches.has(id)) return reaches.get(id);
      reaches.set(id, false); // a cycle adds nothing
      const info = getModuleInfo(id);
      const r = !!info && (info.isExternal ? id.startsWith('#platform/') : info.importedIds.some(reachesPlatform));
      reaches.set(id, r);
      return r;
    };
    const shared = new Set([...staticGraph(platformFiles, getModuleInfo)].filter((id) => root.has(id) && !reachesPlatform(id)));
    chunking = { root, shared };
  }
  if (chunking.shared.has(id)) return 'base';
  if (!chunking.root.has(id) || id === abs('ts/index.ts')) return undefined;
  return /\/ts\/(wasm|crypto|tl|mtproto|transport|network|platform)\/|\/ts\/[a-z-]+\.ts$/.test(id) ? 'core-low' : 'core';
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
      // Everything `import 'wasmgram'` loads statically is one chunk: Node 20 resolves and reads each ES module
      // file on its own (~0.5 ms a file at a cold start), and the root entry's graph was 19 files of 23 loaded
      // before a stored session's first answer. Other entries that share some of it load the whole chunk.
      manualChunks: (id, { getModuleInfo }) => coreChunkOf(id, getModuleInfo),
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
