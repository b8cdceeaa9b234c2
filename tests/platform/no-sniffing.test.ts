/**
 * Issue 14: the runtime is decided by the package's export conditions
 * (ts/platform, one file per runtime), not by sniffing globals at run time.
 * Outside ts/platform and the Node/Deno/Bun apps (ts/testing, ts/cli), the
 * only reads of runtime globals left are the ones below, each a feature test
 * or a default a condition cannot replace, with its reason in a comment
 * beside it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const TS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'ts');

/** File → why it may read a runtime global. */
const ALLOWED: Record<string, string> = {
  'wasm/base64.ts': 'Buffer as a faster base64 decoder where present (Bun has it, Deno not; both match `node`)',
  'tl/codec/utf8.ts': "Buffer's utf8Slice, probed to decode exactly as TextDecoder",
  'crypto/modexp-node.ts': 'node:crypto through getBuiltinModule, so the modexp chunk imports no node:* at load',
  'crypto/wasm-provider.ts': 'Web Crypto (crypto.subtle, PBKDF2): the same global in every runtime',
  'transport/default-socket.ts': 'a global WebSocket: Node 20 has none, Node 22 has one, one build serves both',
  'transport/websocket.ts': 'the global WebSocket as the default constructor',
  'transport/http.ts': 'the global fetch as the default',
};

const SNIFF =
  /globalThis|typeof (Deno|Bun|process|navigator|window|document|WebSocket|Buffer)\b|\b(Deno|Bun)\.[a-z]|\bprocess\.(versions|env|platform)\b|\bnavigator\./;

/** A line without its string literals (a symbol name such as 'Deno.customInspect' reads no global). */
function codeOf(line: string): string {
  return line.replace(/'[^']*'|"[^"]*"/g, "''");
}

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'generated') continue;
    if (statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

/** Files outside ts/platform, ts/testing and ts/cli whose code (not comments) reads a runtime global. */
function sniffers(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(TS)) {
    const rel = path.relative(TS, file).split(path.sep).join('/');
    if (/^(platform|testing|cli)\//.test(rel)) continue;
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
    if (code.some((line) => SNIFF.test(codeOf(line)))) found.add(rel);
  }
  return found;
}

test('no runtime sniffing outside ts/platform but the listed feature tests and defaults', () => {
  assert.equal([...sniffers()].sort(), Object.keys(ALLOWED).sort());
});

test('each listed sniff says why beside it (a comment within three lines)', () => {
  for (const rel of Object.keys(ALLOWED)) {
    if (rel === 'crypto/wasm-provider.ts' || rel === 'transport/http.ts') continue; // a universal global / an injectable default
    const lines = readFileSync(path.join(TS, rel), 'utf8').split('\n');
    const at = lines.findIndex((l) => SNIFF.test(l) && !/^\s*(\*|\/\/|\/\*)/.test(l));
    assert.ok(
      lines.slice(Math.max(0, at - 3), at).some((l) => /^\s*(\/\/|\*)/.test(l)),
      `${rel}:${at + 1} reads a runtime global without a comment saying why`,
    );
  }
});

test('the check bites: a typeof Deno in a layer file would be found', () => {
  assert.ok(SNIFF.test('if (typeof Deno !== "undefined") return x;'));
  assert.ok(SNIFF.test('const p = (globalThis as { process?: unknown }).process;'));
  assert.ok(SNIFF.test('const conn = await Deno.connect({ hostname, port });'));
  assert.not.ok(SNIFF.test(codeOf("const DENO_INSPECT = Symbol.for('Deno.customInspect');")));
  assert.not.ok(SNIFF.test(' * runs on Deno and Bun'));
});

test.run();
