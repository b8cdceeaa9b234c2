import { suite } from './index.js';
await suite.run({ quick: process.argv.includes('--quick'), write: false, ops: null, sizes: null, resultsDir: '/tmp' });
