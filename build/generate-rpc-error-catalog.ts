/**
 * Writes ts/rpc-error-catalog.ts from schema/errors.json: a type-only module
 * (nothing of it reaches the bundle's JavaScript) that gives
 * `RpcError.is(e, '...')` autocompletion over every known error, with its
 * code and description in TSDoc, and per method the errors it is known to
 * raise. Run after `npm run build:schema`:
 *
 *   node --import tsx build/generate-rpc-error-catalog.ts
 *
 * tests/rpc-error-catalog.test.ts fails when the file and the schema disagree.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shape of schema/errors.json (written by build/import-schema.ts). */
export interface ErrorsJson {
  layer: number;
  errors: Record<string, { code: number; description?: string; params?: string[] }>;
  methods: Record<string, { available: 'user' | 'bot' | 'both'; throws: Record<string, number> }>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Reads schema/errors.json. */
export function readErrorsJson(): ErrorsJson {
  return JSON.parse(fs.readFileSync(path.join(root, 'schema', 'errors.json'), 'utf8')) as ErrorsJson;
}

/** Keys Biome writes without quotes. */
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TSDoc-safe one-paragraph text. */
function doc(text: string): string {
  return text.replace(/\*\//g, '*\\/').replace(/\s+/g, ' ').trim();
}

/** The text of ts/rpc-error-catalog.ts for `json` (formatted as Biome formats it). */
export function renderRpcErrorCatalog(json: ErrorsJson): string {
  const out: string[] = [];
  out.push('/**');
  out.push(` * Every RPC error of API layer ${json.layer} and the errors each method is known to raise,`);
  out.push(' * as types only (no runtime cost). Written by build/generate-rpc-error-catalog.ts from');
  out.push(' * schema/errors.json: do not edit by hand. https://core.telegram.org/api/errors');
  out.push(' */');
  out.push('');
  out.push('/** Known RPC errors by the name schema/errors.json gives them (`%d` marks the number) → their error code. */');
  out.push('export interface RpcErrorCatalog {');
  for (const name of Object.keys(json.errors).sort()) {
    const e = json.errors[name]!;
    const d = e.description ? doc(e.description) : '';
    out.push(`  /** ${e.code}${d ? ` — ${d}` : ''} */`);
    out.push(`  ${IDENT.test(name) ? name : `'${name}'`}: ${e.code};`);
  }
  out.push('}');
  out.push('');
  out.push('/** The name of a known RPC error, e.g. `FLOOD_WAIT_%d` or `PHONE_CODE_INVALID`. */');
  out.push('export type RpcErrorTemplate = keyof RpcErrorCatalog;');
  out.push('');
  out.push('/** Per method (TL name): the errors it is known to raise. Methods with none are left out. */');
  out.push('export interface RpcErrorsOfMethod {');
  for (const method of Object.keys(json.methods).sort()) {
    const names = Object.keys(json.methods[method]!.throws).sort();
    if (names.length === 0) continue;
    const key = IDENT.test(method) ? method : `'${method}'`;
    const line = `  ${key}: ${names.map((n) => `'${n}'`).join(' | ')};`;
    if (line.length <= 140) out.push(line);
    else {
      out.push(`  ${key}:`);
      for (const n of names) out.push(`    | '${n}'`);
      out[out.length - 1] += ';';
    }
  }
  out.push('}');
  out.push('');
  return out.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const json = readErrorsJson();
  const file = path.join(root, 'ts', 'rpc-error-catalog.ts');
  fs.writeFileSync(file, renderRpcErrorCatalog(json));
  console.log(`ts/rpc-error-catalog.ts: ${Object.keys(json.errors).length} errors`);
}
