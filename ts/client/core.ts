/**
 * What the high-level methods (ts/client/methods/**) need from a client: the
 * typed `invoke`, the storage, the app credentials, the crypto engine and a
 * few login hooks. Methods take a `ClientCore`, not the `TelegramClient`
 * class, so each lives in its own file without import cycles (the class
 * implements this interface and is assembled from the methods).
 */
import type { CryptoProvider } from '../crypto/provider.js';
import type { Logger } from '../logger.js';
import type { DcPool } from '../network/dc-pool.js';
import type { RetryPolicy } from '../network/retry-policy.js';
import type { SessionStorage } from '../storage/types.js';
import type { AnyRequest, auth, ResultOf, User } from '../tl/generated/types.js';
import type { MessageActions } from './types/message.js';

/** Options of one call made with `client.invoke`. */
export interface ClientInvokeOptions {
  /** Send to this DC instead of the home DC (the login is carried there first). */
  dcId?: number;
  /** Use the DC's media connection (file transfers). */
  media?: boolean;
  /** Which of the DC's transfer connections (0, the default, is the main one; parallel file parts use 1..n). */
  slot?: number;
  /** `dcId` is a CDN DC (https://core.telegram.org/cdn): no login carried there, keys from `help.getCdnConfig` (see `DcPool.addCdnKeys`). */
  cdn?: boolean;
  /** Told when a `*_MIGRATE_X` moved the call to DC X (downloads remember the DC of a file). */
  onMigrate?: (dcId: number) => void;
  /** Reject with `TimeoutError` after this many ms (each attempt). */
  timeoutMs?: number;
  /** Abort the call (also stops a retry wait). */
  signal?: AbortSignal;
  /** Retry policy for this call (default: the client's). */
  retry?: RetryPolicy;
}

/** The client as the method functions see it (the message helpers included, so `Message` objects can act). */
export interface ClientCore extends MessageActions {
  readonly apiId: number;
  readonly apiHash: string;
  readonly storage: SessionStorage;
  readonly crypto: CryptoProvider;
  readonly logger: Logger;
  /** The DC pool (connections, migrations). */
  readonly pool: DcPool;
  /** Sends any function of the layer; the result is typed by the request. */
  invoke<R extends AnyRequest>(request: R, options?: ClientInvokeOptions): Promise<ResultOf<R>>;
  /** Called by the login methods when the account is signed in: stores it, caches the user, marks the pool. */
  onSignedIn(authorization: auth.Authorization): Promise<User.user>;
  /** Called by `logOut`: forgets the account. */
  onSignedOut(): Promise<void>;
  /** Listens for unsolicited updates (QR login waits for `updateLoginToken`); returns the unsubscribe function. */
  onRawUpdate(listener: (update: { readonly _: string }) => void): () => void;
}
