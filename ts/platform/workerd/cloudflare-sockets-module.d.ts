/**
 * The part of the Workers runtime module `cloudflare:sockets` that
 * ts/platform/workerd/tcp.ts imports (https://developers.cloudflare.com/workers/runtime-apis/tcp-sockets/),
 * declared here so the type check needs no `@cloudflare/workers-types`.
 * Mirrors `CloudflareConnect` in ts/platform/cloudflare-sockets.ts.
 */
declare module 'cloudflare:sockets' {
  /** Opens a TCP connection to `address`. */
  export function connect(
    address: { hostname: string; port: number },
    options?: { secureTransport?: 'off' | 'on' | 'starttls'; allowHalfOpen?: boolean },
  ): {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<Uint8Array>;
    readonly opened: Promise<unknown>;
    close(): Promise<void>;
  };
}
