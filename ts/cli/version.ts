/**
 * `wasmgram --version`: the package version (read from the package.json
 * next to the running file: ts/cli in the repository, dist/ in the package)
 * and the TL layer the schema was generated from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYER } from '../tl/index.js';

/** The version of the wasmgram package this file belongs to, or `unknown`. */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'wasmgram' && pkg.version) return pkg.version;
      } catch {
        // not ours: keep looking up
      }
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

/** The line `wasmgram --version` prints. */
export function versionLine(): string {
  return `wasmgram ${packageVersion()} (TL layer ${LAYER})`;
}
