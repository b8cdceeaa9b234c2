/**
 * Which API constructors' readers ship prebuilt in generated/readers.ts, next
 * to every MTProto constructor (build/generate-tl.ts emits them, the tests
 * check the set). Prebuilding a reader saves its first-use cost: writing its
 * source and `new Function` (parse and compile), ~0.1 ms each in a cold
 * process; the price is its source in the package.
 *
 * The set is what a client decodes first and most: the start-up answers
 * (`help.getConfig`, the update state), and the objects of every history page,
 * dialog list and update batch — messages with their peers, reply headers and
 * entities, users, chats and channels, the `updates*` wrappers and the short
 * updates and affected-* results a send or delete returns.
 * Rarer constructors (media, service actions, full infos) are still built on
 * first use.
 */

/** Exact names. */
const NAMES: readonly string[] = [
  // Start-up: help.getConfig, updates.getState.
  'config',
  'dcOption',
  'updates.state',
  // History pages and dialogs (messages.getHistory, search, getDialogs).
  'messages.messages',
  'messages.messagesSlice',
  'messages.channelMessages',
  'messages.dialogs',
  'messages.dialogsSlice',
  'dialog',
  'message',
  'messageService',
  'messageEmpty',
  'messageReplyHeader',
  'messageFwdHeader',
  'peerUser',
  'peerChat',
  'peerChannel',
  'user',
  'userEmpty',
  'userProfilePhoto',
  'userProfilePhotoEmpty',
  'chat',
  'chatForbidden',
  'chatEmpty',
  'channel',
  'channelForbidden',
  'chatPhoto',
  'chatPhotoEmpty',
  // Updates and the results of sends, edits and deletes.
  'updates',
  'updatesCombined',
  'updateShort',
  'updatesTooLong',
  'updateShortMessage',
  'updateShortChatMessage',
  'updateShortSentMessage',
  'updateNewMessage',
  'updateNewChannelMessage',
  'updateEditMessage',
  'updateEditChannelMessage',
  'updateDeleteMessages',
  'updateDeleteChannelMessages',
  'updateMessageID',
  'updateReadHistoryInbox',
  'updateReadHistoryOutbox',
  'updateUserStatus',
  'messages.affectedMessages',
  'messages.affectedHistory',
  'messages.affectedFoundMessages',
];

/** Name prefixes: every constructor of these families (each is small). */
const PREFIXES: readonly string[] = ['messageEntity', 'userStatus'];

/**
 * Whether the reader of API constructor `name` ships prebuilt (MTProto
 * constructors always do).
 *
 * @example
 * ```ts
 * isPrebuiltApiReader('message'); // true
 * isPrebuiltApiReader('messageEntityBold'); // true
 * isPrebuiltApiReader('messageMediaPoll'); // false: built on first use
 * ```
 */
export function isPrebuiltApiReader(name: string): boolean {
  return NAMES.includes(name) || PREFIXES.some((p) => name.startsWith(p));
}
