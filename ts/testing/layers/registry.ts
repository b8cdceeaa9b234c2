/**
 * The API layers the test server can speak: its own (the generated layer,
 * no conversion), the layers the build imported from registry packages
 * (layer 198 from the `telegram` package, GramJS), and any `.tl` text a user
 * passes (`TestServer.start({ extraLayers })`, `--layer-schema FILE.tl`).
 * A layer's tables and conversions are built on first use.
 */
import { TlError } from '../../errors.js';
import { LAYER } from '../../tl/generated/schema.js';
import { schemaFromText } from '../../tl/codec/index.js';
import { parseSchema } from '../../tl/parser/index.js';
import { inflateLimited } from '../../tl/codec/gzip.js';
import { base64Decode } from '../../wasm/base64.js';
import { API_198_LAYER, API_198_TL_GZ, MTPROTO_TL } from './generated/schemas.js';
import { ServedLayer } from './served-layer.js';

/** Options of `LayerRegistry`. */
export interface LayerRegistryOptions {
  /**
   * `.tl` texts of further API layers, each with a `// LAYER N` line (or
   * `{ layer, text }`). A text for a layer already known replaces it.
   */
  extraLayers?: readonly (string | { layer: number; text: string })[];
  /** Conversion decisions (a constructor replaced or dropped), once per kind: for the trace. */
  onNote?: (note: string) => void;
}

/** Known API layers and their conversions. */
export class LayerRegistry {
  /** The server's own layer (answers need no conversion). */
  readonly current = LAYER;
  /** Layer → its schema text, or a function inflating the built-in one on first use. */
  private readonly texts = new Map<number, string | (() => string)>();
  private readonly built = new Map<number, ServedLayer>();

  /** @throws TlError for an extra layer text without a layer number */
  constructor(private readonly options: LayerRegistryOptions = {}) {
    if (API_198_TL_GZ !== undefined && API_198_LAYER !== undefined) this.texts.set(API_198_LAYER, builtinText(API_198_TL_GZ));
    for (const extra of options.extraLayers ?? []) {
      const { layer, text } = typeof extra === 'string' ? { layer: layerOf(extra), text: extra } : extra;
      if (layer === LAYER) continue; // the server's own layer is the generated one
      this.texts.set(layer, text);
    }
  }

  /** Every layer number served, the server's own included, ascending. */
  layers(): number[] {
    return [...new Set([LAYER, ...this.texts.keys()])].sort((a, b) => a - b);
  }

  /**
   * The layer to answer a client that asked for `layer`: undefined for the
   * server's own (and for newer ones, which Telegram answers in its own
   * layer too); otherwise that layer, or the nearest known layer above it
   * (a client understands the constructors of a layer it announced and most
   * of the next ones'), or the nearest below.
   *
   * @throws TlError / TlSyntaxError when a user's schema text does not build
   */
  forClient(layer: number): ServedLayer | undefined {
    if (layer >= LAYER) return undefined;
    const known = [...this.texts.keys()].sort((a, b) => a - b);
    const pick = known.includes(layer) ? layer : (known.find((l) => l > layer) ?? known.at(-1));
    if (pick === undefined) return undefined;
    let s = this.built.get(pick);
    if (!s) {
      const text = this.texts.get(pick)!;
      s = new ServedLayer(
        schemaFromText(typeof text === 'string' ? text : text(), MTPROTO_TL, { layer: pick, strictIds: false }),
        this.options.onNote,
      );
      this.built.set(pick, s);
    }
    return s;
  }
}

/** The `// LAYER N` of a schema text. */
function layerOf(text: string): number {
  const layer = parseSchema(text, { file: 'extra layer' }).layer;
  if (layer === undefined) throw new TlError('an extra layer schema needs a `// LAYER N` line (or pass { layer, text })');
  return layer;
}

/** invokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X; (https://core.telegram.org/api/invoking#layers) */
const INVOKE_WITH_LAYER = 0xda9b0d0d;

/**
 * The layer a message body asks for when it is an `invokeWithLayer` call
 * (read from its first 8 bytes, before any decoding); undefined otherwise.
 */
export function askedLayer(body: Uint8Array): number | undefined {
  if (body.length < 8) return undefined;
  const v = new DataView(body.buffer, body.byteOffset, 8);
  return v.getUint32(0, true) === INVOKE_WITH_LAYER ? v.getInt32(4, true) : undefined;
}

/** The built-in layer text, shipped gzipped (the package's size budget): inflated on first use. */
function builtinText(gz: string): () => string {
  return () => new TextDecoder().decode(inflateLimited(base64Decode(gz), 8 << 20, 0));
}
