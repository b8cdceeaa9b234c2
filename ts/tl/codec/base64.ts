/** Base64 for the TL layer: the shared implementation of the lowest layer. */
export { base64Decode, base64DecodeJs, base64Encode } from '../../wasm/base64.js';
