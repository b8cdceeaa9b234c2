/**
 * Rules of the code base that no linter checks for us (../shared/STYLE.md):
 * every error the library throws is a `WasmgramError` (ts/errors.ts), so a
 * caller can `instanceof` it; barrels list their exports by name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const TS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'ts');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'generated') continue; // build output
    if (statSync(full).isDirectory()) sources(full, out);
    else if (name.endsWith('.ts')) out.push(full);
  }
  return out;
}

function offenders(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of sources(TS)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (pattern.test(line)) found.push(`${path.relative(TS, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

test('every error the library makes is a WasmgramError subclass (no plain Error, RangeError, TypeError)', () => {
  const found = offenders(/\bnew (Error|RangeError|TypeError|SyntaxError)\(/);
  assert.equal(found, [], `use a class from ts/errors.ts:\n${found.join('\n')}`);
});

test('barrels export names explicitly (no `export *`)', () => {
  const found = offenders(/^export \* from /);
  assert.equal(found, [], found.join('\n'));
});

test('the rule checks bite: a plain throw and an export * would be found', () => {
  assert.ok(/\bnew (Error|RangeError|TypeError|SyntaxError)\(/.test("throw new RangeError('x')"));
  assert.ok(/^export \* from /.test("export * from './x.js';"));
});

test.run();
