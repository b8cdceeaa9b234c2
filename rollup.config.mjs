// Builds the npm package: ESM (.js) + CJS (.cjs) + bundled declarations (.d.ts)
// for every public entry point. WASM is already embedded as base64 in
// ts/wasm/generated/*.ts (build/build-wasm.mjs), so the output needs no
// file-system or network access to load it in any runtime.
import fs from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

// Public entry points: package subpath → source file.
const entries = {
  index: 'ts/index.ts',
  crypto: 'ts/crypto/index.ts',
  tl: 'ts/tl/index.ts',
  mtproto: 'ts/mtproto/index.ts',
  transport: 'ts/transport/index.ts',
  'transport-node': 'ts/transport/node.ts',
  network: 'ts/network/index.ts',
  client: 'ts/client/index.ts',
  storage: 'ts/storage/index.ts',
  'storage-libsql': 'ts/storage/libsql.ts',
  'storage-node': 'ts/storage/file-node.ts',
  updates: 'ts/updates/index.ts',
  dispatcher: 'ts/dispatcher/index.ts',
  fsm: 'ts/fsm/index.ts',
  'fsm-libsql': 'ts/fsm/libsql.ts',
  parsers: 'ts/parsers/index.ts',
  testing: 'ts/testing/index.ts',
  cli: 'ts/testing/cli.ts',
};
const input = Object.fromEntries(Object.entries(entries).filter(([, file]) => fs.existsSync(file)));

// node:*, the runtime dependencies and the optional @libsql/client peer stay imports; everything else is bundled.
const external = (id) => id.startsWith('node:') || /^(pako|ws|@libsql\/client)(\/|$)/.test(id);

const ts = () =>
  typescript({
    tsconfig: './tsconfig.json',
    compilerOptions: { noEmit: false, declaration: false, allowImportingTsExtensions: false },
    include: ['ts/**/*.ts'],
    exclude: ['tests/**', 'bench/**', 'examples/**'],
  });

export default [
  {
    input,
    external,
    plugins: [ts()],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', sourcemap: true },
      { dir: 'dist', format: 'cjs', entryFileNames: '[name].cjs', chunkFileNames: 'chunks/[name]-[hash].cjs', sourcemap: true },
    ],
  },
  {
    input,
    external,
    plugins: [dts({ tsconfig: './tsconfig.json' })],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'chunks/[name]-[hash].d.ts' },
  },
];
