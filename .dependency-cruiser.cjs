// Layer rules for ts/ (see ARCHITECTURE.md and ../shared/STYLE.md): imports go
// down the chain only, and platform APIs stay in the platform layer (ts/platform).
// Checked in `npm test` (build/run-tests.mjs runs `npm run lint:layers`).

// The chain, bottom first. A file may import its own layer and any layer
// listed before it; the files at the top of ts/ (errors.ts, redact.ts, ...) sit below all.
const CHAIN = [
  'platform',
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

// Runtime APIs: the platform layer's runtime folders (one file per capability and
// runtime, picked by the package's export conditions), and the apps that run on
// Node, Deno and Bun only (the test server, the CLI).
const RUNTIME = ['^ts/platform/(node|deno|workerd)/', '^ts/testing/', '^ts/cli/'];

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
      name: 'node-builtins-only-in-platform',
      comment: 'node:* only in ts/platform/{node,deno,workerd}/ and the Node/Deno/Bun apps (ts/testing, ts/cli)',
      severity: 'error',
      from: { path: '^ts/', pathNot: RUNTIME },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'cloudflare-only-in-platform-workerd',
      comment: 'cloudflare:* modules exist only in Workers: only ts/platform/workerd/ imports them',
      severity: 'error',
      from: { path: '^ts/', pathNot: '^ts/platform/workerd/' },
      to: { path: '^cloudflare:' },
    },
    {
      name: 'ws-only-in-platform-node',
      severity: 'error',
      from: { path: '^ts/', pathNot: '^ts/platform/node/websocket\\.ts$|^ts/testing/' },
      to: { path: 'node_modules/ws/' },
    },
    {
      name: 'libsql-only-in-its-entry',
      comment:
        '@libsql/client is an optional peer: only wasmgram/storage/libsql, its local half (#platform/libsql-local) and the FSM libSQL storage (ts/fsm/libsql.ts) may load it',
      severity: 'error',
      from: {
        path: '^ts/',
        pathNot: ['^ts/storage/libsql[a-z-]*\\.ts$', '^ts/fsm/libsql[a-z-]*\\.ts$', '^ts/platform/(node|web)/libsql-local\\.ts$'],
      },
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
