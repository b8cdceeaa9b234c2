#!/usr/bin/env node
// Runs the whole test suite under c8 (coverage) + uvu (tests) + tsx (TypeScript),
// then prints the plain summary line CI reads: `N passed, N failed, N skipped`.
// Exit code: non-zero when any test failed or the runner itself failed.
//
// Before the tests, the static checks run and count as one test each: Biome
// (format + lint), the layer rules (dependency-cruiser), unused files and
// dependencies (knip) and the type check (tsc). `--no-checks` skips them
// (for running one folder while working).
//
// Usage: node build/run-tests.mjs [--no-checks] [dir [pattern]]   (default: tests)
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const argv = process.argv.slice(2);
const runChecks = !argv.includes('--no-checks');
const [dir = 'tests', pattern = '\\.test\\.ts$'] = argv.filter((a) => a !== '--no-checks');

const CHECKS = [
  ['format and lint (biome)', 'biome', ['check', '.']],
  ['layer rules (dependency-cruiser)', 'depcruise', ['ts', '--config', '.dependency-cruiser.cjs']],
  ['unused files, exports and dependencies (knip)', 'knip', []],
  ['type check (tsc)', 'tsc', ['--noEmit', '-p', 'tsconfig.json']],
];
let checksPassed = 0;
let checksFailed = 0;
if (runChecks) {
  for (const [label, name, args] of CHECKS) {
    const r = spawnSync(bin(name), args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    if (r.status === 0) {
      checksPassed++;
      console.log(`check ok: ${label}`);
    } else {
      checksFailed++;
      console.log(`check FAILED: ${label}\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`);
    }
  }
}

const args = [
  '--reporter=text-summary',
  '--exclude-after-remap',
  '--exclude',
  'tests/**',
  '--exclude',
  'bench/**',
  '--exclude',
  'build/**',
  '--exclude',
  '**/<define:*>',
  '--exclude',
  'node_modules/**',
  bin('uvu'),
  '-r',
  'tsx',
  dir,
  pattern,
];

const child = spawn(bin('c8'), args, {
  cwd: root,
  env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
});

let out = '';
child.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  out += text;
  process.stdout.write(text);
});

child.on('close', (code) => {
  const num = (label) => {
    const m = out.match(new RegExp(`^\\s*${label}:\\s+(\\d+)`, 'm'));
    return m ? Number(m[1]) : NaN;
  };
  const total = num('Total');
  const passed = num('Passed');
  const skipped = num('Skipped') || 0;
  if (Number.isNaN(total) || Number.isNaN(passed)) {
    console.log(`\n${checksPassed} passed, ${checksFailed + 1} failed`);
    console.error(`test runner produced no uvu summary (exit code ${code})`);
    process.exit(code || 1);
  }
  const failed = Math.max(0, total - passed - skipped) + checksFailed;
  console.log(`\n${passed + checksPassed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed > 0 || code !== 0 ? code || 1 : 0);
});
