/**
 * The scripted-user API (exported from wasmgram/testing): users, bots,
 * groups and channels made from code that send, join and await messages
 * on the in-memory Telegram.
 */
export { ScriptedWorld, type ScriptedBotInput, type ScriptedUserInput } from './scripted-world.js';
export { ScriptedUser, refOfTarget, type MessageFilter, type ScriptedSendOptions, type ScriptTarget } from './scripted-user.js';
export { type ButtonChoice, findButton } from './scripted-bot-actions.js';
export type { PollChoice, ReactionChoice } from './scripted-message-actions.js';
