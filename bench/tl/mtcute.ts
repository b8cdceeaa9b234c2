/**
 * Loads mtcute's TL codec (the generated maps are not exported by
 * @mtcute/core's package.json, so their files are imported by path) and
 * converts wasmgram objects to mtcute's form: camelCase fields, `long` as a
 * `Long`, and the ids mtcute declares `int53` as plain numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

export interface Mtcute {
  reader: Any;
  writer: Any;
  readers: Any;
  writers: Any;
  Long: Any;
  /** `${constructor}.${field}` pairs mtcute types as int53. */
  int53: Set<string>;
}

export async function loadMtcute(): Promise<Mtcute> {
  const rt = await import('@mtcute/tl-runtime');
  const r = await import(path.join(root, 'node_modules/@mtcute/core/tl/binary/reader.js'));
  const w = await import(path.join(root, 'node_modules/@mtcute/core/tl/binary/writer.js'));
  const Long = (await import('long')).default;
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@mtcute/core/tl/api-schema.json'), 'utf8')) as {
    e: { name: string; arguments: { name: string; type: string }[] }[];
  };
  const int53 = new Set<string>();
  for (const e of schema.e) for (const a of e.arguments) if (a.type === 'int53') int53.add(`${e.name}.${a.name}`);
  return { reader: rt.TlBinaryReader, writer: rt.TlBinaryWriter, readers: r.__tlReaderMap, writers: w.__tlWriterMap, Long, int53 };
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export function toMtcute(m: Mtcute, v: unknown, owner = '', field = ''): Any {
  if (typeof v === 'bigint') {
    return m.int53.has(`${owner}.${field}`) ? Number(v) : m.Long.fromString(v.toString());
  }
  if (Array.isArray(v)) return v.map((x) => toMtcute(m, x, owner, field));
  if (!v || typeof v !== 'object' || v instanceof Uint8Array) return v;
  const o = v as Record<string, unknown> & { _: string };
  const out: Record<string, unknown> = { _: o._ };
  for (const [k, x] of Object.entries(o)) if (k !== '_' && x !== undefined) out[camel(k)] = toMtcute(m, x, o._, k);
  return out;
}
