/**
 * Conversion of TL values between two API layers, derived from the two
 * schema tables alone (no per-constructor code): what the test server uses
 * to read an older client's requests as layer-227 objects and to write its
 * answers and updates back in the client's layer.
 *
 * The rules, per object (https://core.telegram.org/api/invoking#layers):
 * - same name in the target layer → that definition (its id), with only the
 *   fields it has; a field it needs that the source lacks gets a neutral
 *   value (false, 0, '', empty bytes/vector, the simplest constructor of its
 *   type); the writer recomputes the flags;
 * - a constructor the target lacks → the target constructor of the same type
 *   with the most fields in common (an `…Unsupported` / `…Empty` one when none
 *   overlap); dropped where the type has no constructor at all in the
 *   target, and for updates (a vector leaves it out, as Telegram leaves out
 *   an update an old layer cannot express; an object that needs it goes too);
 * - a function the target lacks → refused (TlError).
 */
import { TlError } from '../../errors.js';
import { DEF_FUNCTION, type SchemaTable } from '../../tl/codec/schema-table.js';
import {
  K_BARE,
  K_BOOL,
  K_BYTES,
  K_DOUBLE,
  K_FLAGS,
  K_INT,
  K_INT128,
  K_INT256,
  K_LONG,
  K_OBJECT,
  K_QUERY,
  K_STRING,
  K_TRUE,
  K_TYPE,
  WRAP_NONE,
} from '../../tl/codec/type-code.js';

type Obj = { _: string; [field: string]: unknown };

/** How one source definition becomes a target one. */
interface Plan {
  /** Target definition, or -1: dropped. */
  readonly target: number;
  /** Target field indexes (into the target's field arrays), flags words left out. */
  readonly fields: readonly number[];
  /** Set when the target is another constructor than the same-name one: said once in the notes. */
  readonly note?: string;
}

/**
 * Types whose missing constructors are left out instead of replaced: an
 * update is an event the client would misread as another one; Telegram does
 * not send a client updates its layer does not have.
 */
const DROPPED_TYPES = new Set(['Update']);

/** Bound on neutral-value recursion (a type whose simplest constructor nests itself). */
const MAX_NEUTRAL_DEPTH = 8;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** Converts values of schema `from` into values of schema `to`. Plans are built per definition on first use. */
export class LayerConverter {
  private readonly plans: (Plan | undefined)[];
  private readonly typeByName = new Map<string, number>();
  private readonly ctorsOfType: number[][];
  private readonly noted = new Set<string>();

  /**
   * @param onNote called once per decision worth a trace line (a constructor
   *   replaced by another, one dropped), e.g. `messageMediaPaidMedia → messageMediaUnsupported`
   */
  constructor(
    readonly from: SchemaTable,
    readonly to: SchemaTable,
    private readonly onNote?: (note: string) => void,
  ) {
    this.plans = new Array(from.defCount);
    to.typeNames.forEach((n, i) => {
      // MTProto and the API both have a `Message` type: the API one is listed first.
      if (!this.typeByName.has(n)) this.typeByName.set(n, i);
    });
    this.ctorsOfType = to.typeNames.map(() => []);
    for (let d = 0; d < to.defCount; d++) {
      const t = to.typeOf[d]!;
      if (t >= 0) this.ctorsOfType[t]!.push(d);
    }
  }

  /**
   * Converts a boxed object or function call. Undefined when the object has
   * no equivalent and is dropped (a constructor whose type the target lacks).
   *
   * @throws TlError for a function the target layer lacks, or a value that is not a TL object of `from`
   */
  object(value: unknown): Obj | undefined {
    if (!isObj(value)) throw new TlError(`layer ${this.from.layer}: not a TL object`);
    const d = this.from.byName.get(value._);
    if (d === undefined) throw new TlError(`layer ${this.from.layer}: unknown name ${value._}`);
    const plan = this.planOf(d);
    this.note(plan);
    return plan.target < 0 ? undefined : this.build(plan, value, 0);
  }

  /** Converts a value of target type code `code` (a function's result type, a field). */
  value(code: number, v: unknown): unknown {
    return this.field(code, v, 0);
  }

  private build(plan: Plan, src: Obj, depth: number): Obj | undefined {
    const to = this.to;
    const names = to.fieldNames;
    const out: Obj = { _: to.names[plan.target]! };
    for (const i of plan.fields) {
      const name = names[i]!;
      const code = to.fieldCodes[i]!;
      const v = src[name];
      if (to.fieldConds[i]! >= 0) {
        out[name] = (code & 15) === K_TRUE ? v === true : v === undefined || v === null ? undefined : this.field(code, v, depth + 1);
        continue;
      }
      if (v === undefined || v === null) {
        out[name] = this.neutral(code, 0);
        continue;
      }
      const conv = this.field(code, v, depth + 1);
      // A required object the target cannot express: the whole object goes (e.g. updateShort of a dropped update).
      if (conv === undefined) return undefined;
      out[name] = conv;
    }
    return out;
  }

  /** A value for a field of type code `code`; undefined when an object in it is dropped. */
  private field(code: number, v: unknown, depth: number): unknown {
    if (depth > 64) throw new TlError('layer conversion: value nested too deeply');
    if (((code >> 4) & 3) !== WRAP_NONE) {
      if (!Array.isArray(v)) return v;
      const elem = code & ~0x30;
      const out: unknown[] = [];
      for (const x of v) {
        const c = this.field(elem, x, depth + 1);
        if (c !== undefined) out.push(c);
      }
      return out;
    }
    switch (code & 15) {
      case K_INT:
        return typeof v === 'bigint' ? Number(BigInt.asIntN(32, v)) : v;
      case K_LONG:
        return typeof v === 'number' ? BigInt(v) : v;
      case K_STRING:
        return v instanceof Uint8Array ? utf8Decoder.decode(v) : v;
      case K_BYTES:
        return typeof v === 'string' ? utf8.encode(v) : v;
      case K_BOOL:
      case K_TRUE:
        return v === true;
      case K_TYPE:
      case K_OBJECT:
      case K_QUERY:
      case K_BARE: {
        if (!isObj(v)) return v;
        const d = this.from.byName.get(v._);
        if (d === undefined) return v; // a bare-only MTProto object: same in every layer
        const plan = this.planOf(d);
        this.note(plan);
        return plan.target < 0 ? undefined : this.build(plan, v, depth);
      }
      default:
        return v;
    }
  }

  /** The value a required field gets when the source has none: zero, empty, or the simplest constructor of its type. */
  private neutral(code: number, depth: number): unknown {
    if (((code >> 4) & 3) !== WRAP_NONE) return [];
    switch (code & 15) {
      case K_INT:
      case K_DOUBLE:
        return 0;
      case K_LONG:
        return 0n;
      case K_STRING:
        return '';
      case K_BYTES:
        return new Uint8Array(0);
      case K_INT128:
        return new Uint8Array(16);
      case K_INT256:
        return new Uint8Array(32);
      case K_BOOL:
      case K_TRUE:
        return false;
      case K_TYPE:
      case K_BARE: {
        if (depth >= MAX_NEUTRAL_DEPTH) throw new TlError('layer conversion: no neutral value for a self-nesting type');
        const to = this.to;
        let best = -1;
        let bestCost = Infinity;
        const candidates = (code & 15) === K_BARE ? [code >>> 6] : (this.ctorsOfType[code >>> 6] ?? []);
        for (const c of candidates) {
          let cost = 0;
          for (let i = to.fieldStart[c]!; i < to.fieldStart[c + 1]!; i++) if (to.fieldConds[i]! < 0) cost++;
          if (/Empty$/.test(to.names[c]!)) cost -= 0.5;
          if (cost < bestCost) [best, bestCost] = [c, cost];
        }
        if (best < 0) throw new TlError(`layer conversion: type code ${code} has no constructor`);
        const out: Obj = { _: to.names[best]! };
        for (let i = to.fieldStart[best]!; i < to.fieldStart[best + 1]!; i++) {
          const fc = to.fieldCodes[i]!;
          if ((fc & 15) === K_FLAGS) continue;
          out[to.fieldNames[i]!] = to.fieldConds[i]! >= 0 ? ((fc & 15) === K_TRUE ? false : undefined) : this.neutral(fc, depth + 1);
        }
        return out;
      }
      default:
        throw new TlError(`layer conversion: no neutral value for type code ${code}`);
    }
  }

  /** Says a plan's decision once. */
  private note(plan: Plan): void {
    if (plan.note === undefined || this.noted.has(plan.note)) return;
    this.noted.add(plan.note);
    this.onNote?.(plan.note);
  }

  /** The plan of source definition `d`, built on first use. */
  private planOf(d: number): Plan {
    let p = this.plans[d];
    if (p === undefined) p = this.plans[d] = this.makePlan(d);
    return p;
  }

  private makePlan(d: number): Plan {
    const { from, to } = this;
    const name = from.names[d]!;
    const isFn = (from.flags[d]! & DEF_FUNCTION) !== 0;
    const same = to.byName.get(name);
    if (same !== undefined && ((to.flags[same]! & DEF_FUNCTION) !== 0) === isFn) return { target: same, fields: this.fieldsOf(same) };
    if (isFn) {
      throw new TlError(`layer ${from.layer}: ${name} has no equivalent in layer ${to.layer}`);
    }
    // A constructor the target lacks: the nearest one of the same type, or dropped.
    const typeName = from.typeNames[from.typeOf[d]!]!;
    const t = this.typeByName.get(typeName);
    const ctors = t === undefined ? [] : this.ctorsOfType[t]!;
    if (ctors.length === 0) {
      return { target: -1, fields: [], note: `layer ${to.layer}: ${name} dropped (no ${typeName} in this layer)` };
    }
    if (DROPPED_TYPES.has(typeName)) {
      return { target: -1, fields: [], note: `layer ${to.layer}: ${name} dropped (an ${typeName} this layer does not know)` };
    }
    const srcFields = new Set<string>();
    for (let i = from.fieldStart[d]!; i < from.fieldStart[d + 1]!; i++) srcFields.add(from.fieldNames[i]!);
    let best = ctors[0]!;
    let bestScore = -Infinity;
    for (const c of ctors) {
      let overlap = 0;
      let missing = 0;
      for (let i = to.fieldStart[c]!; i < to.fieldStart[c + 1]!; i++) {
        if ((to.fieldCodes[i]! & 15) === K_FLAGS) continue;
        if (srcFields.has(to.fieldNames[i]!)) overlap++;
        else if (to.fieldConds[i]! < 0) missing++;
      }
      const cname = to.names[c]!;
      // With nothing in common, say "unsupported" rather than invent an object.
      const bonus = /Unsupported$/.test(cname) ? 0.75 : /Empty$/.test(cname) ? 0.5 : 0;
      const score = overlap * 2 - missing + bonus;
      if (score > bestScore) [best, bestScore] = [c, score];
    }
    return { target: best, fields: this.fieldsOf(best), note: `layer ${to.layer}: ${name} written as ${to.names[best]}` };
  }

  private fieldsOf(t: number): number[] {
    const to = this.to;
    const out: number[] = [];
    for (let i = to.fieldStart[t]!; i < to.fieldStart[t + 1]!; i++) if ((to.fieldCodes[i]! & 15) !== K_FLAGS) out.push(i);
    return out;
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && typeof (v as { _?: unknown })._ === 'string' && !(v instanceof Uint8Array);
}
