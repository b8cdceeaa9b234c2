/**
 * What a runtime supplies to wasmgram — the platform layer's one interface
 * (issue 14). Each capability is a module `#platform/<name>` of the built
 * package with one implementation per runtime under ts/platform/<runtime>/,
 * and the package's export conditions pick the file (see ts/platform/README.md
 * and rollup.config.mjs); nothing above this layer asks which runtime it is on
 * where a condition can answer.
 *
 * Not here, because every runtime has the same one: random bytes
 * (`crypto.getRandomValues`, see ./random.ts), timers (`setTimeout`; a
 * timer's `unref` exists on Node, Deno and Bun only, and callers feature-test
 * it) and `fetch`.
 */
import type { TransportError } from '../errors.js';

// --- sockets (the transport's one socket interface; ts/transport/socket.ts re-exports it) ---

/** Callbacks a socket reports to. */
export interface SocketHandlers {
  /** Bytes arrived (any chunking). The array belongs to the receiver. */
  onData(chunk: Uint8Array): void;
  /** The socket failed after it was open; `onClose` follows. */
  onError(error: TransportError): void;
  /** The socket is closed (by either side, or after an error). Called once. */
  onClose(): void;
  /**
   * Long-poll sockets only (HTTP): no request is open, so nothing can bring
   * the server's messages until something is written — the owner should send
   * a poll (`http_wait`, https://core.telegram.org/mtproto/transports#http).
   */
  onPoll?(): void;
}

/** An open byte stream. */
export interface Socket {
  /** Queues bytes to send. Writing to a closed socket is ignored (the `onClose` callback already said so). */
  write(data: Uint8Array): void;
  /** Closes after the queued bytes are sent; `onClose` follows. */
  close(): void;
}

/** Opens sockets of one kind. */
export interface SocketFactory {
  /**
   * True when the bytes are visible as such to the network path and must be
   * obfuscated (WebSocket, as Telegram's web clients do); the transport then
   * always uses obfuscated2.
   */
  readonly requiresObfuscation: boolean;
  /**
   * True for request/response sockets (the HTTP transport): the server
   * answers only on a request the client holds open, so the session sends
   * `http_wait` and the socket asks for polls (`SocketHandlers.onPoll`).
   */
  readonly longPoll?: boolean;
  /**
   * Connects to `host:port` (WebSocket factories build a URL from them).
   * Resolves once the socket is open; from then on `handlers` are called.
   * Rejects with `TransportError` when the connection cannot be made or
   * `signal` aborts it first.
   */
  connect(host: string, port: number, handlers: SocketHandlers, signal?: AbortSignal): Promise<Socket>;
}

/** The part of the WHATWG WebSocket the WebSocket transport uses. */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onclose: ((event: { code?: number; reason?: string }) => void) | null;
}

/** A WebSocket constructor (`globalThis.WebSocket`, or `ws`'s class). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

// --- files ---

/**
 * The few file operations the session file backend needs (ts/storage's
 * `FileStorage`). Paths are whatever the runtime accepts.
 */
export interface StorageFileSystem {
  /** The file's bytes, or undefined when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /**
   * Replaces `path` with `data` so that a crash at any point leaves either the
   * old or the new contents: write a temporary file in the same directory,
   * fsync it, rename it over `path`, fsync the directory.
   */
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>;
  /** Creates `path` with `data` only if it does not exist (O_EXCL); false when it exists. */
  createExclusive(path: string, data: Uint8Array): Promise<boolean>;
  /** Deletes `path`; no error when it is already gone. */
  remove(path: string): Promise<void>;
}

/** A file opened for an upload: its size, base name and contents as chunks. */
export interface FileSource {
  /** Size in bytes when opened. */
  size: number;
  /** The base name (what the upload calls the file). */
  name: string;
  /** The contents, `chunkSize` bytes per chunk (the last one shorter); `return()` closes the file. */
  chunks: AsyncIterator<Uint8Array>;
}

/** A file opened for writing at offsets (downloads land part by part, in any order). */
export interface FileSink {
  /** Writes all of `bytes` at `position`. */
  write(bytes: Uint8Array, position: number): Promise<void>;
  /** Closes the file. */
  close(): Promise<void>;
}

// --- gzip ---

/** What an inflation gives: the bytes, or why there are none. */
export type InflateResult = Uint8Array | 'too-large' | 'invalid';

// --- the modules, one per capability: what each runtime's file exports ---

/** `#platform/tcp`: the runtime's TCP (node:net; Deno.connect; cloudflare:sockets; a stub that throws in browsers). */
export interface PlatformTcp {
  /** A TCP socket factory; throws `TransportError` where the runtime has no TCP. */
  createNodeTcpFactory(): SocketFactory;
}

/** `#platform/websocket`: a WebSocket client class for runtimes without a global one (Node 20: `ws`). */
export interface PlatformWebSocket {
  /** The class; throws `TransportError` where the package has none to offer (use the global `WebSocket` there). */
  webSocketClient(): WebSocketConstructor;
}

/** `#platform/file-system`: session files. */
export interface PlatformFileSystem {
  /** A {@link StorageFileSystem} on the local disk; constructing it throws `SessionError` where there is none. */
  NodeFileSystem: new () => StorageFileSystem;
}

/** `#platform/file-path`: file paths given to uploads and downloads. */
export interface PlatformFilePath {
  /** Opens `path` for reading in chunks; throws `WasmgramError` where the runtime has no files. */
  openFileSource(path: string, chunkSize: number): Promise<FileSource>;
  /** Creates (or truncates) `path` for writing; throws `WasmgramError` where the runtime has no files. */
  openFileSink(path: string): Promise<FileSink>;
}

/** `#platform/zlib`: gzip for `gzip_packed` (node:zlib on Node, pako elsewhere). */
export interface PlatformZlib {
  /** Inflates gzip or zlib data, never producing more than `max` bytes. */
  nativeInflate(packed: Uint8Array, max: number): InflateResult;
  /** `data` gzipped (gzip framing). */
  nativeGzip(data: Uint8Array): Uint8Array;
}

/** Native crypto the Node engine routes large inputs to (OpenSSL): ts/platform/node/crypto.ts, bundled into `#platform/crypto-node`. */
export interface PlatformCrypto {
  /** SHA-1 or SHA-256 of one array or the concatenation of several. */
  nativeHash(algorithm: 'sha1' | 'sha256', data: Uint8Array | readonly Uint8Array[]): Uint8Array;
  /** Raw AES-256-CBC encryption without padding (`data` whole 16-byte blocks). */
  aesCbcEncrypt(data: Uint8Array, key: Uint8Array, iv: Uint8Array): Uint8Array;
  /** An AES-256-CTR keystream: `update` XORs the next bytes of it into a copy of `data`. */
  createAesCtr(key: Uint8Array, iv: Uint8Array): { update(data: Uint8Array): Uint8Array };
  /** Constant-time comparison of equal-length arrays. */
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

/** `#platform/wasm`: where the WASM binaries come from (base64 in the bundle; `.wasm` module imports in Workers). */
export interface PlatformWasm {
  /** The crypto module, SIMD or plain build: bytes to compile, or a module compiled by the host. */
  embeddedCryptoWasm(simd: boolean): Uint8Array | WebAssembly.Module;
  /** The bignum module. */
  embeddedBignumWasm(simd: boolean): Uint8Array | WebAssembly.Module;
  /** The TL scanner. */
  embeddedTlWasm(simd: boolean): Uint8Array | WebAssembly.Module;
}

/**
 * Everything a runtime supplies, one module per field. A runtime's files
 * (ts/platform/<runtime>/<name>.ts) implement the fields it has; a field it
 * lacks is the `web` file's stub, which throws the library's typed error.
 * `#platform/libsql-local` (local libSQL databases) is the one module typed
 * by `@libsql/client` itself, so it is not listed here.
 */
export interface RuntimePlatform {
  /** `#platform/tcp`. */
  tcp: PlatformTcp;
  /** `#platform/websocket`. */
  websocket: PlatformWebSocket;
  /** `#platform/file-system`. */
  fileSystem: PlatformFileSystem;
  /** `#platform/file-path`. */
  filePath: PlatformFilePath;
  /** `#platform/zlib`. */
  zlib: PlatformZlib;
  /** Native crypto, where the runtime's crypto engine has routes to it (Node); other runtimes use WASM only. */
  crypto?: PlatformCrypto;
  /** `#platform/wasm`. */
  wasm: PlatformWasm;
}
