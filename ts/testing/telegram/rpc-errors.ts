/**
 * The RPC errors the in-memory Telegram throws, named as Telegram names them
 * (https://core.telegram.org/api/errors). Handlers throw these; the DC
 * handler adds the method name before the error leaves it.
 */
import { RpcError } from '../../errors.js';

/** 400 BAD_REQUEST with `text`, e.g. `PHONE_CODE_INVALID`. */
export function badRequest(text: string): RpcError {
  return new RpcError(400, text);
}

/** 401: the auth key is not bound to a user (https://core.telegram.org/api/errors#401-unauthorized). */
export function authKeyUnregistered(): RpcError {
  return new RpcError(401, 'AUTH_KEY_UNREGISTERED');
}

/** Which object lives on another DC (https://core.telegram.org/api/errors#303-see-other). */
export type MigrateKind = 'PHONE' | 'USER' | 'NETWORK' | 'FILE' | 'STATS';

/** 303 `<KIND>_MIGRATE_<dc>`: repeat the request on DC `dcId`. */
export function migrate(kind: MigrateKind, dcId: number): RpcError {
  return new RpcError(303, `${kind}_MIGRATE_${dcId}`);
}

/** 420 `FLOOD_WAIT_<seconds>` (https://core.telegram.org/api/errors#420-flood). */
export function floodWait(seconds: number): RpcError {
  return new RpcError(420, `FLOOD_WAIT_${seconds}`);
}

/**
 * 400 `METHOD_NOT_IMPLEMENTED_<name>`: a valid TL function (or a feature of
 * one, e.g. `auth.signIn.email_verification`) this emulator does not serve.
 * It is never answered with a made-up success, so a test that needs it
 * fails loudly and names it. `method` is the TL method the error belongs to.
 */
export function notImplemented(name: string, method = name): RpcError {
  return new RpcError(400, `METHOD_NOT_IMPLEMENTED_${name}`, method);
}

/** 500 `INTERNAL_SERVER_ERROR`: a handler failed with something that is not an RpcError (a bug here). */
export function internalError(method: string, cause: unknown): RpcError {
  const e = new RpcError(500, 'INTERNAL_SERVER_ERROR', method);
  Object.defineProperty(e, 'cause', { value: cause, enumerable: false, configurable: true, writable: true });
  return e;
}

/** The same error with `method` filled in (RpcError fields are read-only, so this makes a new one). */
export function withMethod(e: RpcError, method: string): RpcError {
  if (e.method !== undefined) return e;
  const out = new RpcError(e.code, e.text, method);
  if ('cause' in e) Object.defineProperty(out, 'cause', { value: e.cause, enumerable: false, configurable: true, writable: true });
  return out;
}
