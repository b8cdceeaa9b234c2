#!/usr/bin/env node
// Imports Telegram's published schema data, as shipped in the JSON files of
// @mtcute/core (tl/api-schema.json, mtp-schema.json, raw-errors.json), and
// writes the canonical files the rest of the build reads:
//
//   schema/api.tl        API layer, `// LAYER N` on the first line
//   schema/mtproto.tl    MTProto service layer
//   schema/api-docs.json descriptions of types, constructors, functions, fields
//   schema/errors.json   RPC errors, which methods throw them, user-/bot-only methods
//
// After this runs, the .tl files are the source of truth: updating the layer
// means replacing schema/api.tl (this script is only one way to produce it).
//
// Every definition written is re-parsed and its id checked against the CRC32 of
// its normalized text; the script fails if any id does not match.
//
// Usage: node --import tsx build/import-schema.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TlDefinition, TlGeneric, TlParam, TlType } from '../ts/tl/parser/index.js';
import { computeId, formatDefinition, idMismatches, parseSchema } from '../ts/tl/parser/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = path.join(root, 'node_modules', '@mtcute', 'core', 'tl');
const outDir = path.join(root, 'schema');
const pkgVersion = (JSON.parse(fs.readFileSync(path.join(srcDir, '..', 'package.json'), 'utf8')) as { version: string }).version;
const source = `@mtcute/core@${pkgVersion}`;

// ---- JSON shapes (only the parts read here) -------------------------------

interface JsonModifiers {
  predicate?: string;
  isVector?: boolean;
  isBareVector?: boolean;
  isBareType?: boolean;
  constructorId?: number;
}
interface JsonArg {
  name: string;
  type: string;
  comment?: string;
  typeModifiers?: JsonModifiers;
}
interface JsonEntry {
  kind: 'class' | 'method';
  name: string;
  id: number;
  type: string;
  comment?: string;
  arguments: JsonArg[];
  generics?: { name: string; type: string }[];
  typeModifiers?: JsonModifiers;
  available?: 'user';
  throws?: { code: number; name: string; comment?: string }[];
}
interface ApiJson {
  l: number;
  e: JsonEntry[];
  u: Record<string, string>;
}
interface RawErrors {
  errors: Record<string, { code: number; name: string; description?: string; _paramNames?: string[] }>;
  throws: Record<string, string[]>;
  userOnly: Record<string, 1>;
  botOnly: Record<string, 1>;
}

const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(srcDir, name), 'utf8')) as T;

// ---- Definitions that are in the JSON but not in Telegram's schema ---------

/**
 * Entries the library adds for its own use. Each one's id does not match its
 * text, which is how the import notices them; anything else that fails the
 * CRC check stops the import.
 */
const NOT_IN_LAYER: Record<string, string> = {
  inputPeerPhotoFileLocationLegacy:
    'renamed copy of inputPeerPhotoFileLocation#27d69997 from an old layer (its id is the CRC of the old text)',
  inputStickerSetThumbLegacy: 'renamed copy of inputStickerSetThumb#dbaeae9 from an old layer (its id is the CRC of the old text)',
};
/** The library's own helper definitions live in its namespace; Telegram never uses it. */
const LIBRARY_NAMESPACE = "library's own helper definition (namespace mtcute.), not part of the Telegram API";

/**
 * The first declarations of every API schema: primitive boxed types the JSON
 * leaves out because every library treats them as built-ins.
 * https://core.telegram.org/schema
 */
const API_PRELUDE = `boolFalse#bc799737 = Bool;
boolTrue#997275b5 = Bool;

true#3fedd339 = True;

vector#1cb5c415 {t:Type} # [ t ] = Vector t;
`;
const API_TRAILER_CONSTRUCTORS = ['null#56730bcc = Null;'];

/**
 * The MTProto JSON lists functions as classes, so they are told apart by name
 * (the functions of https://core.telegram.org/schema/mtproto).
 */
const MTPROTO_FUNCTIONS = new Set([
  'req_pq',
  'req_pq_multi',
  'req_DH_params',
  'set_client_DH_params',
  'destroy_auth_key',
  'rpc_drop_answer',
  'get_future_salts',
  'ping',
  'ping_delay_disconnect',
  'destroy_session',
]);

/**
 * MTProto declarations the JSON leaves out (the library parses them by hand)
 * but a complete codec and a server emulator need. Text as published in
 * https://core.telegram.org/schema/mtproto; the parser checks every id.
 * `message` has no id: it only ever appears bare, inside msg_container.
 */
const MTPROTO_EXTRA_TYPES = `
p_q_inner_data#83c95aec pq:bytes p:bytes q:bytes nonce:int128 server_nonce:int128 new_nonce:int256 = P_Q_inner_data;
p_q_inner_data_temp#3c6a84d4 pq:bytes p:bytes q:bytes nonce:int128 server_nonce:int128 new_nonce:int256 expires_in:int = P_Q_inner_data;
server_DH_params_fail#79cb045d nonce:int128 server_nonce:int128 new_nonce_hash:int128 = Server_DH_Params;
msg_resend_ans_req#8610baeb msg_ids:Vector<long> = MsgResendReq;
rpc_result#f35c6d01 req_msg_id:long result:Object = RpcResult;
message msg_id:long seqno:int bytes:int body:Object = Message;
msg_container#73f1f8dc messages:vector<message> = MessageContainer;
msg_copy#e06046b2 orig_message:Message = MessageCopy;
gzip_packed#3072cfa1 packed_data:bytes = Object;
`;
const MTPROTO_EXTRA_FUNCTIONS = `
req_pq#60469778 nonce:int128 = ResPQ;
`;

// ---- JSON -> syntax tree ---------------------------------------------------

const plain = (name: string, args: TlType[] = []): TlType => ({ name, args, percent: false, bang: false });

/** Maps a JSON type name back to TL: the library writes some `long` ids as `int53`. */
function tlTypeName(name: string, stripPrefix: string): string {
  if (name === 'int53') return 'long';
  return stripPrefix && name.startsWith(stripPrefix) ? name.slice(stripPrefix.length) : name;
}

function argType(arg: JsonArg, stripPrefix: string): TlType {
  const m = arg.typeModifiers ?? {};
  if (arg.type.startsWith('!')) return { name: arg.type.slice(1), args: [], percent: false, bang: true };
  const base = plain(tlTypeName(arg.type, stripPrefix));
  if (m.isBareVector) return plain('vector', [base]);
  if (m.isVector) return plain('Vector', [base]);
  return base;
}

function toDefinition(e: JsonEntry, kind: TlDefinition['kind'], stripPrefix = ''): TlDefinition {
  const name = tlTypeName(e.name, stripPrefix);
  const generics: TlGeneric[] = (e.generics ?? []).map((g) => ({ name: g.name, type: g.type }));
  const params: TlParam[] = e.arguments.map((a) => {
    const type = argType(a, stripPrefix);
    const pred = a.typeModifiers?.predicate;
    if (!pred) return { name: a.name, type };
    const m = /^(\w+)\.(\d+)$/.exec(pred);
    if (!m) throw new Error(`${e.name}.${a.name}: bad predicate ${pred}`);
    return { name: a.name, type, condition: { field: m[1]!, bit: Number(m[2]) } };
  });
  const resultName = tlTypeName(e.type, stripPrefix);
  const result = e.typeModifiers?.isVector ? plain('Vector', [plain(resultName)]) : plain(resultName);
  const computedId = computeId(name, generics, params, result);
  return { kind, name, id: e.id >>> 0, declaredId: e.id >>> 0, computedId, generics, params, result, line: 0, column: 0 };
}

function checkIds(defs: TlDefinition[], what: string): void {
  const bad = defs.filter((d) => d.id !== d.computedId);
  if (bad.length > 0) {
    for (const d of bad) console.error(`${what}: ${d.name}#${d.id.toString(16)} computes to #${d.computedId.toString(16)}`);
    throw new Error(`${bad.length} ${what} ids do not match their CRC32; fix the conversion or list them in NOT_IN_LAYER`);
  }
}

/** Writes definitions grouped like Telegram's files: a blank line between groups. */
function writeGroup(defs: TlDefinition[], groupKey: (d: TlDefinition) => string): string {
  let out = '';
  let prev: string | undefined;
  for (const d of defs) {
    const key = groupKey(d);
    if (prev !== undefined && key !== prev) out += '\n';
    out += `${formatDefinition(d)}\n`;
    prev = key;
  }
  return out;
}

const namespaceOf = (name: string) => (name.includes('.') ? name.slice(0, name.indexOf('.')) : '');
const resultKey = (d: TlDefinition) => d.result.name;

// ---- Documentation: HTML -> Markdown ---------------------------------------

const schemaNames = { constructors: new Set<string>(), functions: new Set<string>() };

/** Turns the library's `{@link ns.RawFooRequest}` references back into TL names with a link to the docs. */
function linkFor(target: string): string {
  const m = /^(?:(\w+)\.)?Raw(\w+?)(Request)?$/.exec(target);
  if (m) {
    const local = m[2]!.charAt(0).toLowerCase() + m[2]!.slice(1);
    const name = m[1] ? `${m[1]}.${local}` : local;
    if (m[3] && schemaNames.functions.has(name)) return `[\`${name}\`](https://core.telegram.org/method/${name})`;
    // A constructor whose own name ends in "Request" (urlAuthResultRequest).
    const ctor = m[3] ? `${name}Request` : name;
    if (schemaNames.constructors.has(ctor)) return `[\`${ctor}\`](https://core.telegram.org/constructor/${ctor})`;
  }
  console.warn(`docs: cannot resolve reference {@link ${target}}`);
  return `\`${target}\``;
}

function absoluteHref(href: string): string | undefined {
  if (href.startsWith('#')) return undefined; // anchor into a page we do not have
  if (href.startsWith('//')) href = `https:${href}`;
  return href.replace(/^https:\/\/corefork\.telegram\.org\//, 'https://core.telegram.org/');
}

/**
 * Converts the HTML fragments of the docs to Markdown, which TSDoc renders:
 * links, code, emphasis and line breaks. Text inside `<code>` is kept literal
 * (it contains things like `<pre>` and `<dc_id>`).
 */
export function htmlToMarkdown(html: string): string {
  let out = '';
  let inCode = false;
  const links: (string | undefined)[] = [];
  const re = /<(\/?)([a-zA-Z_]+)([^>]*)>|\{@link ([^}]+)\}|&(amp|lt|gt|quot|#39);/g;
  let last = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    out += html.slice(last, m.index);
    last = re.lastIndex;
    if (m[5]) {
      out += { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[m[5]];
      continue;
    }
    if (m[4]) {
      out += inCode ? m[4] : linkFor(m[4]);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2]!.toLowerCase();
    if (inCode && !(closing && tag === 'code')) {
      out += m[0];
      continue;
    }
    switch (tag) {
      case 'code':
        out += '`';
        inCode = !closing;
        break;
      case 'strong':
      case 'b':
        out += '**';
        break;
      case 'em':
      case 'i':
        out += '_';
        break;
      case 'del':
        out += '~~';
        break;
      case 'u':
        break;
      case 'br':
        out += '\n';
        break;
      case 'img':
        out += /alt="([^"]*)"/.exec(m[3]!)?.[1] ?? '';
        break;
      case 'a':
        if (closing) {
          const href = links.pop();
          if (href !== undefined) out += `](${href})`;
        } else {
          const href = absoluteHref(/href="([^"]*)"/.exec(m[3]!)?.[1] ?? '#');
          links.push(href);
          if (href !== undefined) out += '[';
        }
        break;
      default:
        out += m[0]; // not a tag we know: keep the text as it is
    }
  }
  out += html.slice(last);
  return out.replace(/[ \t]+\n/g, '\n').trim();
}

// ---- Main ------------------------------------------------------------------

function main(): void {
  const api = readJson<ApiJson>('api-schema.json');
  const mtp = readJson<JsonEntry[]>('mtp-schema.json');
  const rawErrors = readJson<RawErrors>('raw-errors.json');

  // API layer.
  const skipped: string[] = [];
  const entries = api.e.filter((e) => {
    const reason = NOT_IN_LAYER[e.name] ?? (e.name.startsWith('mtcute.') ? LIBRARY_NAMESPACE : undefined);
    if (reason !== undefined) {
      skipped.push(`${e.name}: ${reason}`);
      return false;
    }
    return true;
  });
  const constructors = entries.filter((e) => e.kind === 'class').map((e) => toDefinition(e, 'constructor'));
  const functions = entries.filter((e) => e.kind === 'method').map((e) => toDefinition(e, 'function'));
  checkIds(constructors, 'API constructor');
  checkIds(functions, 'API function');
  for (const d of constructors) schemaNames.constructors.add(d.name);
  for (const d of functions) schemaNames.functions.add(d.name);

  const apiText =
    `// LAYER ${api.l}\n` +
    `// Telegram API schema, layer ${api.l}. Imported from ${source} by build/import-schema.ts;\n` +
    `// to move to another layer, replace this file (keep the LAYER line) and rebuild.\n\n` +
    API_PRELUDE +
    '\n' +
    writeGroup(constructors, resultKey) +
    '\n' +
    API_TRAILER_CONSTRUCTORS.join('\n') +
    '\n\n---functions---\n\n' +
    writeGroup(functions, (d) => namespaceOf(d.name));

  // MTProto layer: names carry a `mt_` prefix in the JSON.
  const mtDefs = mtp.map((e) => {
    const name = e.name.replace(/^mt_/, '');
    return toDefinition(e, MTPROTO_FUNCTIONS.has(name) ? 'function' : 'constructor', 'mt_');
  });
  checkIds(mtDefs, 'MTProto');
  const mtpText =
    `// MTProto service schema (https://core.telegram.org/schema/mtproto). Imported from ${source}\n` +
    `// by build/import-schema.ts, plus the declarations that library parses by hand (end of each section).\n\n` +
    writeGroup(
      mtDefs.filter((d) => d.kind === 'constructor'),
      resultKey,
    ) +
    '\n// Declared by hand in the import script: the JSON leaves these out.\n' +
    MTPROTO_EXTRA_TYPES.trimStart() +
    '\n---functions---\n\n' +
    writeGroup(
      mtDefs.filter((d) => d.kind === 'function'),
      resultKey,
    ) +
    MTPROTO_EXTRA_FUNCTIONS;

  // Re-parse what we are about to write: every declared id must match.
  for (const [file, text] of [
    ['api.tl', apiText],
    ['mtproto.tl', mtpText],
  ] as const) {
    const schema = parseSchema(text, { file, strictIds: true });
    const bad = idMismatches(schema);
    if (bad.length > 0) throw new Error(`${file}: ${bad.length} id mismatches`);
    console.log(`schema/${file}: ${schema.definitions.length} definitions, layer ${schema.layer ?? '-'}`);
  }

  // Documentation.
  const docOf = (e: JsonEntry) => {
    const params: Record<string, string> = {};
    for (const a of e.arguments) if (a.comment && a.type !== '#') params[a.name] = htmlToMarkdown(a.comment);
    return { ...(e.comment ? { description: htmlToMarkdown(e.comment) } : {}), params };
  };
  const docs = {
    layer: api.l,
    source: `${source} tl/api-schema.json (descriptions from core.telegram.org)`,
    types: Object.fromEntries(
      Object.entries(api.u)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, htmlToMarkdown(v)]),
    ),
    constructors: Object.fromEntries(entries.filter((e) => e.kind === 'class').map((e) => [e.name, docOf(e)])),
    functions: Object.fromEntries(entries.filter((e) => e.kind === 'method').map((e) => [e.name, docOf(e)])),
  };

  // Errors: the error list, plus per method what it throws and who may call it.
  const errors: Record<string, { code: number; description?: string; params?: string[] }> = {};
  for (const e of Object.values(rawErrors.errors).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    errors[e.name] = {
      code: e.code,
      ...(e.description ? { description: htmlToMarkdown(e.description) } : {}),
      ...(e._paramNames ? { params: e._paramNames } : {}),
    };
  }
  const methods: Record<string, { available: 'user' | 'bot' | 'both'; throws: Record<string, number> }> = {};
  let conflicts = 0;
  for (const e of entries.filter((x) => x.kind === 'method')) {
    const throws: Record<string, number> = {};
    for (const t of e.throws ?? []) {
      throws[t.name] = t.code;
      if (!errors[t.name]) errors[t.name] = { code: t.code, ...(t.comment ? { description: htmlToMarkdown(t.comment) } : {}) };
    }
    for (const name of rawErrors.throws[e.name] ?? []) {
      if (throws[name] === undefined && errors[name]) throws[name] = errors[name].code;
    }
    // The JSON's per-entry `available: 'user'` means "users may call it", not
    // "only users": the exclusive lists are userOnly / botOnly.
    const user = rawErrors.userOnly[e.name] === 1;
    const bot = rawErrors.botOnly[e.name] === 1;
    if (user && bot) conflicts++;
    methods[e.name] = { available: bot && !user ? 'bot' : user && !bot ? 'user' : 'both', throws };
  }
  if (conflicts) throw new Error(`errors: ${conflicts} methods marked both user-only and bot-only`);
  const dropped = Object.keys(rawErrors.throws).filter((k) => !schemaNames.functions.has(k));
  const errorsJson = {
    layer: api.l,
    source: `${source} tl/raw-errors.json and tl/api-schema.json`,
    errors: Object.fromEntries(Object.entries(errors).sort(([a], [b]) => (a < b ? -1 : 1))),
    methods,
  };

  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'api.tl'), apiText);
  fs.writeFileSync(path.join(outDir, 'mtproto.tl'), mtpText);
  fs.writeFileSync(path.join(outDir, 'api-docs.json'), `${JSON.stringify(docs, null, 1)}\n`);
  fs.writeFileSync(path.join(outDir, 'errors.json'), `${JSON.stringify(errorsJson, null, 1)}\n`);
  for (const s of skipped) console.log(`skipped ${s}`);
  console.log(
    `schema/errors.json: ${Object.keys(errors).length} errors, ${Object.keys(methods).length} methods ` +
      `(${dropped.length} entries for methods not in layer ${api.l} dropped)`,
  );
}

// Run only as a script, not when a test imports htmlToMarkdown.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();
