/**
 * Converts a wasmgram TL object to GramJS's classes (GramJS ships its own,
 * older layer), so GramJS can serialize an equivalent payload with its own
 * schema: same constructors where the layers agree, camelCase fields, bigint
 * to big-integer. Fields the older layer lacks are dropped.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface GramJs {
  Api: Any;
  BinaryReader: new (data: Buffer) => { tgReadObject(): Any };
  bigInt: (v: string) => Any;
  layer: number;
}

export function loadGramJs(): GramJs {
  const { Api } = require('telegram');
  const { BinaryReader } = require('telegram/extensions');
  const { LAYER } = require('telegram/tl/AllTLObjects');
  const bigInt = require('big-integer');
  return { Api, BinaryReader, bigInt, layer: LAYER };
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function toGramJs(g: GramJs, v: unknown): Any {
  if (typeof v === 'bigint') return g.bigInt(v.toString());
  if (Array.isArray(v)) return v.map((x) => toGramJs(g, x));
  if (v instanceof Uint8Array) return Buffer.from(v);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown> & { _: string };
  const parts = o._.split('.');
  let cls: Any = g.Api;
  for (const p of parts.slice(0, -1)) cls = cls?.[p];
  cls = cls?.[pascal(parts[parts.length - 1]!)];
  if (!cls) throw new Error(`GramJS has no ${o._}`);
  const args: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) {
    if (k === '_' || x === undefined) continue;
    args[camel(k)] = toGramJs(g, x);
  }
  return new cls(args);
}
