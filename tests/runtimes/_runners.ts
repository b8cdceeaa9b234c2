/**
 * The scratch consumer's entry files: one per way of loading the package.
 * Each reads its options (test server address, RSA key, transport), runs
 * `runChecks` from _checks.ts and reports `RESULT <json>`.
 */
const ENTRIES = ['crypto', 'tl', 'network', 'transport', 'dispatcher', 'fsm'];
const importAll = `${ENTRIES.map((e) => `import * as ${e} from 'wasmgram/${e}';`).join('\n')}\nimport * as client from 'wasmgram';`;
const mods = `{ ${ENTRIES.join(', ')}, client }`;

/** Node ESM, Deno and Bun: options from the WG_OPTS environment variable. */
export const runMjs = `${importAll}
import { runChecks } from './checks.mjs';
const opts = JSON.parse(globalThis.process.env.WG_OPTS);
runChecks(${mods}, opts).then(
  (out) => { console.log('RESULT ' + JSON.stringify(out)); globalThis.process.exit(0); },
  (e) => { console.error(e && e.stack ? e.stack : String(e)); globalThis.process.exit(1); },
);
`;

/** Node CommonJS: the same through require(). */
export const runCjs = `${ENTRIES.map((e) => `const ${e} = require('wasmgram/${e}');`).join('\n')}
const client = require('wasmgram');
const { runChecks } = require('./checks.cjs');
const opts = JSON.parse(process.env.WG_OPTS);
runChecks(${mods}, opts).then(
  (out) => { console.log('RESULT ' + JSON.stringify(out)); process.exit(0); },
  (e) => { console.error(e && e.stack ? e.stack : String(e)); process.exit(1); },
);
`;

/** The browser page's script (bundled by esbuild --platform=browser): options from location.hash. */
export const pageMjs = `${importAll}
import { runChecks } from './checks.mjs';
const opts = JSON.parse(decodeURIComponent(location.hash.slice(1)));
runChecks(${mods}, opts).then(
  (out) => { window.__result = { ok: true, out }; },
  (e) => { window.__result = { ok: false, error: e && e.stack ? e.stack : String(e) }; },
);
`;

/** The Worker (bundled with the workerd/worker conditions): options from the request's ?o= parameter. */
export const workerMjs = `${importAll}
import { runChecks } from './checks.mjs';
export default {
  async fetch(request) {
    const opts = JSON.parse(new URL(request.url).searchParams.get('o'));
    try {
      return Response.json({ ok: true, out: await runChecks(${mods}, opts) });
    } catch (e) {
      return Response.json({ ok: false, error: e && e.stack ? e.stack : String(e) });
    }
  },
};
`;
