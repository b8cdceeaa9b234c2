/**
 * TypeScript consumers of the installed package: `moduleResolution: bundler`,
 * and `node16` from an ES module (.mts) and from CommonJS (.cts, which needs
 * the .d.cts faces). Each must type-check with `declaration: true` — an
 * inferred `invoke` result must be nameable (no TS2742) — and a wrong method
 * name must be a type error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { bin, root, run } from './_package.js';

const source = (
  from: 'esm' | 'cjs',
) => `${from === 'cjs' ? "import network = require('wasmgram/network');\nimport tlEntry = require('wasmgram/tl');" : "import * as network from 'wasmgram/network';\nimport * as tlEntry from 'wasmgram/tl';"}
import type { tl } from 'wasmgram/tl';
export async function getConfig(conn: network.Connection) {
  return conn.invoke({ _: 'help.getConfig' });
}
export const peer: tl.InputPeer = { _: 'inputPeerSelf' };
export const bytes = tlEntry.encode(peer);
export async function wrong(conn: network.Connection) {
  // @ts-expect-error: no such method
  return conn.invoke({ _: 'help.getConfigg' });
}
`;

const CONSUMERS = [
  { name: 'bundler', file: 'index.ts', module: 'esnext', resolution: 'bundler', from: 'esm' as const },
  { name: 'node16 ESM', file: 'index.mts', module: 'node16', resolution: 'node16', from: 'esm' as const },
  { name: 'node16 CJS', file: 'index.cts', module: 'node16', resolution: 'node16', from: 'cjs' as const },
];

/** Type-checks each consumer; returns one line per consumer, or throws with tsc's output. */
export async function checkTypeScriptConsumers(consumerDir: string): Promise<string[]> {
  // @types/node (and @types/ws) for the Node adapters' declarations, as a Node user has them.
  const types = path.join(consumerDir, 'node_modules', '@types');
  if (!fs.existsSync(types)) fs.symlinkSync(path.join(root, 'node_modules', '@types'), types, 'dir');
  const lines: string[] = [];
  for (const c of CONSUMERS) {
    const dir = path.join(consumerDir, `ts-${c.name.replace(/\W+/g, '-')}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, c.file), source(c.from));
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: c.module,
          moduleResolution: c.resolution,
          lib: ['es2022', 'dom'],
          types: ['node'],
          strict: true,
          declaration: true,
          emitDeclarationOnly: true,
          outDir: 'out',
          skipLibCheck: false,
        },
        files: [c.file],
      }),
    );
    const r = await run(bin('tsc'), ['-p', dir], { cwd: dir, timeoutMs: 120_000 });
    if (r.code !== 0) throw new Error(`TypeScript consumer (${c.name}) failed:\n${r.stdout}${r.stderr}`);
    const dts = fs.readFileSync(
      path.join(
        dir,
        'out',
        c.file.replace(/\.(m|c)?ts$/, (_, m) => `.d.${m ?? ''}ts`),
      ),
      'utf8',
    );
    if (!/getConfig\(conn: network\.Connection\): Promise</.test(dts))
      throw new Error(`TypeScript consumer (${c.name}): unexpected declaration\n${dts}`);
    lines.push(`${c.name}: ok`);
  }
  return lines;
}
