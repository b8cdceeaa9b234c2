import { NAMES, TABLE } from '../generated/schema.js';
import { unpackSchema, type SchemaTable } from './schema-table.js';

let table: SchemaTable | undefined;

/**
 * The schema table of the generated layer, unpacked on first use (not at
 * import, so importing the library stays cheap).
 */
export function getSchema(): SchemaTable {
  return (table ??= unpackSchema(NAMES, TABLE));
}

/** Whether `s` is the generated layer's table (without unpacking it). */
export function isGeneratedSchema(s: SchemaTable): boolean {
  return s === table;
}
