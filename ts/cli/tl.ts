/**
 * `wasmgram tl decode` and `wasmgram tl show`: TL bytes of either layer
 * (API and MTProto service, https://core.telegram.org/mtproto/serialize) as
 * readable JSON, and a constructor or method with its id, fields, result type
 * and docs (schema/api-docs.json, when the repository's schema/ is present).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TlError, WasmgramError } from '../errors.js';
import { decode, decodeRequest } from '../tl/index.js';
import { TlReader } from '../tl/codec/reader.js';
import { flag, parseArgs, stringOption } from './args.js';
import { type CliIo, EXIT_OK, UsageError } from './io.js';
import { constructorsOf, findDefinition, similarNames, typeCodeOf } from './tl-schema.js';

/** Usage text of `wasmgram tl`. */
export const TL_USAGE = `Usage:
  wasmgram tl decode <hex | @FILE | -> [--type T] [--decimal]
  wasmgram tl show <name | #id | Type>

decode  reads TL bytes (hex on the command line; @FILE or - for stdin: hex text or raw bytes)
        and prints the object as JSON: longs as 0x-hex of their 64 bits (--decimal: signed decimal),
        bytes as hex.
        Boxed by default (--boxed): a constructor or a method call of the API or MTProto layer,
        gzip_packed inflated; an unencrypted MTProto message (auth_key_id 0) is unwrapped.
        --type T reads a bare value instead: int, long, string, bytes, a type (ResPQ),
        a bare constructor (%resPQ or resPQ), or Vector<...> / vector<...> of one.
show    prints a constructor or method: its id, fields with types and flags, the result
        type, and the docs when schema/api-docs.json is at hand. A type name lists its constructors.

Options:
  -h, --help   this text`;

const SPEC = { type: { value: true }, boxed: {}, decimal: {} } as const;

/** Hex text (spaces, colons, newlines and a 0x prefix allowed) to bytes; undefined when it is not hex. */
function fromHex(text: string): Uint8Array | undefined {
  const clean = text.replace(/0x/gi, '').replace(/[\s:,]/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(clean)) return undefined;
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** A file or stdin: hex text when it reads as hex, else the raw bytes. */
function hexOrRaw(data: Uint8Array): Uint8Array {
  if (data.length > 0 && data.every((b) => b < 0x80)) {
    const hex = fromHex(new TextDecoder().decode(data));
    if (hex) return hex;
  }
  return data;
}

async function readInput(source: string, io: CliIo): Promise<Uint8Array> {
  if (source === '-') return hexOrRaw(await io.readAll());
  if (source.startsWith('@')) {
    const path = source.slice(1);
    if (!existsSync(path)) throw new UsageError(`no file ${path}`);
    return hexOrRaw(new Uint8Array(readFileSync(path)));
  }
  const hex = fromHex(source);
  if (!hex) throw new UsageError('tl decode takes hex bytes, @FILE or - (stdin)');
  return hex;
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** JSON with longs and bytes readable (see TL_USAGE). */
function toJson(value: unknown, decimal = false): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      // Hex of the 64 bits as sent (a key fingerprint reads as the spec prints it); decimal keeps the sign.
      if (typeof v === 'bigint') return decimal ? v.toString() : `0x${BigInt.asUintN(64, v).toString(16).padStart(16, '0')}`;
      if (v instanceof Uint8Array) return hex(v);
      return v;
    },
    2,
  );
}

/**
 * Decodes `bytes` as the CLI does: a bare value of `type` when given, else
 * an unencrypted MTProto message or one boxed object.
 *
 * @throws TlError where the bytes do not match the schema
 */
function decodeTl(bytes: Uint8Array, type?: string): unknown {
  if (type !== undefined) {
    const r = new TlReader(bytes, 0);
    const v = r.value(typeCodeOf(type), 0);
    r.expectEnd();
    return v;
  }
  // https://core.telegram.org/mtproto/description#unencrypted-message
  if (bytes.length >= 24 && bytes.subarray(0, 8).every((b) => b === 0)) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getInt32(16, true) === bytes.length - 20) {
      return {
        auth_key_id: 0n,
        msg_id: view.getBigInt64(8, true),
        message_data_length: bytes.length - 20,
        message_data: decodeBoxed(bytes.subarray(20)),
      };
    }
  }
  try {
    return decodeBoxed(bytes);
  } catch (e) {
    // https://core.telegram.org/mtproto/description#encrypted-message-encrypted-data
    if (e instanceof TlError && bytes.length >= 24 + 16 && (bytes.length - 24) % 16 === 0 && bytes.subarray(0, 8).some((b) => b !== 0)) {
      throw new TlError(
        `${e.message}; these bytes may be an encrypted MTProto message (auth_key_id ${hex(bytes.subarray(0, 8).reverse())}), which needs its auth key`,
      );
    }
    throw e;
  }
}

/** One boxed constructor, or else one method call (what a server receives). */
function decodeBoxed(bytes: Uint8Array): unknown {
  try {
    return decode(bytes);
  } catch (e) {
    if (!(e instanceof TlError)) throw e;
    try {
      return decodeRequest(bytes);
    } catch {
      throw e;
    }
  }
}

/** Where schema/api-docs.json is, if anywhere (the repository checkout; the npm package has no schema/). */
function docsFile(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'schema', 'api-docs.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

interface Docs {
  layer?: number;
  types?: Record<string, string>;
  constructors?: Record<string, { description?: string; params?: Record<string, string> }>;
  functions?: Record<string, { description?: string; params?: Record<string, string> }>;
}

function loadDocs(): Docs | undefined {
  const file = docsFile();
  if (!file) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Docs;
  } catch {
    return undefined;
  }
}

function show(query: string, io: CliIo): number {
  const def = findDefinition(query);
  const docs = loadDocs();
  if (!def) {
    const ctors = constructorsOf(query);
    if (ctors) {
      io.out(`type ${query}: ${ctors.length} constructor${ctors.length === 1 ? '' : 's'}`);
      const doc = docs?.types?.[query];
      if (doc) io.out(`  ${doc}`);
      for (const c of ctors) io.out(`  ${c}`);
      return EXIT_OK;
    }
    const near = similarNames(query);
    throw new WasmgramError(`the schema has no constructor, method or type ${query}${near.length ? ` (similar: ${near.join(', ')})` : ''}`);
  }
  const entry = (def.kind === 'method' ? docs?.functions : docs?.constructors)?.[def.name];
  const id = def.id.toString(16).padStart(8, '0');
  const line = [`${def.name}#${id.replace(/^0+(?=.)/, '')}`, ...def.fields.map((f) => `${f.name}:${f.type}`), '=', `${def.type};`];
  io.out(line.join(' '));
  io.out('');
  const flat = (text: string) => text.replace(/\s*\n\s*/g, ' ');
  io.out(`${def.kind.padEnd(12)}${def.name}`);
  io.out(`${'id'.padEnd(12)}0x${id}`);
  io.out(`${(def.kind === 'method' ? 'returns' : 'type').padEnd(12)}${def.type}`);
  if (entry?.description) io.out(`${'about'.padEnd(12)}${flat(entry.description)}`);
  io.out(def.fields.length ? 'fields:' : 'fields:     none');
  const width = Math.max(0, ...def.fields.map((f) => f.name.length));
  const typeWidth = Math.max(0, ...def.fields.map((f) => f.type.length));
  for (const f of def.fields) {
    const about = entry?.params?.[f.name] && flat(entry.params[f.name]);
    io.out(`  ${f.name.padEnd(width)}  ${about ? `${f.type.padEnd(typeWidth)}  ${about}` : f.type}`);
  }
  if (docs === undefined) io.out('(no docs: schema/api-docs.json is only in the repository)');
  io.out(`https://core.telegram.org/${def.kind === 'method' ? 'method' : 'constructor'}/${def.name}`);
  return EXIT_OK;
}

/** `wasmgram tl ...`: the exit code. */
export async function tlCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, SPEC);
  const [action, ...rest] = args.positional;
  if (args.help || action === 'help') {
    io.out(TL_USAGE);
    return EXIT_OK;
  }
  if (action === 'show') {
    if (rest.length !== 1) throw new UsageError('tl show takes one name');
    return show(rest[0]!, io);
  }
  if (action === 'decode') {
    if (rest.length !== 1) throw new UsageError('tl decode takes one input: hex, @FILE or -');
    const type = stringOption(args, 'type');
    if (type !== undefined && flag(args, 'boxed')) throw new UsageError('--boxed and --type exclude each other');
    const bytes = await readInput(rest[0]!, io);
    io.out(toJson(decodeTl(bytes, type), flag(args, 'decimal')));
    return EXIT_OK;
  }
  throw new UsageError(action === undefined ? 'tl needs an action: decode or show' : `unknown tl action ${action}`);
}
