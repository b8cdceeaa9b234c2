/**
 * The `wasmgram` command line moved to ts/cli; what the test-server tests
 * import stays reachable here.
 */
export { main } from '../cli/index.js';
export { parseTestServerArgs } from '../cli/test-server.js';
