/**
 * The syntax tree of a `.tl` schema, as produced by `parseSchema`.
 * Names follow the TL docs: a *combinator* is a constructor (declares a
 * value of a type) or a function (an RPC method), each with parameters and
 * a result type. https://core.telegram.org/mtproto/TL-combinators
 */

/** A type expression: `int`, `InputPeer`, `Vector<long>`, `%Message`, `!X`, `#`. */
export interface TlType {
  /** Type or constructor name with its namespace, e.g. `messages.Messages`, `Vector`, `X`, `#`. */
  readonly name: string;
  /** Type arguments: `Vector<long>` has `[long]`; `Vector t` (result position) has `[t]`. */
  readonly args: readonly TlType[];
  /** Written with `%`: the bare form of a boxed type (no constructor id on the wire). */
  readonly percent: boolean;
  /** Written with `!`: the value is a serialized function call whose result type is this one. */
  readonly bang: boolean;
}

/** The `flags.N?` prefix of a conditional field. https://core.telegram.org/mtproto/TL-combinators#conditional-fields */
export interface TlCondition {
  /** Name of the `#` parameter holding the bit (`flags`, `flags2`). */
  readonly field: string;
  /** Bit number, 0..31. */
  readonly bit: number;
}

/** A repetition `N*[ a:A b:B ]`, used by the built-in `vector` and `int128` declarations. */
export interface TlRepeat {
  /** Multiplicity (`4` in `4*[ int ]`), or undefined when it comes from the preceding `#`. */
  readonly multiplicity?: number;
  readonly params: readonly TlParam[];
}

/** One parameter (field) of a combinator. */
export interface TlParam {
  /** Field name; empty for an anonymous parameter such as the `#` of `vector`. */
  readonly name: string;
  /** The field type; for a repetition this is the pseudo type `[]`. */
  readonly type: TlType;
  /** Present when the field only exists if a flag bit is set. */
  readonly condition?: TlCondition;
  /** Present for `[ ... ]` repetitions. */
  readonly repeat?: TlRepeat;
}

/** An optional type variable `{X:Type}` (or `{t:Type}`, `{n:#}`). */
export interface TlGeneric {
  readonly name: string;
  readonly type: string;
}

/** A constructor or function declaration. */
export interface TlDefinition {
  readonly kind: 'constructor' | 'function';
  /** Full name with namespace: `messages.sendMessage`, `inputPeerUser`. */
  readonly name: string;
  /** The id used on the wire: the declared one, or the computed CRC-32 when none was written. */
  readonly id: number;
  /** The `#xxxxxxxx` written in the text, if any. */
  readonly declaredId: number | undefined;
  /** CRC-32 of the normalized declaration (see `canonicalText`). */
  readonly computedId: number;
  readonly generics: readonly TlGeneric[];
  readonly params: readonly TlParam[];
  /** The result type: the abstract type a constructor builds, or what a function returns. */
  readonly result: TlType;
  /** 1-based position of the declaration's first token. */
  readonly line: number;
  readonly column: number;
}

/** A built-in type declaration such as `int ? = Int;`: names a primitive, has no id and no fields. */
export interface TlBuiltin {
  readonly name: string;
  readonly result: string;
  readonly line: number;
}

/** A parsed schema file. */
export interface TlSchema {
  /** From a `// LAYER 227` comment, if the file has one. */
  readonly layer: number | undefined;
  /** Constructors and functions in file order. */
  readonly definitions: readonly TlDefinition[];
  readonly builtins: readonly TlBuiltin[];
}
