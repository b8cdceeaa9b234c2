import type { TlBuiltin, TlDefinition, TlGeneric, TlParam, TlSchema, TlType } from './ast.js';
import { canonicalText, computeId } from './canonical.js';
import { lex, type Token } from './lexer.js';
import { TlSyntaxError } from './syntax-error.js';

/** Options of `parseSchema`. */
export interface ParseOptions {
  /** File name used in error messages. */
  file?: string;
  /**
   * Throw a `TlSyntaxError` at the id when a declared id differs from the
   * computed CRC-32. Default false: mismatches are kept (see `idMismatches`),
   * because a few published MTProto ids do not follow the rules.
   */
  strictIds?: boolean;
}

const PSEUDO_REPEAT: TlType = { name: '[]', args: [], percent: false, bang: false };

/**
 * Parses the text of a `.tl` schema: constructors and functions (after
 * `---functions---`), namespaces, ids (declared or computed), `{X:Type}`
 * type variables, `#` flag words, `flags.N?Type` conditional fields, `!X`,
 * `%T`, `Vector<T>`, repetitions `N*[ ... ]`, built-in declarations
 * (`int ? = Int;`), `//` and `/* *\/` comments and a `// LAYER N` marker.
 * https://core.telegram.org/mtproto/TL-formal
 *
 * @throws TlSyntaxError with the line and column of the first problem.
 */
export function parseSchema(text: string, options: ParseOptions = {}): TlSchema {
  const { tokens, layer } = lex(text, options.file);
  return new Parser(tokens, options).parse(layer);
}

/** Definitions whose declared id differs from the CRC-32 of their normalized text. */
export function idMismatches(schema: TlSchema): TlDefinition[] {
  return schema.definitions.filter((d) => d.declaredId !== undefined && d.declaredId !== d.computedId);
}

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly options: ParseOptions,
  ) {}

  private get tok(): Token {
    return this.tokens[this.pos]!;
  }

  private peek(ahead = 1): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  private fail(reason: string, at: Token = this.tok): never {
    throw new TlSyntaxError(reason, at.line, at.column, this.options.file);
  }

  private isPunct(ch: string, t: Token = this.tok): boolean {
    return t.kind === 'punct' && t.text === ch;
  }

  private describe(t: Token): string {
    return t.kind === 'eof' ? 'end of file' : `'${t.text}'`;
  }

  private expectPunct(ch: string, what: string): Token {
    const t = this.tok;
    if (!this.isPunct(ch)) this.fail(`expected '${ch}' ${what}, found ${this.describe(t)}`);
    this.pos++;
    return t;
  }

  private expectIdent(what: string): Token {
    const t = this.tok;
    if (t.kind !== 'ident') this.fail(`expected ${what}, found ${this.describe(t)}`);
    this.pos++;
    return t;
  }

  parse(layer: number | undefined): TlSchema {
    const definitions: TlDefinition[] = [];
    const builtins: TlBuiltin[] = [];
    const seenName = new Map<string, TlDefinition>();
    const seenId = new Map<number, TlDefinition>();
    let kind: TlDefinition['kind'] = 'constructor';

    while (this.tok.kind !== 'eof') {
      if (this.tok.kind === 'section') {
        kind = this.tok.text === 'functions' ? 'function' : 'constructor';
        this.pos++;
        continue;
      }
      const start = this.tok;
      const def = this.parseDeclaration(kind);
      if ('params' in def) {
        const key = `${def.kind} ${def.name}`;
        const prev = seenName.get(key);
        if (prev) this.fail(`duplicate ${def.kind} '${def.name}' (first declared at line ${prev.line})`, start);
        seenName.set(key, def);
        const clash = seenId.get(def.id);
        if (clash) {
          this.fail(`id #${def.id.toString(16)} of '${def.name}' is already used by '${clash.name}' (line ${clash.line})`, start);
        }
        seenId.set(def.id, def);
        definitions.push(def);
      } else {
        builtins.push(def);
      }
    }
    return { layer, definitions, builtins };
  }

  private parseDeclaration(kind: TlDefinition['kind']): TlDefinition | TlBuiltin {
    const nameTok = this.expectIdent('a combinator name');
    let idTok: Token | undefined;
    if (this.tok.kind === 'id') {
      idTok = this.tok;
      this.pos++;
    }

    // `int ? = Int;` declares a built-in type with no constructor.
    if (this.isPunct('?')) {
      if (idTok) this.fail('a built-in declaration cannot have an id', idTok);
      this.pos++;
      this.expectPunct('=', "after '?' in a built-in declaration");
      const result = this.expectIdent('a type name');
      this.expectPunct(';', 'at the end of the declaration');
      return { name: nameTok.text, result: result.text, line: nameTok.line };
    }

    const generics: TlGeneric[] = [];
    while (this.isPunct('{')) {
      this.pos++;
      const g = this.expectIdent('a type variable name');
      this.expectPunct(':', 'after the type variable name');
      let type: string;
      if (this.isPunct('#')) {
        type = '#';
        this.pos++;
      } else {
        type = this.expectIdent("a kind ('Type' or '#')").text;
      }
      this.expectPunct('}', 'to close the type variable');
      if (generics.some((x) => x.name === g.text)) this.fail(`duplicate type variable '${g.text}'`, g);
      generics.push({ name: g.text, type });
    }

    const params = this.parseParams(generics, '=');
    this.expectPunct('=', 'before the result type');
    const result = this.parseResultType();
    this.expectPunct(';', 'at the end of the declaration');

    const computedId = computeId(nameTok.text, generics, params, result);
    const declaredId = idTok ? parseInt(idTok.text.slice(1), 16) >>> 0 : undefined;
    if (this.options.strictIds && declaredId !== undefined && declaredId !== computedId) {
      this.fail(
        `id #${declaredId.toString(16)} does not match #${computedId.toString(16)}, the CRC32 of ` +
          `'${canonicalText(nameTok.text, generics, params, result)}'`,
        idTok,
      );
    }
    return {
      kind,
      name: nameTok.text,
      id: declaredId ?? computedId,
      declaredId,
      computedId,
      generics,
      params,
      result,
      line: nameTok.line,
      column: nameTok.column,
    };
  }

  /** Parameters up to (not including) the closing token `end` ('=' or ']'). */
  private parseParams(generics: readonly TlGeneric[], end: string): TlParam[] {
    const params: TlParam[] = [];
    while (!this.isPunct(end)) {
      const t = this.tok;
      if (t.kind === 'eof' || this.isPunct(';')) this.fail(`expected '${end}', found ${this.describe(t)}`);
      const p = this.parseParam(generics, params);
      if (p.name && params.some((x) => x.name === p.name)) this.fail(`duplicate field '${p.name}'`, t);
      params.push(p);
    }
    return params;
  }

  private parseParam(generics: readonly TlGeneric[], before: readonly TlParam[]): TlParam {
    const t = this.tok;
    // Anonymous repetition `[ t ]` or `4*[ int ]`.
    if (this.isPunct('[') || (t.kind === 'number' && this.isPunct('*', this.peek()))) {
      return { name: '', type: PSEUDO_REPEAT, repeat: this.parseRepeat(generics) };
    }
    if (t.kind === 'ident' && this.isPunct(':', this.peek())) {
      this.pos += 2;
      const after = this.tok;
      if (this.isPunct('[') || (after.kind === 'number' && this.isPunct('*', this.peek()))) {
        return { name: t.text, type: PSEUDO_REPEAT, repeat: this.parseRepeat(generics) };
      }
      // `flags.3?Type`: ident '.' number '?'
      if (after.kind === 'ident' && this.isPunct('.', this.peek())) {
        const bitTok = this.peek(2);
        if (bitTok.kind !== 'number') this.fail(`expected a flag bit number after '${after.text}.'`, bitTok);
        if (!this.isPunct('?', this.peek(3))) this.fail("expected '?' after the flag bit", this.peek(3));
        const flagsField = before.find((p) => p.name === after.text);
        if (flagsField?.type.name !== '#' || flagsField.condition) {
          this.fail(`'${after.text}' is not a '#' field declared before '${t.text}'`, after);
        }
        const bit = Number(bitTok.text);
        if (bit > 31) this.fail(`flag bit ${bit} is out of range 0..31`, bitTok);
        this.pos += 4;
        const type = this.parseType(generics);
        if (type.name === '#') this.fail('a flags word cannot be conditional', after);
        return { name: t.text, type, condition: { field: after.text, bit } };
      }
      // `flags.x?` lexes as the dotted name `flags.x`: the bit is not a number.
      const dot = after.text.indexOf('.');
      if (after.kind === 'ident' && dot > 0 && this.isPunct('?', this.peek())) {
        const at = { ...after, column: after.column + dot + 1 };
        this.fail(`expected a flag bit number after '${after.text.slice(0, dot)}.'`, at);
      }
      return { name: t.text, type: this.parseType(generics) };
    }
    // Anonymous parameter: just a type, like the `#` in `vector {t:Type} # [ t ]`.
    if (t.kind === 'ident' || this.isPunct('#') || this.isPunct('%') || this.isPunct('!')) {
      return { name: '', type: this.parseType(generics) };
    }
    this.fail(`expected a field, found ${this.describe(t)}`);
  }

  private parseRepeat(generics: readonly TlGeneric[]): TlParam['repeat'] {
    let multiplicity: number | undefined;
    if (this.tok.kind === 'number') {
      multiplicity = Number(this.tok.text);
      this.pos += 2; // number and '*'
    }
    this.expectPunct('[', 'to open a repetition');
    const params = this.parseParams(generics, ']');
    if (params.length === 0) this.fail('empty repetition', this.tok);
    this.expectPunct(']', 'to close the repetition');
    return multiplicity === undefined ? { params } : { multiplicity, params };
  }

  private parseType(generics: readonly TlGeneric[]): TlType {
    const t = this.tok;
    if (this.isPunct('#')) {
      this.pos++;
      return { name: '#', args: [], percent: false, bang: false };
    }
    let bang = false;
    let percent = false;
    if (this.isPunct('!')) {
      bang = true;
      this.pos++;
    } else if (this.isPunct('%')) {
      percent = true;
      this.pos++;
    }
    const name = this.expectIdent('a type name');
    if (bang && !generics.some((g) => g.name === name.text && g.type === 'Type')) {
      this.fail(`'!${name.text}' needs a type variable {${name.text}:Type}`, t);
    }
    const args: TlType[] = [];
    if (this.isPunct('<')) {
      this.pos++;
      for (;;) {
        args.push(this.parseType(generics));
        if (this.isPunct(',')) {
          this.pos++;
          continue;
        }
        this.expectPunct('>', 'to close the type arguments');
        break;
      }
    }
    return { name: name.text, args, percent, bang };
  }

  /** Result type: `User`, `Vector<User>`, or the applicative form `Vector t`. */
  private parseResultType(): TlType {
    if (this.isPunct('%') || this.isPunct('!')) this.fail('a result type cannot be bare or a function call');
    const head = this.expectIdent('a result type');
    if (this.isPunct('<')) {
      this.pos--;
      return this.parseType([]);
    }
    const args: TlType[] = [];
    while (this.tok.kind === 'ident') {
      args.push({ name: this.tok.text, args: [], percent: false, bang: false });
      this.pos++;
    }
    return { name: head.text, args, percent: false, bang: false };
  }
}
