/** The auth methods of `TelegramClient` (sign-in (phone code, 2FA, bot token, QR), sign-up, log-out), loaded on first use: see ./index.ts. */
export { checkPassword, getPasswordHint } from '../methods/auth/check-password.js';
export { isAuthorized } from '../methods/auth/is-authorized.js';
export { logOut } from '../methods/auth/log-out.js';
export { resendCode } from '../methods/auth/resend-code.js';
export { sendCode } from '../methods/auth/send-code.js';
export { signIn, signUp } from '../methods/auth/sign-in.js';
export { signInBot } from '../methods/auth/sign-in-bot.js';
export { acceptLoginToken, signInQr } from '../methods/auth/sign-in-qr.js';
export { start } from '../methods/auth/start.js';
