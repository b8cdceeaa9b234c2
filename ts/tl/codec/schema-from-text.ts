import { buildSchemaModel, packSchemaModel } from './schema-model.js';
import { type SchemaTable, unpackSchema } from './schema-table.js';

/** Options of `schemaFromText`. */
export interface SchemaTextOptions {
  /** The API layer number when the text has no `// LAYER N` line. */
  layer?: number;
  /** Refuse a declared id that is not the CRC32 of its definition (default true for the API text). */
  strictIds?: boolean;
}

/**
 * Builds the runtime schema table (schema-table.ts) of an API layer from its
 * `.tl` text, with the MTProto service schema next to it — the same table
 * build/generate-tl.ts packs for the generated layer (both through
 * schema-model.ts), made at run time, so a codec can speak any layer a user
 * has the text of (`createCodec`). https://core.telegram.org/mtproto/TL
 *
 * @throws TlSyntaxError for text that does not parse; TlError for a schema
 *   the codec cannot represent (unknown type, clashing ids, no layer number)
 * @example
 * const table = schemaFromText(fs.readFileSync('api-198.tl', 'utf8'), mtprotoTl, { layer: 198 });
 */
export function schemaFromText(apiTl: string, mtprotoTl: string, options: SchemaTextOptions = {}): SchemaTable {
  const model = buildSchemaModel(apiTl, mtprotoTl, options);
  const { names, table } = packSchemaModel(model);
  return unpackSchema(names, table);
}
