/**
 * wasmgram/client — `TelegramClient` and its methods as free functions
 * (each also a method of the class): login by phone + code, sign-up, 2FA,
 * bot token and QR code, `getMe`, `logOut`, the typed `invoke`; messages
 * (send, edit, delete, forward, pin, read, drafts, history and search
 * iterators), dialogs, groups and channels, peer resolution, and the
 * high-level `Message` / `User` / `Chat` / `Dialog` types; typed updates
 * (`client.on('newMessage')`, `client.updates()`) from the updates runner
 * (message box, catch-up, at-least-once commits).
 */
export { TelegramClient, type TelegramClientEvents, type UpdatesIteratorParams } from './telegram-client.js';
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
export { sendMessage, formatText, type SendMessageParams } from './methods/messages/send-message.js';
export { editMessage, type EditMessageParams } from './methods/messages/edit-message.js';
export { deleteMessages } from './methods/messages/delete-messages.js';
export { forwardMessages, type ForwardMessagesParams } from './methods/messages/forward-messages.js';
export { pinMessage, unpinMessage, type PinMessageParams } from './methods/messages/pin-message.js';
export { readHistory } from './methods/messages/read-history.js';
export { saveDraft } from './methods/messages/save-draft.js';
export { getMessages } from './methods/messages/get-messages.js';
export { iterHistory, type IterHistoryParams } from './methods/messages/iter-history.js';
export { getDiscussionMessage, type DiscussionMessage } from './methods/messages/get-discussion-message.js';
export { iterComments, type IterCommentsParams } from './methods/messages/iter-comments.js';
export { sendComment, type SendCommentParams } from './methods/messages/send-comment.js';
export { readComments } from './methods/messages/read-comments.js';
export { searchGlobal, type SearchGlobalParams } from './methods/messages/search-global.js';
export { type SearchFilter, searchFilter, searchMessages, type SearchMessagesParams } from './methods/messages/search-messages.js';
export { iterDialogs, type IterDialogsParams } from './methods/dialogs/iter-dialogs.js';
export { createGroup } from './methods/chats/create-group.js';
export { createChannel, type CreateChannelParams } from './methods/chats/create-channel.js';
export { toggleForum } from './methods/forums/toggle-forum.js';
export { createForumTopic, type CreateForumTopicParams } from './methods/forums/create-forum-topic.js';
export {
  getForumTopics,
  getForumTopicsById,
  iterForumTopics,
  type IterForumTopicsParams,
  wrapTopics,
} from './methods/forums/get-forum-topics.js';
export {
  closeForumTopic,
  editForumTopic,
  type EditForumTopicParams,
  reopenForumTopic,
  setGeneralTopicHidden,
} from './methods/forums/edit-forum-topic.js';
export { pinForumTopic, unpinForumTopic } from './methods/forums/pin-forum-topic.js';
export { deleteForumTopic } from './methods/forums/delete-forum-topic.js';
export { readForumTopic } from './methods/forums/read-forum-topic.js';
export { replyToField, type TopicLike, topicIdOf } from './methods/forums/topic-reply.js';
export { getDefaultSendAs, getSendAs, type SendAsOption, setDefaultSendAs } from './methods/messages/send-as-peers.js';
export { sendAsField, type SendPlaceParams } from './methods/messages/send-as.js';
export { ForumTopic, GENERAL_TOPIC_ID } from './types/forum-topic.js';
export { joinChat, leaveChat } from './methods/chats/join-chat.js';
export { iterParticipants, type IterParticipantsParams, type ParticipantsFilter } from './methods/chats/iter-participants.js';
export { getParticipant } from './methods/chats/get-participant.js';
export { banMember, unbanMember } from './methods/chats/ban-member.js';
export { kickMember } from './methods/chats/kick-member.js';
export { restrictMember } from './methods/chats/restrict-member.js';
export { promoteMember, demoteMember } from './methods/chats/promote-member.js';
export { setDefaultPermissions } from './methods/chats/set-default-permissions.js';
export { createInviteLink, exportInviteLink, type InviteLinkParams } from './methods/chats/create-invite-link.js';
export { editInviteLink, revokeInviteLink } from './methods/chats/edit-invite-link.js';
export { iterInviteLinks, type IterInviteLinksParams } from './methods/chats/iter-invite-links.js';
export { iterInviteLinkMembers, iterJoinRequests, type IterInviteLinkMembersParams } from './methods/chats/iter-invite-link-members.js';
export { approveJoinRequest, declineJoinRequest, settleAllJoinRequests } from './methods/chats/join-requests.js';
export { checkInviteLink, type InviteLinkPreview } from './methods/chats/check-invite-link.js';
export { setChatTitle } from './methods/chats/set-chat-title.js';
export { setChatAbout } from './methods/chats/set-chat-about.js';
export { setChatPhoto, deleteChatPhoto } from './methods/chats/set-chat-photo.js';
export { iterProfilePhotos, type IterProfilePhotosParams } from './methods/users/iter-profile-photos.js';
export { setProfilePhoto } from './methods/users/set-profile-photo.js';
export { getStickerSet, toInputStickerSet, type StickerSetLike } from './methods/stickers/get-sticker-set.js';
export { StickerSet, type Sticker } from './types/sticker-set.js';
export { deleteProfilePhotos } from './methods/users/delete-profile-photos.js';
export { importContacts, type PhoneContact } from './methods/users/import-contacts.js';
export { getContacts } from './methods/users/get-contacts.js';
export { deleteContacts } from './methods/users/delete-contacts.js';
export { ChatMember, type ChatMemberStatus } from './types/chat-member.js';
export {
  adminRights,
  bannedRights,
  rightsList,
  ADMIN_RIGHTS,
  BANNED_RIGHTS,
  type AdminRight,
  type AdminRightsInit,
  type BannedRight,
  type BannedRightsInit,
} from './types/admin-rights.js';
export { InviteLink, InviteLinkMember, inviteLinkHash } from './types/invite-link.js';
export { resolvePeer, resolveUser, resolveChannel } from './methods/peers/resolve-peer.js';
export { Message, type MessageActions } from './types/message.js';
export { Photo, type FileLocation } from './types/photo.js';
export { Document } from './types/document.js';
export { type Media, wrapMedia } from './types/media.js';
export {
  uploadFile,
  type UploadFileParams,
  type UploadedFile,
  BIG_FILE_MIN_SIZE,
  MAX_UPLOAD_PART_SIZE,
} from './methods/files/upload-file.js';
export type { UploadSource } from './methods/files/file-source.js';
export {
  downloadToBuffer,
  downloadToFile,
  type DownloadParams,
  type DownloadTarget,
  DOWNLOAD_PART_SIZE,
} from './methods/files/download-file.js';
export { iterDownload, downloadAsStream, type IterDownloadParams } from './methods/files/download-stream.js';
export { sendMedia, documentAttributes, type SendMediaParams, type MediaAttributes } from './methods/files/send-media.js';
export { User } from './types/user.js';
export { Chat, type ChatKind } from './types/chat.js';
export { Dialog } from './types/dialog.js';
export {
  BotStopped,
  CallbackQuery,
  InlineQuery,
  InlineSend,
  JoinRequest,
  MessageDeleted,
  MessageEdited,
  NewMessage,
  PollVote,
  RawUpdate,
  type TypedUpdate,
  type TypedUpdateMap,
  type UpdateChat,
  type UpdateChatType,
  UserStatus,
  UserTyping,
} from './types/updates.js';
export { Album } from './types/album.js';
export { ChatBoost, MessageReaction, type ParticipantChange, ParticipantUpdate, reactionKey } from './types/chat-updates.js';
export { PreCheckoutQuery, ShippingQuery } from './types/payment-updates.js';
export {
  AlbumCollector,
  type AlbumTimers,
  isUpdates,
  MAX_ALBUM_PARTS,
  toTypedUpdate,
  UpdateQueue,
  UpdatesRunner,
  type UpdateDelivery,
  type UpdateSink,
  type UpdatesOptions,
} from './updates/index.js';
export {
  type RunOnceHandler,
  type RunOnceHost,
  type RunOnceParams,
  type RunOnceResult,
  type RunOnceUpdates,
  runOnce,
} from './serverless/index.js';
export { answerCallbackQuery, type AnswerCallbackQueryParams } from './methods/bots/answer-callback-query.js';
export { answerInlineQuery, type AnswerInlineQueryParams } from './methods/bots/answer-inline-query.js';
export { type EditInlineMessageParams, editInlineMessage } from './methods/bots/edit-inline-message.js';
export { formatInlineMessageId, parseInlineMessageId } from './methods/bots/inline-message-id.js';
export { editReplyMarkup } from './methods/bots/edit-reply-markup.js';
export { getCallbackAnswer, type GetCallbackAnswerParams } from './methods/bots/get-callback-answer.js';
export { clickButton, type ClickResult } from './methods/bots/click-button.js';
export { getInlineResults, type GetInlineResultsParams } from './methods/bots/get-inline-results.js';
export { sendInlineResult, type SendInlineResultParams } from './methods/bots/send-inline-result.js';
export {
  getBotCommands,
  resetBotCommands,
  setBotCommands,
  toCommandScope,
  type BotCommandsParams,
  type CommandInfo,
  type CommandScope,
} from './methods/bots/bot-commands.js';
export { getBotMenuButton, setBotMenuButton, type MenuButton } from './methods/bots/menu-button.js';
export {
  callbackData,
  CALLBACK_DATA_MAX_BYTES,
  InlineButton,
  ReplyButton,
  type ButtonStyle,
  type InlineChatType,
  type InlineKeyboardButton,
  type ReplyKeyboardButton,
  type RequestPeerOptions,
} from './types/buttons.js';
export {
  buttonRows,
  findButton,
  forceReply,
  inlineKeyboard,
  KEYBOARD_BUTTONS_MAX,
  removeKeyboard,
  replyKeyboard,
  type ButtonSelector,
  type ReplyKeyboardOptions,
} from './types/keyboard.js';
export { InlineResult, type InlineDocumentType, type InlineMessageOptions } from './types/inline-results.js';
export { type CallbackAnswer, toCallbackAnswer } from './types/callback-answer.js';
export { PeerIndex } from './types/peer-index.js';
export type { PeerLike } from './types/peer-like.js';
export { markedId, markedPeerId, unmarkId, type UnmarkedId } from './types/marked-id.js';
export { consoleLogger, logEnabled, silentLogger, type Logger, type LogLevel } from '../logger.js';
