/**
 * wasmgram/client — `TelegramClient` and its methods as free functions
 * (each also a method of the class): login by phone + code, sign-up, 2FA,
 * bot token and QR code, `getMe`, `logOut`, and the typed `invoke`.
 */
export { TelegramClient, type TelegramClientEvents } from './telegram-client.js';
export type { TelegramClientOptions, TestServerTarget, DeviceInfo } from './options.js';
export type { ClientCore, ClientInvokeOptions } from './core.js';
export { collectPeers, toCachedPeer } from './peers.js';
export { sendCode, normalizePhoneNumber, type SendCodeParams, type SentCode } from './methods/auth/send-code.js';
export { resendCode, type ResendCodeParams } from './methods/auth/resend-code.js';
export { signIn, signUp, type SignInParams, type SignUpParams, type SignUpRequired } from './methods/auth/sign-in.js';
export { checkPassword, getPasswordHint, srpInput } from './methods/auth/check-password.js';
export { signInBot } from './methods/auth/sign-in-bot.js';
export { signInQr, acceptLoginToken, loginTokenUrl, parseLoginTokenUrl, type QrLoginParams } from './methods/auth/sign-in-qr.js';
export { start, type StartParams, type MaybeAsk } from './methods/auth/start.js';
export { logOut } from './methods/auth/log-out.js';
export { isAuthorized } from './methods/auth/is-authorized.js';
export { getMe } from './methods/users/get-me.js';
export { consoleLogger, logEnabled, silentLogger, type Logger, type LogLevel } from '../logger.js';
