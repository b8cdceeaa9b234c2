/**
 * API layers for the test server: the registry of layers it serves and the
 * conversion between them, generated from the schemas (convert.ts).
 */
export { askedLayer, LayerRegistry } from './registry.js';
export { ServedLayer, traceBody } from './served-layer.js';
