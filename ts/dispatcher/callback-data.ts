/**
 * Callback-button data: filters on the bytes a button carries (exact text,
 * prefix, regex) and a typed builder that packs fields into the data and
 * parses them back — so `buy:42:XL` is written and read in one place.
 *
 * Telegram limits a button's data to 64 bytes
 * (https://core.telegram.org/constructor/keyboardButtonCallback); `pack`
 * refuses longer data instead of letting the server answer BUTTON_DATA_INVALID.
 *
 * @example
 * ```ts
 * const Buy = CallbackData('buy', { id: 'number', size: 'string' });
 * const button = { _: 'keyboardButtonCallback', text: 'Buy XL', data: Buy.packBytes({ id: 42, size: 'XL' }) };
 * dp.onCallbackQuery(Buy.filter({ size: 'XL' }), async (q, ctx) => {
 *   ctx.callbackData.id; // number
 *   await q.answer({ text: `bought ${ctx.callbackData.id}` });
 * });
 * ```
 */
import { ArgumentError } from '../errors.js';
import type { Context } from './context.js';
import type { Filter } from './filter.js';

/** What the callback filters read: the client's `CallbackQuery` fits (`data` bytes, `dataText`). */
export interface CallbackLike {
  /** The button's data bytes (absent for game buttons). */
  readonly data?: Uint8Array | undefined;
  /** The data as UTF-8 text; read when present, else `data` is decoded. */
  readonly dataText?: string;
}

/** The most bytes a callback button's data may hold. */
export const MAX_CALLBACK_DATA_BYTES = 64;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The data of `q` as text ('' when none). */
export function callbackText(q: CallbackLike): string {
  if (typeof q.dataText === 'string') return q.dataText;
  return q.data ? decoder.decode(q.data) : '';
}

/** Callback queries whose data is exactly `value`, or starts with `value` when `{ prefix: true }`. */
export function callbackEquals(value: string, options: { prefix?: boolean } = {}): Filter<CallbackLike> {
  if (options.prefix) return (q: CallbackLike) => callbackText(q).startsWith(value);
  return (q: CallbackLike) => callbackText(q) === value;
}

/** Callback queries whose data starts with `prefix`. */
export function callbackPrefix(prefix: string): Filter<CallbackLike> {
  return callbackEquals(prefix, { prefix: true });
}

/** Callback queries whose data matches `re`; the handler gets `ctx.match`. */
export function callbackRegex(re: RegExp): Filter<CallbackLike, unknown, { match: RegExpExecArray }> {
  return (q: CallbackLike, ctx: Context<unknown>) => {
    const text = callbackText(q);
    if (!text) return false;
    re.lastIndex = 0;
    const match = re.exec(text);
    if (!match) return false;
    (ctx as unknown as { match: RegExpExecArray }).match = match;
    return true;
  };
}

/** The field kinds a {@link CallbackData} schema names. */
export type CallbackFieldKind = 'string' | 'number' | 'bigint' | 'boolean';

/** A schema: field name → kind. */
export type CallbackSchema = Record<string, CallbackFieldKind>;

type KindType<K extends CallbackFieldKind> = K extends 'string'
  ? string
  : K extends 'number'
    ? number
    : K extends 'bigint'
      ? bigint
      : boolean;

/** The values a schema describes. */
export type CallbackValues<S extends CallbackSchema> = { [F in keyof S]: KindType<S[F]> };

/** A typed callback-data codec (made by {@link CallbackData}). */
export interface CallbackDataCodec<S extends CallbackSchema> {
  /** The prefix (first segment of the data). */
  readonly prefix: string;
  /** The field order in the data. */
  readonly fields: readonly (keyof S & string)[];
  /** `prefix:v1:v2...` as text. @throws ArgumentError for a value that does not fit its kind, contains the separator, or data over 64 bytes */
  pack(values: CallbackValues<S>): string;
  /** {@link pack} as the bytes a button carries. */
  packBytes(values: CallbackValues<S>): Uint8Array;
  /** The values in `data`, or undefined when it is not this codec's data (another prefix, wrong field count, bad value). */
  parse(data: string | Uint8Array | CallbackLike): CallbackValues<S> | undefined;
  /**
   * A filter passing for this codec's data (and, when given, only for these
   * field values); the handler gets the parsed values as `ctx.callbackData`.
   */
  filter(match?: Partial<CallbackValues<S>>): Filter<CallbackLike, unknown, { callbackData: CallbackValues<S> }>;
}

const SEPARATOR = ':';

function encodeValue(kind: CallbackFieldKind, v: unknown, field: string): string {
  const bad = () => new ArgumentError(`callback data field ${field}: expected ${kind}, got ${typeof v}`);
  switch (kind) {
    case 'string':
      if (typeof v !== 'string') throw bad();
      if (v.includes(SEPARATOR)) throw new ArgumentError(`callback data field ${field} must not contain '${SEPARATOR}'`);
      return v;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) throw bad();
      return String(v);
    case 'bigint':
      if (typeof v !== 'bigint') throw bad();
      return v.toString();
    case 'boolean':
      if (typeof v !== 'boolean') throw bad();
      return v ? '1' : '0';
  }
}

function decodeValue(kind: CallbackFieldKind, s: string): unknown {
  switch (kind) {
    case 'string':
      return s;
    case 'number': {
      if (!/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(s)) return undefined;
      return Number(s);
    }
    case 'bigint':
      return /^-?\d+$/.test(s) ? BigInt(s) : undefined;
    case 'boolean':
      return s === '1' ? true : s === '0' ? false : undefined;
  }
}

/**
 * A typed callback-data codec: `prefix` then the schema's fields in order,
 * joined by `:`. tsc checks the values given to `pack` and the type `parse`
 * and `filter` hand out.
 *
 * @example
 * ```ts
 * const Page = CallbackData('page', { n: 'number' });
 * Page.pack({ n: 2 });        // 'page:2'
 * Page.parse('page:2');       // { n: 2 }
 * Page.parse('other:2');      // undefined
 * ```
 */
export function CallbackData<const S extends CallbackSchema>(prefix: string, schema: S): CallbackDataCodec<S> {
  if (prefix === '' || prefix.includes(SEPARATOR)) throw new ArgumentError(`callback data prefix must be non-empty without '${SEPARATOR}'`);
  const fields = Object.keys(schema) as (keyof S & string)[];
  const head = prefix + SEPARATOR;
  const codec: CallbackDataCodec<S> = {
    prefix,
    fields,
    pack(values) {
      const parts = [prefix];
      for (const f of fields) parts.push(encodeValue(schema[f]!, values[f], f));
      const text = parts.join(SEPARATOR);
      const bytes = encoder.encode(text).length;
      if (bytes > MAX_CALLBACK_DATA_BYTES) {
        throw new ArgumentError(`callback data is ${bytes} bytes, more than ${MAX_CALLBACK_DATA_BYTES}: ${prefix}`);
      }
      return text;
    },
    packBytes(values) {
      return encoder.encode(codec.pack(values));
    },
    parse(data) {
      const text = typeof data === 'string' ? data : data instanceof Uint8Array ? decoder.decode(data) : callbackText(data);
      if (fields.length === 0) return text === prefix ? ({} as CallbackValues<S>) : undefined;
      if (!text.startsWith(head)) return undefined;
      const parts = text.slice(head.length).split(SEPARATOR);
      if (parts.length !== fields.length) return undefined;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        const v = decodeValue(schema[f]!, parts[i]!);
        if (v === undefined) return undefined;
        out[f] = v;
      }
      return out as CallbackValues<S>;
    },
    filter(match) {
      const wanted = match ? (Object.entries(match) as [string, unknown][]) : [];
      return (q: CallbackLike, ctx: Context<unknown>) => {
        const v = codec.parse(q);
        if (!v) return false;
        for (const [k, want] of wanted) if ((v as Record<string, unknown>)[k] !== want) return false;
        (ctx as unknown as { callbackData: CallbackValues<S> }).callbackData = v;
        return true;
      };
    },
  };
  return codec;
}
