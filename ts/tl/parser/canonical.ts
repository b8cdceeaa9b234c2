import type { TlDefinition, TlGeneric, TlParam, TlType } from './ast.js';
import { crc32String } from './crc32.js';

/**
 * How a declaration is normalized before its CRC-32 is taken. The TL docs
 * define the id as the CRC-32 of the declaration "with all comments and
 * extraneous whitespace removed" (https://core.telegram.org/mtproto/TL-combinators);
 * Telegram's own generator also rewrites a few forms, and the ids in the
 * published schemas only match when the same rewrites are made:
 *
 * 1. The id itself (`#xxxxxxxx`) and the final `;` are dropped; tokens are
 *    joined with single spaces.
 * 2. Type variables lose their braces: `{X:Type}` becomes `X:Type`.
 * 3. Angle brackets become type application: `Vector<long>` becomes `Vector long`.
 * 4. A field typed `bytes` (plain or conditional) is hashed as `string`:
 *    `bytes` is `string` on the wire, and the ids were computed on that.
 *    `Vector<bytes>` is left alone.
 * 5. Conditional `true` fields (`flag:flags.N?true`) are left out: they take
 *    no bytes on the wire, so adding one does not change the constructor id.
 *
 * Known exceptions in published schemas are the few MTProto declarations
 * whose ids predate rule 4 or were written by hand (see build/check-schema.ts).
 */
export function canonicalText(name: string, generics: readonly TlGeneric[], params: readonly TlParam[], result: TlType): string {
  const parts: string[] = [name];
  for (const g of generics) parts.push(`${g.name}:${g.type}`);
  for (const p of params) {
    if (p.condition && p.type.name === 'true' && p.type.args.length === 0) continue;
    parts.push(canonicalParam(p));
  }
  parts.push('=', canonicalType(result));
  return parts.join(' ');
}

function canonicalParam(p: TlParam): string {
  if (p.repeat) {
    const head = (p.name ? `${p.name}:` : '') + (p.repeat.multiplicity !== undefined ? `${p.repeat.multiplicity}*` : '');
    return `${head}[ ${p.repeat.params.map(canonicalParam).join(' ')} ]`;
  }
  let type = canonicalType(p.type);
  if (type === 'bytes') type = 'string';
  const cond = p.condition ? `${p.condition.field}.${p.condition.bit}?` : '';
  return p.name ? `${p.name}:${cond}${type}` : cond + type;
}

function canonicalType(t: TlType): string {
  const head = (t.bang ? '!' : '') + (t.percent ? '%' : '') + t.name;
  return t.args.length === 0 ? head : `${head} ${t.args.map(canonicalType).join(' ')}`;
}

/** CRC-32 id of a declaration, computed from its normalized text. */
export function computeId(name: string, generics: readonly TlGeneric[], params: readonly TlParam[], result: TlType): number {
  return crc32String(canonicalText(name, generics, params, result));
}

/** Formats a type the way schema files write it: `Vector<long>`, `flags.0?true`, `!X`. */
export function formatType(t: TlType): string {
  const head = (t.bang ? '!' : '') + (t.percent ? '%' : '') + t.name;
  return t.args.length === 0 ? head : `${head}<${t.args.map(formatType).join(',')}>`;
}

function formatParam(p: TlParam): string {
  if (p.repeat) {
    const head = (p.name ? `${p.name}:` : '') + (p.repeat.multiplicity !== undefined ? `${p.repeat.multiplicity}*` : '');
    return `${head}[ ${p.repeat.params.map(formatParam).join(' ')} ]`;
  }
  const cond = p.condition ? `${p.condition.field}.${p.condition.bit}?` : '';
  return p.name ? `${p.name}:${cond}${formatType(p.type)}` : cond + formatType(p.type);
}

/**
 * Writes a definition as one schema line, e.g.
 * `inputPeerUser#dde8a54c user_id:long access_hash:long = InputPeer;`.
 * The id is written (lower-case hex, no leading zeros) unless `withId` is false.
 */
export function formatDefinition(def: Pick<TlDefinition, 'name' | 'id' | 'generics' | 'params' | 'result'>, withId = true): string {
  const parts: string[] = [withId ? `${def.name}#${def.id.toString(16)}` : def.name];
  for (const g of def.generics) parts.push(`{${g.name}:${g.type}}`);
  for (const p of def.params) parts.push(formatParam(p));
  // A result applied to type variables is written applicatively: `= Vector t`.
  const r = def.result;
  const applicative = r.args.length > 0 && r.args.every((a) => def.generics.some((g) => g.name === a.name));
  parts.push('=', `${applicative ? [r.name, ...r.args.map((a) => a.name)].join(' ') : formatType(r)};`);
  return parts.join(' ');
}
