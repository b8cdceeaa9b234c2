/**
 * The root entry (`wasmgram`, ts/index.ts) names each export by the file that
 * defines it, not by its layer's barrel: a barrel would bring every module
 * of its layer with top-level code into `import 'wasmgram'` (the stored-session
 * cold start, issue 14). These checks keep it lean and in step with the barrels.
 */
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as client from '../../ts/client/index.js';
import * as crypto from '../../ts/crypto/index.js';
import * as root from '../../ts/index.js';
import * as network from '../../ts/network/index.js';
import * as parsers from '../../ts/parsers/index.js';
import * as storage from '../../ts/storage/index.js';
import * as wasm from '../../ts/wasm/index.js';

const source = readFileSync(new URL('../../ts/index.ts', `file://${__filename}`), 'utf8');

test('ts/index.ts imports from no layer barrel (`./<layer>/index.js`)', () => {
  const barrels = [...source.matchAll(/from '(\.\/[a-z-]+\/index\.js)'/g)].map((m) => m[1]);
  assert.equal(barrels, []);
});

test('each root export is the same binding as the one of that name in its layer barrel', () => {
  const layers: Record<string, Record<string, unknown>> = { client, crypto, network, parsers, storage, wasm };
  let compared = 0;
  for (const [name, value] of Object.entries(root)) {
    for (const [layer, exports] of Object.entries(layers)) {
      if (!(name in exports)) continue;
      assert.ok(exports[name] === value, `${name}: the root export differs from wasmgram/${layer}'s`);
      compared++;
    }
  }
  assert.ok(compared >= 60, `only ${compared} names compared`);
});

test('the root entry exports TelegramClient with its methods, and no free method functions', () => {
  assert.type(root.TelegramClient, 'function');
  for (const m of ['invoke', 'sendMessage', 'start', 'iterHistory', 'downloadAsStream', 'runOnce']) {
    assert.type((root.TelegramClient.prototype as unknown as Record<string, unknown>)[m], 'function', m);
  }
  assert.not.ok('sendMessage' in root);
});

test.run();
