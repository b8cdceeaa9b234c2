/**
 * The `wasmgram` command line moved to ts/cli; the test-server command's
 * helpers stay reachable here for the tests that import them.
 */
export { main } from '../cli/index.js';
export { describeServer, parseTestServerArgs, runTestServer, type RunOptions, type TestServerArgs, USAGE } from '../cli/test-server.js';
