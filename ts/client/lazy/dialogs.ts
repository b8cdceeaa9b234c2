/** The dialogs methods of `TelegramClient` (the dialog list), loaded on first use: see ./index.ts. */
export { iterDialogs } from '../methods/dialogs/iter-dialogs.js';
