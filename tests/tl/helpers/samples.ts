/**
 * Builds sample TL objects for every definition of the generated schema, from
 * the same compact table the codec uses: "all on" (every optional field and
 * flag present, vectors of three) and "all off" (only required fields,
 * vectors empty). Deterministic for a given seed.
 */
import { getSchema } from '../../../ts/tl/codec/load-schema.js';
import { DEF_BARE_ONLY, DEF_FUNCTION, type SchemaTable } from '../../../ts/tl/codec/schema-table.js';
import * as K from '../../../ts/tl/codec/type-code.js';

export type Obj = Record<string, unknown> & { _: string };

export interface SampleOptions {
  /** Fill every optional field (true) or none (false). */
  allOn: boolean;
  /** Elements per vector when allOn. */
  vectorLength?: number;
  seed?: number;
}

export class Sampler {
  readonly s: SchemaTable = getSchema();
  private rnd: () => number;
  /** Per type, a constructor that can be built without recursion (fields all-off). */
  private terminal = new Map<number, number>();
  private ctorsOfType = new Map<number, number[]>();

  constructor(private readonly opts: SampleOptions) {
    let x = (opts.seed ?? 1) >>> 0 || 1;
    this.rnd = () => {
      // xorshift32: fixed seed, fixed samples.
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      return x / 0x100000000;
    };
    const s = this.s;
    for (let d = 0; d < s.defCount; d++) {
      if (s.flags[d]! & (DEF_FUNCTION | DEF_BARE_ONLY)) continue;
      const list = this.ctorsOfType.get(s.typeOf[d]!) ?? [];
      list.push(d);
      this.ctorsOfType.set(s.typeOf[d]!, list);
    }
    // Fixed point: a constructor is terminal when each required field is
    // primitive, a vector (can be empty) or of a type that has a terminal constructor.
    for (let changed = true; changed; ) {
      changed = false;
      for (const [t, ctors] of this.ctorsOfType) {
        if (this.terminal.has(t)) continue;
        for (const d of ctors) {
          if (this.requiredOk(d)) {
            this.terminal.set(t, d);
            changed = true;
            break;
          }
        }
      }
    }
  }

  private requiredOk(d: number): boolean {
    const s = this.s;
    for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
      if (s.fieldConds[i]! >= 0) continue;
      const code = s.fieldCodes[i]!;
      if (K.wrapOf(code) !== K.WRAP_NONE) continue;
      const kind = K.kindOf(code);
      if (kind === K.K_TYPE && !this.terminal.has(K.indexOf(code))) return false;
      if (kind === K.K_BARE && !this.requiredOk(K.indexOf(code))) return false;
    }
    return true;
  }

  /** Definition index by name. */
  def(name: string): number {
    const d = this.s.byName.get(name) ?? this.s.names.indexOf(name);
    if (d === undefined || d < 0) throw new Error(`no definition ${name}`);
    return d;
  }

  /** A sample object of definition `d`. */
  object(d: number, depth = 0): Obj {
    const s = this.s;
    const o: Obj = { _: s.names[d]! };
    const on = this.opts.allOn && depth < 3;
    for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
      const code = s.fieldCodes[i]!;
      const kind = K.kindOf(code);
      if (kind === K.K_FLAGS) continue;
      if (s.fieldConds[i]! >= 0 && !on) continue;
      o[s.fieldNames[i]!] = kind === K.K_TRUE ? true : this.value(code, depth, on);
    }
    return o;
  }

  value(code: number, depth: number, on = this.opts.allOn): unknown {
    const wrap = K.wrapOf(code);
    if (wrap !== K.WRAP_NONE) {
      const n = on && depth < 3 ? (this.opts.vectorLength ?? 3) : 0;
      const elem = code & ~0x30;
      return Array.from({ length: n }, () => this.value(elem, depth + 1, on));
    }
    const r = this.rnd;
    switch (K.kindOf(code)) {
      case K.K_INT:
        return ((r() * 0x100000000) | 0) >> (r() < 0.5 ? 0 : 20);
      case K.K_LONG:
        return BigInt.asIntN(64, (BigInt(Math.floor(r() * 0x100000000)) << 32n) | BigInt(Math.floor(r() * 0x100000000)));
      case K.K_DOUBLE:
        return r() < 0.2 ? -0.5 : r() * 1e6 - 5e5;
      case K.K_STRING:
        return ['', 'a', 'hello, world', 'Привет 👋', 'x'.repeat(253), 'z'.repeat(300)][Math.floor(r() * 6)]!;
      case K.K_BYTES:
        return Uint8Array.from({ length: [0, 1, 3, 4, 253, 254, 1000][Math.floor(r() * 7)]! }, () => Math.floor(r() * 256));
      case K.K_INT128:
        return Uint8Array.from({ length: 16 }, () => Math.floor(r() * 256));
      case K.K_INT256:
        return Uint8Array.from({ length: 32 }, () => Math.floor(r() * 256));
      case K.K_BOOL:
        return r() < 0.5;
      case K.K_TYPE: {
        const t = K.indexOf(code);
        const ctors = this.ctorsOfType.get(t)!;
        const d = on && depth < 3 ? ctors[Math.floor(r() * ctors.length)]! : this.terminal.get(t)!;
        return this.object(d, depth + 1);
      }
      case K.K_BARE:
        return this.object(K.indexOf(code), depth + 1);
      case K.K_OBJECT:
        return this.object(this.def('inputPeerSelf'), depth + 1);
      case K.K_QUERY:
        return this.object(this.def('help.getConfig'), depth + 1);
      default:
        throw new Error(`no sample for type code ${code}`);
    }
  }

  /**
   * What the decoder returns for `o` (a value of type `code`, default any
   * boxed object): every field present, absent optional fields as undefined,
   * `true` flags as booleans.
   */
  normalize(o: unknown, code = K.typeCode(K.K_OBJECT)): unknown {
    if (K.wrapOf(code) !== K.WRAP_NONE) return (o as unknown[]).map((x) => this.normalize(x, code & ~0x30));
    const kind = K.kindOf(code);
    if (kind !== K.K_TYPE && kind !== K.K_BARE && kind !== K.K_OBJECT && kind !== K.K_QUERY) return o;
    const obj = o as Obj;
    const s = this.s;
    const d = kind === K.K_BARE ? K.indexOf(code) : s.byName.get(obj._)!;
    const out: Obj = { _: obj._ };
    for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
      const fcode = s.fieldCodes[i]!;
      const fkind = K.kindOf(fcode);
      if (fkind === K.K_FLAGS) continue;
      const name = s.fieldNames[i]!;
      const v = obj[name];
      out[name] = fkind === K.K_TRUE ? v === true : v === undefined ? undefined : this.normalize(v, fcode);
    }
    return out;
  }

  /** Whether every required field of `d` can be sampled (false for msg_copy: its Message type has no boxed constructor). */
  buildable(d: number): boolean {
    const s = this.s;
    for (let i = s.fieldStart[d]!; i < s.fieldStart[d + 1]!; i++) {
      const code = s.fieldCodes[i]!;
      if (K.kindOf(code) === K.K_TYPE && !this.ctorsOfType.has(K.indexOf(code))) return false;
    }
    return true;
  }
}
