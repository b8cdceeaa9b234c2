#!/usr/bin/env node
// Parses .tl schema files and checks every declared constructor/function id
// against the CRC32 of its normalized declaration (rules in
// ts/tl/parser/canonical.ts). Prints the mismatches and their count.
//
// Usage: node --import tsx build/check-schema.ts [file.tl ...]
//   default: schema/*.tl and ../shared/schema/*.tl (when that folder exists)
// Exit code 1 when a file does not parse or has a mismatch that is not a known exception.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalText, idMismatches, parseSchema, TlSyntaxError } from '../ts/tl/parser/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Published MTProto declarations whose ids are not the CRC32 of their text.
 * They appear in the tdesktop copy of mtproto.tl, not in schema/ (wasmgram
 * does not use them).
 */
export const KNOWN_ID_EXCEPTIONS: Record<string, string> = {
  ipPortSecret: 'id was computed with `secret:bytes` hashed as written, before the bytes->string rule',
  accessPointRule:
    'id as published by Telegram; no normalization of the published text reproduces it (bytes/string, vector/Vector, % variants tried)',
  'help.configSimple':
    'id as published by Telegram; no normalization of the published text reproduces it (vector/Vector, % variants tried)',
};

function defaultFiles(): string[] {
  const dirs = [path.join(root, 'schema'), path.join(root, '..', 'shared', 'schema')];
  return dirs
    .filter((d) => fs.existsSync(d))
    .flatMap((d) =>
      fs
        .readdirSync(d)
        .filter((f) => f.endsWith('.tl'))
        .sort()
        .map((f) => path.join(d, f)),
    );
}

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : defaultFiles();
let unexpected = 0;
let total = 0;
for (const file of files) {
  const rel = path.relative(process.cwd(), file);
  let schema;
  try {
    schema = parseSchema(fs.readFileSync(file, 'utf8'), { file: rel });
  } catch (e) {
    if (!(e instanceof TlSyntaxError)) throw e;
    console.log(`${e.message}`);
    unexpected++;
    continue;
  }
  const declared = schema.definitions.filter((d) => d.declaredId !== undefined).length;
  const bad = idMismatches(schema);
  total += bad.length;
  console.log(
    `${rel}: layer ${schema.layer ?? '-'}, ${schema.definitions.length} definitions ` +
      `(${declared} with ids), ${bad.length} id mismatches`,
  );
  for (const d of bad) {
    const known = KNOWN_ID_EXCEPTIONS[d.name];
    if (!known) unexpected++;
    console.log(
      `  line ${d.line}: ${d.name}#${d.declaredId!.toString(16)} != crc32 #${d.computedId.toString(16)} ` +
        `of '${canonicalText(d.name, d.generics, d.params, d.result)}'` +
        (known ? `\n    known exception: ${known}` : '\n    UNEXPECTED'),
    );
  }
}
console.log(`${total} mismatches, ${unexpected} unexpected`);
process.exit(unexpected > 0 ? 1 : 0);
