// Layer rules for ts/ (see ARCHITECTURE.md and ../shared/STYLE.md): imports go
// down the chain only, and platform APIs stay in small adapter files.
// Checked in `npm test` (build/run-tests.mjs runs `npm run lint:layers`).

// The chain, bottom first. A file may import its own layer and any layer
// listed before it; the files at the top of ts/ (errors.ts, redact.ts, ...) sit below all.
const CHAIN = [
  'wasm',
  'crypto',
  'tl',
  'parsers',
  'mtproto',
  'transport',
  'storage',
  'network',
  'updates',
  'client',
  'fsm',
  'dispatcher',
  'cli',
];

const upward = CHAIN.map((layer, i) => ({
  name: `no-upward-from-${layer}`,
  comment: `ts/${layer} may only import ts/{${CHAIN.slice(0, i + 1).join(',')}} and the base files`,
  severity: 'error',
  from: { path: `^ts/${layer}/` },
  // Layer names end with '/' so `cli` does not match ts/client/; the CLI app (the top) may run the test server.
  to: { path: `^ts/((${CHAIN.slice(i + 1).join('|') || '$^'})/|${layer === 'cli' ? '' : 'testing/|'}index\\.ts)` },
}));

// Platform adapters: files whose name says which platform they serve
// (`tcp-node.ts`, `node-provider.ts`, `file-node.ts`, `transport/node.ts`),
// and the test server (Node, Deno and Bun only).
const ADAPTER = ['^ts/testing/', '^ts/cli/', '[/-]node\\.ts$', '/node-[a-z]+\\.ts$', '-node-[a-z]+\\.ts$'];

module.exports = {
  forbidden: [
    ...upward,
    {
      name: 'base-files-import-no-layer',
      comment: 'the files at the top of ts/ (errors, redact, logger, ...) sit below every layer',
      severity: 'error',
      from: { path: '^ts/[a-z-]+\\.ts$', pathNot: '^ts/index\\.ts$' },
      to: { path: '^ts/[a-z-]+/|^ts/index\\.ts$' },
    },
    {
      name: 'node-builtins-only-in-adapters',
      comment: 'node:* only in platform adapter files (name ends in -node.ts / starts with node-) and ts/testing',
      severity: 'error',
      from: { path: '^ts/', pathNot: ADAPTER },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'ws-only-in-websocket-node',
      severity: 'error',
      from: { path: '^ts/', pathNot: '^ts/transport/websocket-node\\.ts$|^ts/testing/' },
      to: { path: 'node_modules/ws/' },
    },
    {
      name: 'libsql-only-in-its-entry',
      comment: '@libsql/client is an optional peer: only wasmgram/storage/libsql and the FSM libSQL storage (ts/fsm/libsql.ts) may load it',
      severity: 'error',
      from: { path: '^ts/', pathNot: ['^ts/storage/libsql[a-z-]*\\.ts$', '^ts/fsm/libsql[a-z-]*\\.ts$'] },
      to: { path: 'node_modules/@libsql/' },
    },
    {
      name: 'no-testing-in-library',
      comment: 'server-side helpers stay behind wasmgram/testing (the CLI app runs the test server)',
      severity: 'error',
      from: { path: '^ts/', pathNot: '^ts/(testing|cli)/' },
      to: { path: '^ts/testing/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^ts/', pathNot: '^ts/tl/generated/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^ts/tl/generated/|^ts/wasm/generated/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
