/** The bots methods of `TelegramClient` (bot answers, inline results, commands, menu button), loaded on first use: see ./index.ts. */
export { answerCallbackQuery } from '../methods/bots/answer-callback-query.js';
export { answerInlineQuery } from '../methods/bots/answer-inline-query.js';
export { getBotCommands, resetBotCommands, setBotCommands } from '../methods/bots/bot-commands.js';
export { clickButton } from '../methods/bots/click-button.js';
export { editInlineMessage } from '../methods/bots/edit-inline-message.js';
export { editReplyMarkup } from '../methods/bots/edit-reply-markup.js';
export { getCallbackAnswer } from '../methods/bots/get-callback-answer.js';
export { getInlineResults } from '../methods/bots/get-inline-results.js';
export { getBotMenuButton, setBotMenuButton } from '../methods/bots/menu-button.js';
export { sendInlineResult } from '../methods/bots/send-inline-result.js';
