/**
 * wasmgram transport layer: MTProto framings (abridged, intermediate, padded
 * intermediate, full), obfuscated2, the socket interface with its platform
 * adapters, and `Transport`, which turns a socket into a stream of whole
 * MTProto packets. Codecs and streams are sans-IO (bytes in, frames out) and
 * serve both the client and wasmgram's test server.
 * https://core.telegram.org/mtproto/mtproto-transports
 *
 * Node-only adapters live in `./node.js`; `createDefaultSocketFactory` loads
 * them on demand.
 *
 * @example
 * ```ts
 * import { Transport, createDefaultSocketFactory } from './transport/index.js';
 * const transport = new Transport({ sockets: await createDefaultSocketFactory(), codec: 'intermediate', crypto });
 * transport.on('packet', onPacket);
 * await transport.connect(host, port);
 * ```
 */

// Framing codecs (sans-IO)
export {
  type CodecKind,
  type CodecOptions,
  DEFAULT_MAX_PAYLOAD,
  type EncodeOptions,
  type Frame,
  type FrameCodec,
  type PendingFrame,
  type Side,
} from './frame.js';
export { ABRIDGED_HEADER, createAbridgedCodec } from './abridged.js';
export { createIntermediateCodec, INTERMEDIATE_HEADER, PADDED_INTERMEDIATE_HEADER } from './intermediate.js';
export { createPaddedIntermediateCodec, stripPadding } from './padded-intermediate.js';
export { createFullCodec } from './full.js';
export { CODEC_KINDS, OBFUSCATABLE_CODECS, codecForTag, createCodec, PROTOCOL_TAGS } from './codec.js';
export { errorPayload, transportErrorFor } from './error-code.js';

// obfuscated2
export {
  acceptObfuscatedInit,
  type AcceptedObfuscation,
  createObfuscatedInit,
  isForbiddenInit,
  OBFUSCATED_INIT_LENGTH,
  type ObfuscatedClientInit,
  type ObfuscatedInitOptions,
  obfuscatedDcId,
  type ObfuscationCipher,
} from './obfuscated2.js';

// Whole-connection streams (sans-IO)
export { type ClientObfuscation, type ClientStream, type ClientStreamOptions, createClientStream } from './client-stream.js';
export { type Detection, detectTransport } from './detect.js';
export {
  createServerStream,
  type ServerStream,
  type ServerStreamInfo,
  type ServerStreamOptions,
} from './server-stream.js';

// Sockets and the I/O transport
export type { Socket, SocketFactory, SocketHandlers } from './socket.js';
export { createDenoTcpFactory, type DenoConnLike, type DenoLike, type DenoTcpOptions } from '../platform/deno-tcp.js';
export {
  createWebSocketFactory,
  type WebSocketConstructor,
  type WebSocketFactoryOptions,
  type WebSocketLike,
} from './websocket.js';
export { createDefaultSocketFactory, type DefaultSocketOptions } from './default-socket.js';
export { createHttpSocketFactory, type FetchLike, type HttpTransportOptions } from './http.js';
export {
  type CloudflareConnect,
  type CloudflareSocketLike,
  type CloudflareTcpOptions,
  createCloudflareTcpFactory,
} from '../platform/cloudflare-sockets.js';
export { Emitter, type EventMap } from './emitter.js';
export { Transport, type TransportEvents, type TransportOptions, type TransportState } from './transport.js';

// Proxies: SOCKS5, HTTP CONNECT, MTProxy (plain, dd, fake-TLS ee), links, racing
export {
  formatMtproxySecret,
  formatProxyLink,
  type HttpProxyConfig,
  type HttpProxyOptions,
  httpConnectProxy,
  type MtproxyConfig,
  type MtproxyMode,
  type MtproxyOptions,
  type MtproxySecret,
  mtproxySocketFactory,
  type MtproxyTransportOptions,
  mtproxyTransportOptions,
  type ProxiedTransportOptions,
  type ProxyConfig,
  ProxyError,
  type ProxyFailure,
  type ProxyKind,
  type ProxyTransportSettings,
  parseMtproxySecret,
  RaceError,
  type RaceOptions,
  raceFirst,
  raceSockets,
  parseProxyLink,
  proxyTransportOptions,
  type Socks5ProxyConfig,
  type Socks5ProxyOptions,
  socks5Proxy,
} from './proxy/index.js';
