/** Every method the in-memory Telegram implements, by TL name. */
import type { MethodTable } from '../method-call.js';
import { accountPrivacyMethods } from './account-privacy.js';
import { authBotMethods } from './auth-bot.js';
import { authCodeMethods } from './auth-code.js';
import { authPasswordMethods } from './auth-password.js';
import { authQrMethods } from './auth-qr.js';
import { authSignInMethods } from './auth-sign-in.js';
import { albumsMethods } from './albums.js';
import { authTransferMethods } from './auth-transfer.js';
import { botsCommandMethods } from './bots-commands.js';
import { callbackQueryMethods } from './callback-queries.js';
import { cdnMethods } from './cdn.js';
import { chatActionsMethods } from './chat-actions.js';
import { chatsMethods } from './chats.js';
import { commentsMethods } from './comments.js';
import { contactsMethods } from './contacts.js';
import { contactsBlockMethods } from './contacts-block.js';
import { contactsListMethods } from './contacts-list.js';
import { dialogsMethods } from './dialogs.js';
import { forumReadMethods } from './forum-read.js';
import { forumTopicsMethods } from './forum-topics.js';
import { helpMethods } from './help.js';
import { invitesMethods } from './invites.js';
import { inlineEditMethods } from './inline-edit.js';
import { inlineQueryMethods } from './inline-queries.js';
import { mentionsReadMethods } from './mentions-read.js';
import { messagesHistoryMethods } from './messages-history.js';
import { messagesMediaMethods } from './messages-media.js';
import { messagesModifyMethods } from './messages-modify.js';
import { messagesSendMethods } from './messages-send.js';
import { pollsMethods } from './polls.js';
import { reactionsMethods } from './reactions.js';
import { scheduledMethods } from './scheduled.js';
import { sendAsMethods } from './send-as.js';
import { discussionMethods } from './send-as-discussion.js';
import { stickersMethods } from './stickers.js';
import { participantsMethods } from './participants.js';
import { participantsAdminMethods } from './participants-admin.js';
import { photosMethods } from './photos.js';
import { updatesMethods } from './updates.js';
import { uploadMethods } from './upload.js';
import { usersMethods } from './users.js';

/** The method table the DC handler dispatches on. */
export const METHODS: MethodTable = {
  ...helpMethods,
  ...authCodeMethods,
  ...authSignInMethods,
  ...authBotMethods,
  ...authTransferMethods,
  ...authPasswordMethods,
  ...authQrMethods,
  ...usersMethods,
  ...updatesMethods,
  ...uploadMethods,
  ...messagesSendMethods,
  ...messagesMediaMethods,
  ...messagesModifyMethods,
  ...messagesHistoryMethods,
  ...mentionsReadMethods,
  ...dialogsMethods,
  ...chatsMethods,
  ...participantsMethods,
  ...participantsAdminMethods,
  ...invitesMethods,
  ...photosMethods,
  ...contactsMethods,
  ...contactsBlockMethods,
  ...contactsListMethods,
  ...accountPrivacyMethods,
  ...cdnMethods,
  ...reactionsMethods,
  ...pollsMethods,
  ...albumsMethods,
  ...scheduledMethods,
  ...chatActionsMethods,
  ...callbackQueryMethods,
  ...inlineQueryMethods,
  ...inlineEditMethods,
  ...botsCommandMethods,
  ...stickersMethods,
  ...sendAsMethods,
  ...discussionMethods,
  ...commentsMethods,
  ...forumTopicsMethods,
  ...forumReadMethods,
};

/** Names of the implemented methods, sorted (for docs and error messages). */
export const IMPLEMENTED_METHODS: readonly string[] = Object.keys(METHODS).sort();
