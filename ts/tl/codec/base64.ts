/** Base64 for the TL layer: the library's one implementation, in the lowest layer. */
export { base64Decode, base64DecodeJs, base64Encode } from '../../wasm/base64.js';
