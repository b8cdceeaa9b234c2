/**
 * Every RPC error of API layer 227 and the errors each method is known to raise,
 * as types only (no runtime cost). Written by build/generate-rpc-error-catalog.ts from
 * schema/errors.json: do not edit by hand. https://core.telegram.org/api/errors
 */

/** Known RPC errors by the name schema/errors.json gives them (`%d` marks the number) → their error code. */
export interface RpcErrorCatalog {
  /** 420 — The account is 2FA protected so it will be deleted in a week. Otherwise it can be reset in %d */
  '2FA_CONFIRM_WAIT_%d': 420;
  /** 400 — About string too long. */
  ABOUT_TOO_LONG: 400;
  /** 403 */
  ACCESS_DENIED: 403;
  /** 400 — Access token expired. */
  ACCESS_TOKEN_EXPIRED: 400;
  /** 400 — Access token invalid. */
  ACCESS_TOKEN_INVALID: 400;
  /** 401 — The method is only available to already activated users */
  ACTIVE_USER_REQUIRED: 401;
  /** 400 — The specified geopoint address is invalid. */
  ADDRESS_INVALID: 400;
  /** 400 — There are too many admins. */
  ADMINS_TOO_MUCH: 400;
  /** 400 — The specified admin ID is invalid. */
  ADMIN_ID_INVALID: 400;
  /** 400 — An admin rank cannot contain emojis. */
  ADMIN_RANK_EMOJI_NOT_ALLOWED: 400;
  /** 400 — The specified admin rank is invalid. */
  ADMIN_RANK_INVALID: 400;
  /** 400 — The chatAdminRights constructor passed in keyboardButtonRequestPeer.peer_type.user_admin_rights has no rights set (i.e. flags is 0). */
  ADMIN_RIGHTS_EMPTY: 400;
  /** 400 — You have uploaded too many profile photos, delete some before retrying. */
  ALBUM_PHOTOS_TOO_MANY: 400;
  /** 406 — This peer only accepts paid messages »: this error is only emitted for older layers without paid messages support, so the client must be updated in order to use paid messages. . */
  ALLOW_PAYMENT_REQUIRED: 406;
  /** 403 — This peer charges %d Telegram Stars per message, but the allow_paid_stars was not set or its value is smaller than %d. */
  'ALLOW_PAYMENT_REQUIRED_%d': 403;
  /** 403 — Sorry, anonymous administrators cannot leave reactions or participate in polls. */
  ANONYMOUS_REACTIONS_DISABLED: 403;
  /** 406 — Please update the app to access the gift API. */
  API_GIFT_RESTRICTED_UPDATE_APP: 406;
  /** 400 — API ID invalid. */
  API_ID_INVALID: 400;
  /** 400 — This API id was published somewhere, you can't use it now. */
  API_ID_PUBLISHED_FLOOD: 400;
  /** 400 — The title of the article is empty. */
  ARTICLE_TITLE_EMPTY: 400;
  /** 400 — The remote URL specified in the content field is empty. */
  AUDIO_CONTENT_URL_EMPTY: 400;
  /** 400 — An empty audio title was provided. */
  AUDIO_TITLE_EMPTY: 400;
  /** 400 — The provided authorization is invalid. */
  AUTH_BYTES_INVALID: 400;
  /** 406 — The authorization key (session file) was used under two different IP addresses simultaneously, and can no longer be used. Use the same session exclusively, or use different sessions */
  AUTH_KEY_DUPLICATED: 406;
  /** 401 — The key is invalid */
  AUTH_KEY_INVALID: 401;
  /** 401 — The method is unavailable for temporary authorization key, not bound to permanent */
  AUTH_KEY_PERM_EMPTY: 401;
  /** 401 — The key is not registered in the system */
  AUTH_KEY_UNREGISTERED: 401;
  /** 500 — Internal error, please repeat the method call. */
  AUTH_KEY_UNSYNCHRONIZED: 500;
  /** 500 — Restart the authorization process. */
  AUTH_RESTART: 500;
  /** 500 — Internal error (debug info %d), please repeat the method call. */
  'AUTH_RESTART_%d': 500;
  /** 400 — The specified auth token was already accepted. */
  AUTH_TOKEN_ALREADY_ACCEPTED: 400;
  /** 400 — An error occurred while importing the auth token. */
  AUTH_TOKEN_EXCEPTION: 400;
  /** 400 — The authorization token has expired. */
  AUTH_TOKEN_EXPIRED: 400;
  /** 400 — The specified auth token is invalid. */
  AUTH_TOKEN_INVALID: 400;
  /** 400 — An invalid authorization token was provided */
  AUTH_TOKEN_INVALID2: 400;
  /** 400 — The specified auth token is invalid. */
  AUTH_TOKEN_INVALIDX: 400;
  /** 400 — The autoarchive setting is not available at this time: please check the value of the [autoarchive_setting_available field in client config &raquo;](https://core.telegram.org/api/config#client-configuration) before calling this method. */
  AUTOARCHIVE_NOT_AVAILABLE: 400;
  /** 400 — The transaction cannot be completed because the current Telegram Stars balance is too low. */
  BALANCE_TOO_LOW: 400;
  /** 400 — The specified card number is invalid. */
  BANK_CARD_NUMBER_INVALID: 400;
  /** 400 — You provided some invalid flags in the banned rights. */
  BANNED_RIGHTS_INVALID: 400;
  /** 400 — Base port location invalid */
  BASE_PORT_LOC_INVALID: 400;
  /** 400 — An invalid age was specified, must be between 0 and 150 years. */
  BIRTHDAY_INVALID: 400;
  /** 400 — No boost slots were specified. */
  BOOSTS_EMPTY: 400;
  /** 400 — The specified channel must first be boosted by its users in order to perform this action. */
  BOOSTS_REQUIRED: 400;
  /** 400 — The specified boost_peer is invalid. */
  BOOST_PEER_INVALID: 400;
  /** 400 — There are too many bots in this chat/channel. */
  BOTS_TOO_MUCH: 400;
  /** 403 — The specified method can be used over a business connection for some operations, but the specified query attempted an operation that is not allowed over a business connection. */
  BOT_ACCESS_FORBIDDEN: 403;
  /** 400 — The connected business bot was already disabled for the specified peer. */
  BOT_ALREADY_DISABLED: 400;
  /** 400 — The bot_id passed in the inputBotAppShortName constructor is invalid. */
  BOT_APP_BOT_INVALID: 400;
  /** 400 — The specified bot app is invalid. */
  BOT_APP_INVALID: 400;
  /** 400 — The specified bot app short name is invalid. */
  BOT_APP_SHORTNAME_INVALID: 400;
  /** 400 — The specified bot is not a business bot (the [`user`](https://core.telegram.org/constructor/user).bot_business flag is not set). */
  BOT_BUSINESS_MISSING: 400;
  /** 400 — Bots can't edit admin privileges. */
  BOT_CHANNELS_NA: 400;
  /** 400 — The specified command description is invalid. */
  BOT_COMMAND_DESCRIPTION_INVALID: 400;
  /** 400 — The specified command is invalid. */
  BOT_COMMAND_INVALID: 400;
  /** 400 — Bot domain invalid. */
  BOT_DOMAIN_INVALID: 400;
  /** 400 — The fallback flag can't be set for bots. */
  BOT_FALLBACK_UNSUPPORTED: 400;
  /** 400 — Bot games cannot be used in this type of chat */
  BOT_GAMES_DISABLED: 400;
  /** 400 — This bot can't be added to groups. */
  BOT_GROUPS_BLOCKED: 400;
  /** 400 — This bot can't be used in inline mode. */
  BOT_INLINE_DISABLED: 400;
  /** 400 — This is not a valid bot. */
  BOT_INVALID: 400;
  /** 400 — The specified invoice is invalid. */
  BOT_INVOICE_INVALID: 400;
  /** 400 — The API access for bot users is restricted. The method you tried to invoke cannot be executed as a bot */
  BOT_METHOD_INVALID: 400;
  /** 400 — Only bots can call this method, please use [@stickers](https://t.me/stickers) if you're a user. */
  BOT_MISSING: 400;
  /** 400 — No business bot is connected to the currently logged in user. */
  BOT_NOT_CONNECTED_YET: 400;
  /** 400 — Bots can't pin messages in PM just for themselves. */
  BOT_ONESIDE_NOT_AVAIL: 400;
  /** 400 — Please enable bot payments in botfather before calling this method. */
  BOT_PAYMENTS_DISABLED: 400;
  /** 400 — You cannot create polls under a bot account */
  BOT_POLLS_DISABLED: 400;
  /** 400 — A timeout occurred while fetching data from the bot. */
  BOT_RESPONSE_TIMEOUT: 400;
  /** 400 — The score wasn't modified. */
  BOT_SCORE_NOT_MODIFIED: 400;
  /** 403 — This bot cannot assign verification icons. */
  BOT_VERIFIER_FORBIDDEN: 403;
  /** 400 — A webview cannot be opened in the specified conditions: emitted for example if from_bot_menu or url are set and peer is not the chat with the bot. */
  BOT_WEBVIEW_DISABLED: 400;
  /** 400 */
  BROADCAST_CALLS_DISABLED: 400;
  /** 403 — Participants of polls in channels should stay anonymous. */
  BROADCAST_FORBIDDEN: 403;
  /** 400 — Broadcast ID invalid. */
  BROADCAST_ID_INVALID: 400;
  /** 400 — You can't forward polls with public voters. */
  BROADCAST_PUBLIC_VOTERS_FORBIDDEN: 400;
  /** 400 — This method can only be called on a channel, please use stats.getMegagroupStats for supergroups. */
  BROADCAST_REQUIRED: 400;
  /** 406 — The user is currently advertising a Business Location, the location may only be changed (or removed) using [`account.updateBusinessLocation`](https://core.telegram.org/method/account.updateBusinessLocation). . */
  BUSINESS_ADDRESS_ACTIVE: 406;
  /** 400 — The connection_id passed to the wrapping invokeWithBusinessConnection call is invalid. */
  BUSINESS_CONNECTION_INVALID: 400;
  /** 400 — Messages can't be set to the specified peer through the current business connection. */
  BUSINESS_PEER_INVALID: 400;
  /** 400 — You cannot send a message to a user through a business connection if the user hasn't recently contacted us. */
  BUSINESS_PEER_USAGE_MISSING: 400;
  /** 400 — You didn't set any flag in inputBusinessBotRecipients, thus the bot cannot work with any peer. */
  BUSINESS_RECIPIENTS_EMPTY: 400;
  /** 400 — No work hours were specified. */
  BUSINESS_WORK_HOURS_EMPTY: 400;
  /** 400 — The specified work hours are invalid, see here » for the exact requirements. */
  BUSINESS_WORK_HOURS_PERIOD_INVALID: 400;
  /** 400 — The specified [`keyboardButtonCopy`](https://core.telegram.org/constructor/keyboardButtonCopy).copy_text is invalid. */
  BUTTON_COPY_TEXT_INVALID: 400;
  /** 400 — The data of one or more of the buttons you provided is invalid. */
  BUTTON_DATA_INVALID: 400;
  /** 400 — The specified button ID is invalid. */
  BUTTON_ID_INVALID: 400;
  /** 400 — The specified button is invalid. */
  BUTTON_INVALID: 400;
  /** 400 — The position of one of the keyboard buttons is invalid (i.e. a Game or Pay button not in the first position, and so on...). */
  BUTTON_POS_INVALID: 400;
  /** 400 — The specified button text is invalid. */
  BUTTON_TEXT_INVALID: 400;
  /** 400 — The type of one or more of the buttons you provided is invalid. */
  BUTTON_TYPE_INVALID: 400;
  /** 400 — Button URL invalid. */
  BUTTON_URL_INVALID: 400;
  /** 400 — The user_id passed to inputKeyboardButtonUserProfile is invalid! */
  BUTTON_USER_INVALID: 400;
  /** 400 — The privacy setting of the user specified in a [inputKeyboardButtonUserProfile](/constructor/inputKeyboardButtonUserProfile) button do not allow creating such a button. */
  BUTTON_USER_PRIVACY_RESTRICTED: 400;
  /** 400 — The call was already accepted. */
  CALL_ALREADY_ACCEPTED: 400;
  /** 400 — The call was already declined. */
  CALL_ALREADY_DECLINED: 400;
  /** 400 — The call failed because the user is already making another call. */
  CALL_OCCUPY_FAILED: 400;
  /** 400 — The provided call peer object is invalid. */
  CALL_PEER_INVALID: 400;
  /** 406 — The other side of the call does not support any of the VoIP protocols supported by the local client, as specified by the protocol.layer and protocol.library_versions fields. */
  CALL_PROTOCOL_COMPAT_LAYER_INVALID: 406;
  /** 400 — Call protocol flags invalid. */
  CALL_PROTOCOL_FLAGS_INVALID: 400;
  /** 400 — The specified protocol layer version range is invalid. */
  CALL_PROTOCOL_LAYER_INVALID: 400;
  /** 400 — You can't call this method in a CDN DC. */
  CDN_METHOD_INVALID: 400;
  /** 500 — A server-side timeout occurred while reuploading the file to the CDN DC. */
  CDN_UPLOAD_TIMEOUT: 500;
  /** 400 — The user has reached the limit of public geogroups. */
  CHANNELS_ADMIN_LOCATED_TOO_MUCH: 400;
  /** 400 — You're admin of too many public channels, make some channels private to change the username of this channel. */
  CHANNELS_ADMIN_PUBLIC_TOO_MUCH: 400;
  /** 400 — You have joined too many channels/supergroups. */
  CHANNELS_TOO_MUCH: 400;
  /** 400 — The channel is banned */
  CHANNEL_BANNED: 400;
  /** 400 — This supergroup is not a forum. */
  CHANNEL_FORUM_MISSING: 400;
  /** 400 — The specified supergroup ID is invalid. */
  CHANNEL_ID_INVALID: 400;
  /** 400 — The provided channel is invalid. */
  CHANNEL_INVALID: 400;
  /** 400 — Monoforums do not support this feature. */
  CHANNEL_MONOFORUM_UNSUPPORTED: 400;
  /** 400 — The current user is not in the channel. */
  CHANNEL_PARICIPANT_MISSING: 400;
  /** 400 — You haven't joined this channel/supergroup. */
  CHANNEL_PRIVATE: 400;
  /** 403 — channel/supergroup not available. */
  CHANNEL_PUBLIC_GROUP_NA: 403;
  /** 400 — This channel has too many participants (>1000) to be deleted. */
  CHANNEL_TOO_BIG: 400;
  /** 400 — Channel is too large to be deleted; this error is issued when trying to delete channels with more than 1000 members (subject to change). */
  CHANNEL_TOO_LARGE: 400;
  /** 400 — The transaction was already refunded. */
  CHARGE_ALREADY_REFUNDED: 400;
  /** 400 — The specified charge_id is empty. */
  CHARGE_ID_EMPTY: 400;
  /** 400 — The specified charge_id is invalid. */
  CHARGE_ID_INVALID: 400;
  /** 400 — Too many business chat links were created, please delete some older links. */
  CHATLINKS_TOO_MUCH: 400;
  /** 400 — The specified slug is empty. */
  CHATLINK_SLUG_EMPTY: 400;
  /** 400 — The specified business chat link has expired. */
  CHATLINK_SLUG_EXPIRED: 400;
  /** 400 — You have created too many folder links, hitting the chatlist_invites_limit_default/chatlist_invites_limit_premium limits ». */
  CHATLISTS_TOO_MUCH: 400;
  /** 400 — The specified exclude_peers are invalid. */
  CHATLIST_EXCLUDE_INVALID: 400;
  /** 400 — About text has not changed. */
  CHAT_ABOUT_NOT_MODIFIED: 400;
  /** 400 — Chat about too long. */
  CHAT_ABOUT_TOO_LONG: 400;
  /** 403 — You cannot execute this action. */
  CHAT_ACTION_FORBIDDEN: 403;
  /** 403 — You do not have the rights to do this. */
  CHAT_ADMIN_INVITE_REQUIRED: 403;
  /** 400 — You must be an admin in this chat to do this. */
  CHAT_ADMIN_REQUIRED: 400;
  /** 400 — You can't enable forum topics in a discussion group linked to a channel. */
  CHAT_DISCUSSION_UNALLOWED: 400;
  /** 403 — You cannot write in this chat */
  CHAT_FORBIDDEN: 403;
  /** 400 — You can't forward messages from a protected chat. */
  CHAT_FORWARDS_RESTRICTED: 400;
  /** 500 */
  CHAT_GET_FAILED: 500;
  /** 403 — You join the discussion group before commenting, see [here &raquo;](/api/discussion#requiring-users-to-join-the-group) for more info. */
  CHAT_GUEST_SEND_FORBIDDEN: 403;
  /** 400 — The provided chat ID is empty. */
  CHAT_ID_EMPTY: 400;
  /** 500 — Failure while generating the chat ID. */
  CHAT_ID_GENERATE_FAILED: 500;
  /** 400 — The provided chat id is invalid. */
  CHAT_ID_INVALID: 400;
  /** 400 — Invalid chat. */
  CHAT_INVALID: 400;
  /** 400 — You can't set an expiration date on permanent invite links. */
  CHAT_INVITE_PERMANENT: 400;
  /** 400 — The chat is public, you can't hide the history to new users. */
  CHAT_LINK_EXISTS: 400;
  /** 400 — Could not add participants. */
  CHAT_MEMBER_ADD_FAILED: 400;
  /** 400 — The pinned message wasn't modified. */
  CHAT_NOT_MODIFIED: 400;
  /** 400 — You can only enable join requests in public groups. */
  CHAT_PUBLIC_REQUIRED: 400;
  /** 400 — You can't send messages in this chat, you were restricted. */
  CHAT_RESTRICTED: 400;
  /** 400 — `min_date` and `max_date` are not available for using with non-user peers. */
  CHAT_REVOKE_DATE_UNSUPPORTED: 400;
  /** 403 — You can't send audio messages in this chat. */
  CHAT_SEND_AUDIOS_FORBIDDEN: 403;
  /** 403 — You can't send documents in this chat. */
  CHAT_SEND_DOCS_FORBIDDEN: 403;
  /** 403 — You can't send a game to this chat. */
  CHAT_SEND_GAME_FORBIDDEN: 403;
  /** 403 — You can't send gifs in this chat. */
  CHAT_SEND_GIFS_FORBIDDEN: 403;
  /** 400 — You can't send inline messages in this group. */
  CHAT_SEND_INLINE_FORBIDDEN: 400;
  /** 403 — You can't send media in this chat. */
  CHAT_SEND_MEDIA_FORBIDDEN: 403;
  /** 403 — You can't send photos in this chat. */
  CHAT_SEND_PHOTOS_FORBIDDEN: 403;
  /** 403 — You can't send non-media (text) messages in this chat. */
  CHAT_SEND_PLAIN_FORBIDDEN: 403;
  /** 403 — You can't send polls in this chat. */
  CHAT_SEND_POLL_FORBIDDEN: 403;
  /** 403 — You can't send round videos to this chat. */
  CHAT_SEND_ROUNDVIDEOS_FORBIDDEN: 403;
  /** 403 — You can't send stickers in this chat. */
  CHAT_SEND_STICKERS_FORBIDDEN: 403;
  /** 403 — You can't send videos in this chat. */
  CHAT_SEND_VIDEOS_FORBIDDEN: 403;
  /** 403 — You can't send voice recordings in this chat. */
  CHAT_SEND_VOICES_FORBIDDEN: 403;
  /** 403 — You can't send webpage previews to this chat. */
  CHAT_SEND_WEBPAGE_FORBIDDEN: 403;
  /** 400 — No chat title provided. */
  CHAT_TITLE_EMPTY: 400;
  /** 400 — This method is not available for groups with more than `chat_read_mark_size_threshold` members, [see client configuration &raquo;](https://core.telegram.org/api/config#client-configuration). */
  CHAT_TOO_BIG: 400;
  /** 403 — The specified user type is invalid. */
  CHAT_TYPE_INVALID: 403;
  /** 403 — You can't write in this chat. */
  CHAT_WRITE_FORBIDDEN: 403;
  /** 500 — The statistics cannot be retrieved at this time */
  CHP_CALL_FAIL: 500;
  /** 400 — The provided code is empty. */
  CODE_EMPTY: 400;
  /** 400 — Code hash invalid. */
  CODE_HASH_INVALID: 400;
  /** 400 — Code invalid. */
  CODE_INVALID: 400;
  /** 400 — The specified collectible is invalid. */
  COLLECTIBLE_INVALID: 400;
  /** 400 — The specified collectible could not be found. */
  COLLECTIBLE_NOT_FOUND: 400;
  /** 400 */
  COLLECTION_ID_INVALID: 400;
  /** 400 — The specified color palette ID was invalid. */
  COLOR_INVALID: 400;
  /** 400 — The provided API id is invalid. */
  CONNECTION_API_ID_INVALID: 400;
  /** 400 — App version is empty. */
  CONNECTION_APP_VERSION_EMPTY: 400;
  /** 400 — Device model empty */
  CONNECTION_DEVICE_MODEL_EMPTY: 400;
  /** 400 — The specified connection ID is invalid. */
  CONNECTION_ID_INVALID: 400;
  /** 400 — The specified language pack is not valid. This is meant to be used by official applications only so far, leave it empty */
  CONNECTION_LANG_PACK_INVALID: 400;
  /** 400 — Layer invalid. */
  CONNECTION_LAYER_INVALID: 400;
  /** 400 — Connection not initialized */
  CONNECTION_NOT_INITED: 400;
  /** 400 — Connection system empty */
  CONNECTION_SYSTEM_EMPTY: 400;
  /** 400 — The system language string was empty during connection */
  CONNECTION_SYSTEM_LANG_CODE_EMPTY: 400;
  /** 400 — Contact to add is missing. */
  CONTACT_ADD_MISSING: 400;
  /** 400 — The provided contact ID is invalid. */
  CONTACT_ID_INVALID: 400;
  /** 400 — The specified user is not a contact. */
  CONTACT_MISSING: 400;
  /** 400 — Contact name empty. */
  CONTACT_NAME_EMPTY: 400;
  /** 400 — Missing contact request. */
  CONTACT_REQ_MISSING: 400;
  /** 400 — An error occurred while creating the call. */
  CREATE_CALL_FAILED: 400;
  /** 400 */
  CREDENTIAL_INVALID: 400;
  /** 400 — The total amount of all prices is invalid. */
  CURRENCY_TOTAL_AMOUNT_INVALID: 400;
  /** 400 — Too many custom reactions were specified. */
  CUSTOM_REACTIONS_TOO_MANY: 400;
  /** 400 — The size of the specified secureValueErrorData.data_hash is invalid. */
  DATA_HASH_SIZE_INVALID: 400;
  /** 400 — Encrypted data invalid. */
  DATA_INVALID: 400;
  /** 400 — The provided JSON data is invalid. */
  DATA_JSON_INVALID: 400;
  /** 400 — Data too long. */
  DATA_TOO_LONG: 400;
  /** 400 — Date empty. */
  DATE_EMPTY: 400;
  /** 400 — The provided DC ID is invalid. */
  DC_ID_INVALID: 400;
  /** 400 — g_a invalid. */
  DH_G_A_INVALID: 400;
  /** 400 — The specified document is invalid. */
  DOCUMENT_INVALID: 400;
  /** 403 — Normal users can't edit invites that were created by bots. */
  EDIT_BOT_INVITE_FORBIDDEN: 403;
  /** 400 */
  EFFECT_CHAT_INVALID: 400;
  /** 400 — The specified effect ID is invalid. */
  EFFECT_ID_INVALID: 400;
  /** 400 — Email hash expired. */
  EMAIL_HASH_EXPIRED: 400;
  /** 400 */
  EMAIL_INSTALL_MISSING: 400;
  /** 400 — The specified email is invalid. */
  EMAIL_INVALID: 400;
  /** 400 — The specified email cannot be used to complete the operation. */
  EMAIL_NOT_ALLOWED: 400;
  /** 400 — In order to change the login email with emailVerifyPurposeLoginChange, an existing login email must already be set using emailVerifyPurposeLoginSetup. */
  EMAIL_NOT_SETUP: 400;
  /** 400 — Email unconfirmed. */
  EMAIL_UNCONFIRMED: 400;
  /** 400 — Email unconfirmed, the length of the code must be %d */
  'EMAIL_UNCONFIRMED_%d': 400;
  /** 400 — The verification email has expired. */
  EMAIL_VERIFY_EXPIRED: 400;
  /** 400 — The specified theme emoji is valid. */
  EMOJI_INVALID: 400;
  /** 400 — The specified `video_emoji_markup` was invalid. */
  EMOJI_MARKUP_INVALID: 400;
  /** 400 — The theme wasn't changed. */
  EMOJI_NOT_MODIFIED: 400;
  /** 400 — The emoji is empty. */
  EMOTICON_EMPTY: 400;
  /** 400 — The specified emoji is invalid. */
  EMOTICON_INVALID: 400;
  /** 400 — inputStickerSetDice.emoji cannot be empty. */
  EMOTICON_STICKERPACK_MISSING: 400;
  /** 400 — Encrypted message invalid. */
  ENCRYPTED_MESSAGE_INVALID: 400;
  /** 400 — Secret chat already accepted. */
  ENCRYPTION_ALREADY_ACCEPTED: 400;
  /** 400 — The secret chat was already declined. */
  ENCRYPTION_ALREADY_DECLINED: 400;
  /** 400 — The secret chat was declined. */
  ENCRYPTION_DECLINED: 400;
  /** 500 */
  ENCRYPTION_DECLINE_ADMIN_FAILED: 500;
  /** 400 — The provided secret chat ID is invalid. */
  ENCRYPTION_ID_INVALID: 400;
  /** 500 — TDLib developer claimed it is not an error while accepting secret chats and 500 is used instead of 420 */
  ENCRYPTION_OCCUPY_FAILED: 500;
  /** 400 — You provided too many styled message entities. */
  ENTITIES_TOO_LONG: 400;
  /** 400 — A specified [entity offset or length](/api/entities#entity-length) is invalid, see [here &raquo;](/api/entities#entity-length) for info on how to properly compute the entity offset/length. */
  ENTITY_BOUNDS_INVALID: 400;
  /** 400 — You mentioned an invalid user. */
  ENTITY_MENTION_USER_INVALID: 400;
  /** 400 — The provided error message is empty. */
  ERROR_TEXT_EMPTY: 400;
  /** 400 — The specified expires_at timestamp is invalid. */
  EXPIRES_AT_INVALID: 400;
  /** 400 — The specified expiration date is invalid. */
  EXPIRE_DATE_INVALID: 400;
  /** 400 */
  EXPIRE_FORBIDDEN: 400;
  /** 400 — Provided card is invalid. */
  EXPORT_CARD_INVALID: 400;
  /** 400 — The specified stars_amount of the passed [`inputMediaPaidMedia`](https://core.telegram.org/constructor/inputMediaPaidMedia) is invalid. */
  EXTENDED_MEDIA_AMOUNT_INVALID: 400;
  /** 400 */
  EXTENDED_MEDIA_EMPTY: 400;
  /** 400 — The specified paid media is invalid. */
  EXTENDED_MEDIA_INVALID: 400;
  /** 400 — External URL invalid. */
  EXTERNAL_URL_INVALID: 400;
  /** 400 — The field with the name FIELD_NAME is missing */
  FIELD_NAME_EMPTY: 400;
  /** 400 — The field with the name FIELD_NAME is invalid */
  FIELD_NAME_INVALID: 400;
  /** 406 — The client has to be updated in order to support [file references](https://core.telegram.org/api/file_reference). */
  FILEREF_UPGRADE_NEEDED: 406;
  /** 400 — File content-type is invalid. */
  FILE_CONTENT_TYPE_INVALID: 400;
  /** 400 — An empty file was provided. */
  FILE_EMTPY: 400;
  /** 400 — The provided file id is invalid. */
  FILE_ID_INVALID: 400;
  /** 303 — The file to be accessed is currently stored in DC %d */
  'FILE_MIGRATE_%d': 303;
  /** 400 — The number of file parts is invalid. */
  FILE_PARTS_INVALID: 400;
  /** 400 — Part %d of the file is missing from storage */
  'FILE_PART_%d_MISSING': 400;
  /** 400 — File part 0 missing */
  FILE_PART_0_MISSING: 400;
  /** 400 — The provided file part is empty. */
  FILE_PART_EMPTY: 400;
  /** 400 — The file part number is invalid. */
  FILE_PART_INVALID: 400;
  /** 400 — The length of a file part is invalid. */
  FILE_PART_LENGTH_INVALID: 400;
  /** 400 — Provided file part size has changed. */
  FILE_PART_SIZE_CHANGED: 400;
  /** 400 — The provided file part size is invalid. */
  FILE_PART_SIZE_INVALID: 400;
  /** 400 — The uploaded file part is too big. */
  FILE_PART_TOO_BIG: 400;
  /** 400 — The size of the uploaded file part is too small, please see the documentation for the allowed sizes. */
  FILE_PART_TOO_SMALL: 400;
  /** 400 */
  'FILE_REFERENCE_%d_EMPTY': 400;
  /** 400 — The file reference of the media file at index %d in the passed media array expired, it must be refreshed as specified in the documentation. . */
  'FILE_REFERENCE_%d_EXPIRED': 400;
  /** 400 — The file reference of the media file at index %d in the passed media array is invalid. */
  'FILE_REFERENCE_%d_INVALID': 400;
  /** 400 — An empty [file reference](https://core.telegram.org/api/file_reference) was specified. */
  FILE_REFERENCE_EMPTY: 400;
  /** 400 — File reference expired, it must be refetched as described in [the documentation](https://core.telegram.org/api/file_reference). */
  FILE_REFERENCE_EXPIRED: 400;
  /** 400 — The specified [file reference](https://core.telegram.org/api/file_reference) is invalid. */
  FILE_REFERENCE_INVALID: 400;
  /** 400 — An empty file title was specified. */
  FILE_TITLE_EMPTY: 400;
  /** 400 — The specified file token is invalid. */
  FILE_TOKEN_INVALID: 400;
  /** 400 — The specified filter ID is invalid. */
  FILTER_ID_INVALID: 400;
  /** 400 — The include_peers vector of the filter is empty. */
  FILTER_INCLUDE_EMPTY: 400;
  /** 400 — The specified filter cannot be used in this context. */
  FILTER_NOT_SUPPORTED: 400;
  /** 400 — The title field of the filter is empty. */
  FILTER_TITLE_EMPTY: 400;
  /** 400 — The first name is invalid. */
  FIRSTNAME_INVALID: 400;
  /** 420 — Please wait %d seconds before repeating the action, or purchase a Telegram Premium subscription to remove this rate limit. */
  'FLOOD_PREMIUM_WAIT_%d': 420;
  /** 420 — A wait of %d seconds is required in the test servers */
  'FLOOD_TEST_PHONE_WAIT_%d': 420;
  /** 420 — A wait of %d seconds is required */
  'FLOOD_WAIT_%d': 420;
  /** 400 — An empty folder ID was specified. */
  FOLDER_ID_EMPTY: 400;
  /** 400 — Invalid folder ID. */
  FOLDER_ID_INVALID: 400;
  /** 400 — The form was generated more than 10 minutes ago and has expired, please re-generate it using [`payments.getPaymentForm`](https://core.telegram.org/method/payments.getPaymentForm) and pass the new form_id. */
  FORM_EXPIRED: 400;
  /** 400 — The specified form ID is empty. */
  FORM_ID_EMPTY: 400;
  /** 400 — The same payment form was already submitted. . */
  FORM_SUBMIT_DUPLICATE: 400;
  /** 400 — Please update your client. */
  FORM_UNSUPPORTED: 400;
  /** 400 — You can't execute the specified action because the group is a forum, disable forum functionality to continue. */
  FORUM_ENABLED: 400;
  /** 400 — You were just elected admin, you can't add or modify other admins yet. */
  FRESH_CHANGE_ADMINS_FORBIDDEN: 400;
  /** 406 — You can't change phone number right after logging in, please wait at least 24 hours. */
  FRESH_CHANGE_PHONE_FORBIDDEN: 406;
  /** 406 — You can't logout other sessions if less than 24 hours have passed since you logged on the current session. */
  FRESH_RESET_AUTHORISATION_FORBIDDEN: 406;
  /** 400 — Bots can't use fromMessage min constructors. */
  FROM_MESSAGE_BOT_DISABLED: 400;
  /** 400 — The specified from_id is invalid. */
  FROM_PEER_INVALID: 400;
  /** 420 — The current account is frozen, and thus cannot execute the specified action. */
  FROZEN_METHOD_INVALID: 420;
  /** 400 — The current account is frozen, and cannot access the specified peer. */
  FROZEN_PARTICIPANT_MISSING: 400;
  /** 400 — Bots can't send another bot's game. */
  GAME_BOT_INVALID: 400;
  /** 400 — You can't modify the icon of the "General" topic. */
  GENERAL_MODIFY_ICON_FORBIDDEN: 400;
  /** 400 — Invalid geoposition provided. */
  GEO_POINT_INVALID: 400;
  /** 400 — The value passed in invoice.inputInvoicePremiumGiftStars.months is invalid. */
  GIFT_MONTHS_INVALID: 400;
  /** 400 — The specified gift slug has expired. */
  GIFT_SLUG_EXPIRED: 400;
  /** 400 — The specified slug is invalid. */
  GIFT_SLUG_INVALID: 400;
  /** 400 — The specified amount of stars is invalid. */
  GIFT_STARS_INVALID: 400;
  /** 400 — GIF content-type invalid. */
  GIF_CONTENT_TYPE_INVALID: 400;
  /** 400 — The provided GIF ID is invalid. */
  GIF_ID_INVALID: 400;
  /** 400 — This graph has expired, please obtain a new graph token. */
  GRAPH_EXPIRED_RELOAD: 400;
  /** 400 — Invalid graph token provided, please reload the stats and provide the updated token. */
  GRAPH_INVALID_RELOAD: 400;
  /** 400 — The graph is outdated, please get a new async token using stats.getBroadcastStats. */
  GRAPH_OUTDATED_RELOAD: 400;
  /** 500 */
  GROUPCALL_ADD_PARTICIPANTS_FAILED: 500;
  /** 400 — The group call was already discarded. */
  GROUPCALL_ALREADY_DISCARDED: 400;
  /** 403 — The groupcall has already started, you can join directly using [phone.joinGroupCall](https://core.telegram.org/method/phone.joinGroupCall). */
  GROUPCALL_ALREADY_STARTED: 403;
  /** 400 — The group call has already ended. */
  GROUPCALL_FORBIDDEN: 400;
  /** 400 — The specified group call is invalid. */
  GROUPCALL_INVALID: 400;
  /** 400 — You haven't joined this group call. */
  GROUPCALL_JOIN_MISSING: 400;
  /** 400 — Group call settings weren't modified. */
  GROUPCALL_NOT_MODIFIED: 400;
  /** 400 — The app needs to retry joining the group call with a new SSRC value. */
  GROUPCALL_SSRC_DUPLICATE_MUCH: 400;
  /** 400 — Invalid grouped media. */
  GROUPED_MEDIA_INVALID: 400;
  /** 400 — Group call invalid */
  GROUP_CALL_INVALID: 400;
  /** 400 — The specified hashtag is invalid. */
  HASHTAG_INVALID: 400;
  /** 400 — The provided hash is invalid. */
  HASH_INVALID: 400;
  /** 400 — The size of the specified secureValueError.hash is invalid. */
  HASH_SIZE_INVALID: 400;
  /** 400 — The join request was missing or was already handled. */
  HIDE_REQUESTER_MISSING: 400;
  /** 500 — Fetching of history failed */
  HISTORY_GET_FAILED: 500;
  /** 400 — The passed prepared inline message ID has expired. */
  ID_EXPIRED: 400;
  /** 400 — The passed ID is invalid. */
  ID_INVALID: 400;
  /** 400 — Failure while processing image. */
  IMAGE_PROCESS_FAILED: 400;
  /** 400 — The specified chat export file is invalid. */
  IMPORT_FILE_INVALID: 400;
  /** 400 — The date specified in the import file is invalid. */
  IMPORT_FORMAT_DATE_INVALID: 400;
  /** 400 — The specified chat export file was exported from an unsupported chat app. */
  IMPORT_FORMAT_UNRECOGNIZED: 400;
  /** 400 — The specified import ID is invalid. */
  IMPORT_ID_INVALID: 400;
  /** 400 — The specified token is invalid. */
  IMPORT_TOKEN_INVALID: 400;
  /** 403 — Only the inline bot can edit message. */
  INLINE_BOT_REQUIRED: 403;
  /** 400 — The inline query expired. */
  INLINE_RESULT_EXPIRED: 400;
  /** 400 — The specified folder is invalid. */
  INPUT_CHATLIST_INVALID: 400;
  /** 400 — The provided constructor is invalid */
  INPUT_CONSTRUCTOR_INVALID: 400;
  /** 400 — An error occurred while deserializing TL parameters */
  INPUT_FETCH_ERROR: 400;
  /** 400 — Failed deserializing TL payload */
  INPUT_FETCH_FAIL: 400;
  /** 400 — The specified InputFile is invalid. */
  INPUT_FILE_INVALID: 400;
  /** 400 — The specified filter is invalid. */
  INPUT_FILTER_INVALID: 400;
  /** 400 — The provided layer is invalid */
  INPUT_LAYER_INVALID: 400;
  /** 400 — The invoked method does not exist anymore or has never existed */
  INPUT_METHOD_INVALID: 400;
  /** 400 — The specified peer array is empty. */
  INPUT_PEERS_EMPTY: 400;
  /** 400 — The specified payment purpose is invalid. */
  INPUT_PURPOSE_INVALID: 400;
  /** 400 — The input request was too long. This may be a bug in the library as it can occur when serializing more bytes than it should (like appending the vector constructor code at the end of a message) */
  INPUT_REQUEST_TOO_LONG: 400;
  /** 400 */
  INPUT_STARS_AMOUNT_INVALID: 400;
  /** 400 */
  INPUT_STARS_NANOS_INVALID: 400;
  /** 400 — The specified text is empty. */
  INPUT_TEXT_EMPTY: 400;
  /** 400 — The specified text is too long. */
  INPUT_TEXT_TOO_LONG: 400;
  /** 400 — The specified user was deleted. */
  INPUT_USER_DEACTIVATED: 400;
  /** 500 — An error occurred while communicating with DC %d */
  'INTERDC_%d_CALL_ERROR': 500;
  /** 500 — A rich error occurred while communicating with DC %d */
  'INTERDC_%d_CALL_RICH_ERROR': 500;
  /** 400 — The maximum number of per-folder invites specified by the `chatlist_invites_limit_default`/`chatlist_invites_limit_premium` [client configuration parameters &raquo;](/api/config#chatlist-invites-limit-default) was reached. */
  INVITES_TOO_MUCH: 400;
  /** 400 — If the user has anonymously joined a group call as a channel, they can't invite other users to the group call because that would cause deanonymization, because the invite would be sent using the original user ID, not the anonymized channel ID. */
  INVITE_FORBIDDEN_WITH_JOINAS: 400;
  /** 400 — The invite hash is empty. */
  INVITE_HASH_EMPTY: 400;
  /** 400 — The invite link has expired. */
  INVITE_HASH_EXPIRED: 400;
  /** 400 — The invite hash is invalid. */
  INVITE_HASH_INVALID: 400;
  /** 400 — You have successfully requested to join this chat or channel. */
  INVITE_REQUEST_SENT: 400;
  /** 400 — The specified invite link was already revoked or is invalid. */
  INVITE_REVOKED_MISSING: 400;
  /** 400 — The specified invite slug is empty. */
  INVITE_SLUG_EMPTY: 400;
  /** 400 — The specified chat folder link has expired. */
  INVITE_SLUG_EXPIRED: 400;
  /** 400 — The specified invitation slug is invalid. */
  INVITE_SLUG_INVALID: 400;
  /** 400 — The specified invoice is invalid. */
  INVOICE_INVALID: 400;
  /** 400 — The specified invoice payload is invalid. */
  INVOICE_PAYLOAD_INVALID: 400;
  /** -500 — Invalid msg_resend_req query. */
  'Invalid msg_resend_req query': -500;
  /** -500 — Invalid msgs_ack query. */
  'Invalid msgs_ack query': -500;
  /** -500 — Invalid msgs_state_req query. */
  'Invalid msgs_state_req query': -500;
  /** 400 — The specified peer cannot be used to join a group call. */
  JOIN_AS_PEER_INVALID: 400;
  /** 400 — The specified lang_code is invalid. */
  LANGUAGE_INVALID: 400;
  /** 400 — The specified language code is invalid. */
  LANG_CODE_INVALID: 400;
  /** 400 — The specified language code is not supported. */
  LANG_CODE_NOT_SUPPORTED: 400;
  /** 400 — The provided language pack is invalid. */
  LANG_PACK_INVALID: 400;
  /** 400 — The last name is invalid. */
  LASTNAME_INVALID: 400;
  /** 400 — The provided limit is invalid. */
  LIMIT_INVALID: 400;
  /** 400 — Discussion link not modified. */
  LINK_NOT_MODIFIED: 400;
  /** 400 — The provided location is invalid. */
  LOCATION_INVALID: 400;
  /** 400 — The specified maximum date is invalid. */
  MAX_DATE_INVALID: 400;
  /** 400 — The provided max ID is invalid. */
  MAX_ID_INVALID: 400;
  /** 400 — The specified max_qts is invalid. */
  MAX_QTS_INVALID: 400;
  /** 400 — The MD5 checksums do not match. */
  MD5_CHECKSUM_INVALID: 400;
  /** 400 — You already paid for the specified media. */
  MEDIA_ALREADY_PAID: 400;
  /** 400 — The caption is too long. */
  MEDIA_CAPTION_TOO_LONG: 400;
  /** 400 — The provided media object is invalid. */
  MEDIA_EMPTY: 400;
  /** 400 — The specified media file is invalid. */
  MEDIA_FILE_INVALID: 400;
  /** 400 — You tried to send media of different types in an album. */
  MEDIA_GROUPED_INVALID: 400;
  /** 400 — Media invalid. */
  MEDIA_INVALID: 400;
  /** 400 — The new media is invalid. */
  MEDIA_NEW_INVALID: 400;
  /** 400 — Previous media invalid. */
  MEDIA_PREV_INVALID: 400;
  /** 400 */
  MEDIA_TTL_INVALID: 400;
  /** 400 — The specified media type cannot be used in stories. */
  MEDIA_TYPE_INVALID: 400;
  /** 400 — A non-story video cannot be repubblished as a story (emitted when trying to resend a non-story video as a story using inputDocument). */
  MEDIA_VIDEO_STORY_MISSING: 400;
  /** 400 — This method can only be invoked on a geogroup. */
  MEGAGROUP_GEO_REQUIRED: 400;
  /** 400 — Invalid supergroup ID. */
  MEGAGROUP_ID_INVALID: 400;
  /** 400 — Group with hidden history for new members can't be set as discussion groups. */
  MEGAGROUP_PREHISTORY_HIDDEN: 400;
  /** 400 — You can only use this method on a supergroup. */
  MEGAGROUP_REQUIRED: 400;
  /** 500 — An internal failure occurred while fetching user info (couldn't find location) */
  MEMBER_NO_LOCATION: 500;
  /** 500 — Occupation of primary member location failed */
  MEMBER_OCCUPY_PRIMARY_LOC_FAILED: 500;
  /** 403 — Message author required. */
  MESSAGE_AUTHOR_REQUIRED: 403;
  /** 403 — You can't delete one of the messages you tried to delete, most likely because it is a service message. */
  MESSAGE_DELETE_FORBIDDEN: 403;
  /** 400 — You can't edit this message anymore, too much time has passed since its creation. */
  MESSAGE_EDIT_TIME_EXPIRED: 400;
  /** 400 — The provided message is empty. */
  MESSAGE_EMPTY: 400;
  /** 400 — No message ids were provided. */
  MESSAGE_IDS_EMPTY: 400;
  /** 400 — The provided message id is invalid. */
  MESSAGE_ID_INVALID: 400;
  /** 400 — The provided message data is identical to the previous message data, the message wasn't modified. */
  MESSAGE_NOT_MODIFIED: 400;
  /** 400 — The specified message wasn't read yet. */
  MESSAGE_NOT_READ_YET: 400;
  /** 400 — Poll closed. */
  MESSAGE_POLL_CLOSED: 400;
  /** 400 */
  MESSAGE_REQUIRED: 400;
  /** 400 — The provided message is too long. */
  MESSAGE_TOO_LONG: 400;
  /** 400 — The message is too old, the requested information is not available. */
  MESSAGE_TOO_OLD: 400;
  /** 400 — The specified method is invalid. */
  METHOD_INVALID: 400;
  /** 400 — The specified minimum date is invalid. */
  MIN_DATE_INVALID: 400;
  /** 400 — The number of months specified in inputInvoicePremiumGiftStars.months is invalid. */
  MONTH_INVALID: 400;
  /** 500 — The request should be retried with a lower message ID */
  MSGID_DECREASE_RETRY: 500;
  /** 400 — Invalid message ID provided. */
  MSG_ID_INVALID: 400;
  /** 400 — [`chat_read_mark_expire_period` seconds](https://core.telegram.org/api/config#chat-read-mark-expire-period) have passed since the message was sent, read receipts were deleted. */
  MSG_TOO_OLD: 400;
  /** 400 — The specified message is not a voice message. */
  MSG_VOICE_MISSING: 400;
  /** 400 — A waiting call returned an error. */
  MSG_WAIT_FAILED: 400;
  /** 500 */
  MT_SEND_QUEUE_TOO_LONG: 500;
  /** 400 — Too many media files for album. */
  MULTI_MEDIA_TOO_LONG: 400;
  /** 400 */
  NEED_ACTION_MISSING: 400;
  /** 500 — The provided chat is invalid */
  NEED_CHAT_INVALID: 500;
  /** 500 */
  NEED_DOC_INVALID: 500;
  /** 500 — The provided member is invalid or does not exist (for example a thumb size) */
  NEED_MEMBER_INVALID: 500;
  /** 303 — The source IP address is associated with DC %d */
  'NETWORK_MIGRATE_%d': 303;
  /** 400 — The new salt is invalid. */
  NEW_SALT_INVALID: 400;
  /** 400 — No password is set on the current account, and no new password was specified in `new_settings`. */
  NEW_SETTINGS_EMPTY: 400;
  /** 400 — The new password settings are invalid. */
  NEW_SETTINGS_INVALID: 400;
  /** 400 — The specified offset is longer than 64 bytes. */
  NEXT_OFFSET_INVALID: 400;
  /** 400 — Only the "General" topic with id=1 can be hidden. */
  NOGENERAL_HIDE_FORBIDDEN: 400;
  /** 403 */
  NOT_ALLOWED: 403;
  /** 403 — The current user is not eligible to join the Peer-to-Peer Login Program. */
  NOT_ELIGIBLE: 403;
  /** 400 — The current user hasn't joined the Peer-to-Peer Login Program. */
  NOT_JOINED: 400;
  /** 400 — The upgrade/transfer of the specified gift was already paid for or is free. */
  NO_PAYMENT_NEEDED: 400;
  /** 400 — The provided offset is invalid. */
  OFFSET_INVALID: 400;
  /** 400 — The provided offset peer is invalid. */
  OFFSET_PEER_ID_INVALID: 400;
  /** 400 — Too many options provided. */
  OPTIONS_TOO_MUCH: 400;
  /** 400 — Invalid option selected. */
  OPTION_INVALID: 400;
  /** 400 — The specified username order is invalid. */
  ORDER_INVALID: 400;
  /** 400 — Short pack name invalid. */
  PACK_SHORT_NAME_INVALID: 400;
  /** 400 — A stickerpack with this name already exists. */
  PACK_SHORT_NAME_OCCUPIED: 400;
  /** 400 — The stickerpack title is invalid. */
  PACK_TITLE_INVALID: 400;
  /** 400 — The masks and emojis flags are mutually exclusive. */
  PACK_TYPE_INVALID: 400;
  /** 400 — The specified parent_peer is invalid. */
  PARENT_PEER_INVALID: 400;
  /** 400 — Not enough participants. */
  PARTICIPANTS_TOO_FEW: 400;
  /** 500 — Failure while making call */
  PARTICIPANT_CALL_FAILED: 500;
  /** 400 — The specified participant ID is invalid. */
  PARTICIPANT_ID_INVALID: 400;
  /** 400 — Trying to enable a presentation, when the user hasn't joined the Video Chat with [phone.joinGroupCall](https://core.telegram.org/method/phone.joinGroupCall). */
  PARTICIPANT_JOIN_MISSING: 400;
  /** 400 — The other participant does not use an up to date telegram client with support for calls. */
  PARTICIPANT_VERSION_OUTDATED: 400;
  /** 500 */
  PASSKEY_AUTH_RESTART: 500;
  /** 400 — The provided password is empty. */
  PASSWORD_EMPTY: 400;
  /** 400 — The provided password hash is invalid. */
  PASSWORD_HASH_INVALID: 400;
  /** 400 — You must enable 2FA in order to transfer ownership of a channel. */
  PASSWORD_MISSING: 400;
  /** 400 — The recovery code has expired. */
  PASSWORD_RECOVERY_EXPIRED: 400;
  /** 400 — No email was set, can't recover password via email. */
  PASSWORD_RECOVERY_NA: 400;
  /** 400 — A [2FA password](https://core.telegram.org/api/srp) must be configured to use Telegram Passport. */
  PASSWORD_REQUIRED: 400;
  /** 400 — The password was added too recently and %d seconds must pass before using the method */
  'PASSWORD_TOO_FRESH_%d': 400;
  /** 400 — The specified payment credentials are invalid. */
  PAYMENT_CREDENTIALS_INVALID: 400;
  /** 400 — The specified payment provider is invalid. */
  PAYMENT_PROVIDER_INVALID: 400;
  /** 400 — Payment is required for this action, see here » for more info. */
  PAYMENT_REQUIRED: 400;
  /** 406 — A detailed description of the error will be received separately as described [here &raquo;](https://core.telegram.org/api/errors#406-not-acceptable). */
  PAYMENT_UNSUPPORTED: 406;
  /** 400 — The specified list of peers is empty. */
  PEERS_LIST_EMPTY: 400;
  /** 400 — Too many requests */
  PEER_FLOOD: 400;
  /** 400 — You can't pin an empty chat with a user. */
  PEER_HISTORY_EMPTY: 400;
  /** 400 — The provided peer id is invalid. */
  PEER_ID_INVALID: 400;
  /** 400 — The provided peer ID is not supported. */
  PEER_ID_NOT_SUPPORTED: 400;
  /** 400 — The passed [`keyboardButtonSwitchInline`](https://core.telegram.org/constructor/keyboardButtonSwitchInline).peer_types field is invalid. */
  PEER_TYPES_INVALID: 400;
  /** 400 — Persistent timestamp empty. */
  PERSISTENT_TIMESTAMP_EMPTY: 400;
  /** 400 — Persistent timestamp invalid. */
  PERSISTENT_TIMESTAMP_INVALID: 400;
  /** 500 — Channel internal replication issues, try again later (treat this like an RPC_CALL_FAIL). */
  PERSISTENT_TIMESTAMP_OUTDATED: 500;
  /** 400 — phone_code is missing. */
  PHONE_CODE_EMPTY: 400;
  /** 400 — The phone code you provided has expired. */
  PHONE_CODE_EXPIRED: 400;
  /** 400 — phone_code_hash is missing. */
  PHONE_CODE_HASH_EMPTY: 400;
  /** 400 — The provided phone code is invalid. */
  PHONE_CODE_INVALID: 400;
  /** 400 — An invalid or expired `phone_code_hash` was provided. */
  PHONE_HASH_EXPIRED: 400;
  /** 303 — The phone number a user is trying to use for authorization is associated with DC %d */
  'PHONE_MIGRATE_%d': 303;
  /** 400 — No user is associated to the specified phone number. */
  PHONE_NOT_OCCUPIED: 400;
  /** 400 — You can't sign up using this app. */
  PHONE_NUMBER_APP_SIGNUP_FORBIDDEN: 400;
  /** 400 — The provided phone number is banned from telegram. */
  PHONE_NUMBER_BANNED: 400;
  /** 400 — You asked for the code too many times. */
  PHONE_NUMBER_FLOOD: 400;
  /** 400 — The phone number is invalid. */
  PHONE_NUMBER_INVALID: 400;
  /** 400 — The phone number is already in use. */
  PHONE_NUMBER_OCCUPIED: 400;
  /** 400 — The phone number is not yet being used. */
  PHONE_NUMBER_UNOCCUPIED: 400;
  /** 406 — You have tried logging in too many times. */
  PHONE_PASSWORD_FLOOD: 406;
  /** 400 — This phone is password protected. */
  PHONE_PASSWORD_PROTECTED: 400;
  /** 400 — Photo mime-type invalid. */
  PHOTO_CONTENT_TYPE_INVALID: 400;
  /** 400 — Photo URL invalid. */
  PHOTO_CONTENT_URL_EMPTY: 400;
  /** 400 — Photo crop file missing. */
  PHOTO_CROP_FILE_MISSING: 400;
  /** 400 — Photo is too small. */
  PHOTO_CROP_SIZE_SMALL: 400;
  /** 400 — The extension of the photo is invalid. */
  PHOTO_EXT_INVALID: 400;
  /** 400 — Profile photo file missing. */
  PHOTO_FILE_MISSING: 400;
  /** 400 — Photo ID invalid. */
  PHOTO_ID_INVALID: 400;
  /** 400 — Photo invalid. */
  PHOTO_INVALID: 400;
  /** 400 — The photo dimensions are invalid. */
  PHOTO_INVALID_DIMENSIONS: 400;
  /** 400 — Internal issues, try again later. */
  PHOTO_SAVE_FILE_INVALID: 400;
  /** 400 — Photo thumbnail URL is empty. */
  PHOTO_THUMB_URL_EMPTY: 400;
  /** 400 — Too many pinned dialogs. */
  PINNED_DIALOGS_TOO_MUCH: 400;
  /** 400 — There are too many pinned topics, unpin some first. */
  PINNED_TOO_MUCH: 400;
  /** 400 — You can't pin messages. */
  PIN_RESTRICTED: 400;
  /** 400 — Invalid poll answers were provided. */
  POLL_ANSWERS_INVALID: 400;
  /** 400 — One of the poll answers is not acceptable. */
  POLL_ANSWER_INVALID: 400;
  /** 400 — Duplicate poll options provided. */
  POLL_OPTION_DUPLICATE: 400;
  /** 400 — Invalid poll option provided. */
  POLL_OPTION_INVALID: 400;
  /** 400 — One of the poll questions is not acceptable. */
  POLL_QUESTION_INVALID: 400;
  /** 400 — This layer does not support polls in the issued method */
  POLL_UNSUPPORTED: 400;
  /** 403 — Cast a vote in the poll before calling this method. */
  POLL_VOTE_REQUIRED: 403;
  /** 500 — The postponed call has timed out */
  POSTPONED_TIMEOUT: 500;
  /** 406 — Precheckout failed, a detailed and localized description for the error will be emitted via an updateServiceNotification as specified here ». */
  PRECHECKOUT_FAILED: 406;
  /** 403 — A premium account is required to execute this action. */
  PREMIUM_ACCOUNT_REQUIRED: 403;
  /** 406 */
  PREMIUM_CURRENTLY_UNAVAILABLE: 406;
  /** 400 */
  PREMIUM_PURPOSE_INVALID: 400;
  /** 420 — You already have a premium subscription active until unixtime %d . */
  'PREMIUM_SUB_ACTIVE_UNTIL_%d': 420;
  /** 406 — Similar to a flood wait, must wait %d minutes */
  'PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN': 406;
  /** 400 — The pricing for the subscription is invalid, the maximum price is specified in the stars_subscription_amount_max config key ». */
  PRICING_CHAT_INVALID: 400;
  /** 400 — The privacy key is invalid. */
  PRIVACY_KEY_INVALID: 400;
  /** 406 — You need a Telegram Premium subscription to send a message to this user. */
  PRIVACY_PREMIUM_REQUIRED: 406;
  /** 400 — Too many privacy rules were specified, the current limit is 1000. */
  PRIVACY_TOO_LONG: 400;
  /** 400 — The specified privacy rule combination is invalid. */
  PRIVACY_VALUE_INVALID: 400;
  /** 500 — No PTS change */
  PTS_CHANGE_EMPTY: 500;
  /** 403 — You can only export group call invite links for public chats or channels. */
  PUBLIC_CHANNEL_MISSING: 403;
  /** 400 — A public key is required. */
  PUBLIC_KEY_REQUIRED: 400;
  /** 400 — The specified payment purpose is invalid. */
  PURPOSE_INVALID: 400;
  /** 400 — The query ID is empty. */
  QUERY_ID_EMPTY: 400;
  /** 400 — The query ID is invalid. */
  QUERY_ID_INVALID: 400;
  /** 400 — The query string is too short. */
  QUERY_TOO_SHORT: 400;
  /** 400 — Quick replies cannot be used by bots. */
  QUICK_REPLIES_BOT_NOT_ALLOWED: 400;
  /** 400 — A maximum of appConfig.quick_replies_limit shortcuts may be created, the limit was reached. */
  QUICK_REPLIES_TOO_MUCH: 400;
  /** 400 — You can forward a quiz while hiding the original author only after choosing an option in the quiz. */
  QUIZ_ANSWER_MISSING: 400;
  /** 400 — No correct quiz answer was specified. */
  QUIZ_CORRECT_ANSWERS_EMPTY: 400;
  /** 400 — You specified too many correct answers in a quiz, quizzes can only have one right answer! */
  QUIZ_CORRECT_ANSWERS_TOO_MUCH: 400;
  /** 400 — An invalid value was provided to the correct_answers field. */
  QUIZ_CORRECT_ANSWER_INVALID: 400;
  /** 400 — Quizzes can't have the multiple_choice flag set! */
  QUIZ_MULTIPLE_INVALID: 400;
  /** 400 — The specified reply_to.quote_text field is invalid. */
  QUOTE_TEXT_INVALID: 400;
  /** 400 — You cannot raise your hand. */
  RAISE_HAND_FORBIDDEN: 400;
  /** 500 — You provided a random ID that was already used. */
  RANDOM_ID_DUPLICATE: 500;
  /** 400 — Random ID empty. */
  RANDOM_ID_EMPTY: 400;
  /** 400 — The specified random_id was expired (most likely it didn't follow the required `uint64_t random_id = (time() << 32) */
  RANDOM_ID_EXPIRED: 400;
  /** 400 — A provided random ID is invalid. */
  RANDOM_ID_INVALID: 400;
  /** 400 — Random length invalid. */
  RANDOM_LENGTH_INVALID: 400;
  /** 400 — Invalid range provided. */
  RANGES_INVALID: 400;
  /** 400 — The specified number of reactions is invalid. */
  REACTIONS_COUNT_INVALID: 400;
  /** 400 — The message already has exactly `reactions_uniq_max` reaction emojis, you can't react with a new emoji, see [the docs for more info &raquo;](/api/config#client-configuration). */
  REACTIONS_TOO_MANY: 400;
  /** 400 — Empty reaction provided. */
  REACTION_EMPTY: 400;
  /** 400 — The specified reaction is invalid. */
  REACTION_INVALID: 400;
  /** 400 — The specified receipt is empty. */
  RECEIPT_EMPTY: 400;
  /** 400 — Invalid call reflector server */
  REFLECTOR_NOT_AVAILABLE: 400;
  /** 500 — Failure while generating registration ID */
  REG_ID_GENERATE_FAILED: 500;
  /** 400 — Reply markup for buy button empty. */
  REPLY_MARKUP_BUY_EMPTY: 400;
  /** 400 — The provided reply markup for the game is empty */
  REPLY_MARKUP_GAME_EMPTY: 400;
  /** 400 — The provided reply markup is invalid. */
  REPLY_MARKUP_INVALID: 400;
  /** 400 — The specified reply_markup is too long. */
  REPLY_MARKUP_TOO_LONG: 400;
  /** 400 — Each shortcut can contain a maximum of appConfig.quick_reply_messages_limit messages, the limit was reached. */
  REPLY_MESSAGES_TOO_MUCH: 400;
  /** 400 — The specified reply-to message ID is invalid. */
  REPLY_MESSAGE_ID_INVALID: 400;
  /** 400 — The specified reply_to field is invalid. */
  REPLY_TO_INVALID: 400;
  /** 400 — The specified inputReplyToMonoForum.monoforum_peer_id is invalid. */
  REPLY_TO_MONOFORUM_PEER_INVALID: 400;
  /** 400 — The replied-to user is invalid. */
  REPLY_TO_USER_INVALID: 400;
  /** 400 — The master DC did not accept the request_token from the CDN DC. Continue downloading the file from the master DC using upload.getFile. */
  REQUEST_TOKEN_INVALID: 400;
  /** 400 */
  RESELL_STARS_TOO_FEW: 400;
  /** 400 */
  RESELL_STARS_TOO_MUCH: 400;
  /** 400 — No password reset is in progress. */
  RESET_REQUEST_MISSING: 400;
  /** 400 — Too many results were provided. */
  RESULTS_TOO_MUCH: 400;
  /** 400 — You provided a duplicate result ID. */
  RESULT_ID_DUPLICATE: 400;
  /** 400 — Result ID empty. */
  RESULT_ID_EMPTY: 400;
  /** 400 — One of the specified result IDs is invalid. */
  RESULT_ID_INVALID: 400;
  /** 400 — Result type invalid. */
  RESULT_TYPE_INVALID: 400;
  /** 400 — You cannot change your vote. */
  REVOTE_NOT_ALLOWED: 400;
  /** 400 — The new admin rights are equal to the old rights, no change was made. */
  RIGHTS_NOT_MODIFIED: 400;
  /** 403 — Your admin rights do not allow you to do this. */
  RIGHT_FORBIDDEN: 403;
  /** 400 — The specified ringtone is invalid. */
  RINGTONE_INVALID: 400;
  /** 400 — The MIME type for the ringtone is invalid. */
  RINGTONE_MIME_INVALID: 400;
  /** 500 — Telegram is having internal issues, please try again later. */
  RPC_CALL_FAIL: 500;
  /** 500 — Telegram is having internal issues, please try again later. */
  RPC_MCGET_FAIL: 500;
  /** 400 — Internal RSA decryption failed. */
  RSA_DECRYPT_FAILED: 400;
  /** 400 — The passed inputSavedStarGiftChat.saved_id is empty. */
  SAVED_ID_EMPTY: 400;
  /** 400 */
  SAVED_PEER_INVALID: 400;
  /** 400 — Bots cannot schedule messages. */
  SCHEDULE_BOT_NOT_ALLOWED: 400;
  /** 400 — Invalid schedule date provided. */
  SCHEDULE_DATE_INVALID: 400;
  /** 400 — You can't schedule a message this far in the future. */
  SCHEDULE_DATE_TOO_LATE: 400;
  /** 400 — Can't schedule until user is online, if the user's last seen timestamp is hidden by their privacy settings. */
  SCHEDULE_STATUS_PRIVATE: 400;
  /** 400 — There are too many scheduled messages. */
  SCHEDULE_TOO_MUCH: 400;
  /** 400 — The specified game score is invalid. */
  SCORE_INVALID: 400;
  /** 400 — The search query is empty. */
  SEARCH_QUERY_EMPTY: 400;
  /** 400 — You cannot provide a search query and an invite link at the same time. */
  SEARCH_WITH_LINK_NOT_SUPPORTED: 400;
  /** 400 — Invalid duration provided. */
  SECONDS_INVALID: 400;
  /** 400 — A secure secret is required. */
  SECURE_SECRET_REQUIRED: 400;
  /** 400 — Business bots can't delete messages just for the user, revoke must be set. */
  SELF_DELETE_RESTRICTED: 400;
  /** 400 — You can't send messages as the specified peer. */
  SEND_AS_PEER_INVALID: 400;
  /** 406 — Returned when all available options for this type of number were already used (e.g. flash-call, then SMS, then this error might be returned to trigger a second resend). */
  SEND_CODE_UNAVAILABLE: 406;
  /** 500 — The specified media is invalid. */
  SEND_MEDIA_INVALID: 500;
  /** 400 — An inputBotInlineMessageGame can only be contained in an inputBotInlineResultGame, not in an inputBotInlineResult/inputBotInlineResultPhoto/etc. */
  SEND_MESSAGE_GAME_INVALID: 400;
  /** 400 — Invalid media provided. */
  SEND_MESSAGE_MEDIA_INVALID: 400;
  /** 400 — The message type is invalid. */
  SEND_MESSAGE_TYPE_INVALID: 400;
  /** 403 — You can't change your sensitive content settings. */
  SENSITIVE_CHANGE_FORBIDDEN: 403;
  /** 401 — The authorization has expired */
  SESSION_EXPIRED: 401;
  /** 401 — 2FA is enabled, use a password to login. */
  SESSION_PASSWORD_NEEDED: 401;
  /** 401 — The authorization has been invalidated, because of the user terminating all sessions */
  SESSION_REVOKED: 401;
  /** 400 — The session logged in too recently and %d seconds must pass before calling the method */
  'SESSION_TOO_FRESH_%d': 400;
  /** 400 — Invalid settings were provided. */
  SETTINGS_INVALID: 400;
  /** 400 — The provided SHA256 hash is invalid. */
  SHA256_HASH_INVALID: 400;
  /** 400 — The specified shortcut is invalid. */
  SHORTCUT_INVALID: 400;
  /** 400 — An error occurred when trying to register the short-name used for the sticker pack. Try a different name */
  SHORTNAME_OCCUPY_FAILED: 400;
  /** 400 — The specified short name is invalid. */
  SHORT_NAME_INVALID: 400;
  /** 400 — The specified short name is already in use. */
  SHORT_NAME_OCCUPIED: 400;
  /** 500 — Failure while signing in. */
  SIGN_IN_FAILED: 500;
  /** 400 — The specified slot list is empty. */
  SLOTS_EMPTY: 400;
  /** 400 — Slowmode is enabled, you cannot forward multiple messages to this group. */
  SLOWMODE_MULTI_MSGS_DISABLED: 400;
  /** 420 — A wait of %d seconds is required before sending another message in this chat */
  'SLOWMODE_WAIT_%d': 420;
  /** 400 — The specified invoice slug is invalid. */
  SLUG_INVALID: 400;
  /** 400 — The specified job ID is invalid. */
  SMSJOB_ID_INVALID: 400;
  /** 400 — An error occurred while creating the SMS code. */
  SMS_CODE_CREATE_FAILED: 400;
  /** 400 — The specified inputCheckPasswordSRP.A value is invalid. */
  SRP_A_INVALID: 400;
  /** 400 — Invalid SRP ID provided. */
  SRP_ID_INVALID: 400;
  /** 400 — Password has changed. */
  SRP_PASSWORD_CHANGED: 400;
  /** 400 — The specified star gift was already converted to Stars. */
  STARGIFT_ALREADY_CONVERTED: 400;
  /** 400 — The specified star gift was already refunded. */
  STARGIFT_ALREADY_REFUNDED: 400;
  /** 400 — The specified gift was already upgraded to a collectible gift. */
  STARGIFT_ALREADY_UPGRADED: 400;
  /** 400 */
  STARGIFT_ATTRIBUTE_INVALID: 400;
  /** 406 — A gift export is in progress, a detailed and localized description for the error will be emitted via an updateServiceNotification as specified here ». */
  STARGIFT_EXPORT_IN_PROGRESS: 406;
  /** 400 — The passed gift is invalid. */
  STARGIFT_INVALID: 400;
  /** 400 */
  STARGIFT_MESSAGE_INVALID: 400;
  /** 400 — The specified gift was not found. */
  STARGIFT_NOT_FOUND: 400;
  /** 400 */
  STARGIFT_NOT_OWNER: 400;
  /** 400 */
  STARGIFT_NOT_UNIQUE: 400;
  /** 400 */
  STARGIFT_OFFER_INVALID: 400;
  /** 400 */
  STARGIFT_OFFER_NOT_ALLOWED: 400;
  /** 400 — You cannot transfer or sell a gift owned by another user. */
  STARGIFT_OWNER_INVALID: 400;
  /** 400 — The specified inputSavedStarGiftChat.peer is invalid. */
  STARGIFT_PEER_INVALID: 400;
  /** 400 — You can't buy the gift using the specified currency (i.e. trying to pay in Stars for TON gifts). */
  STARGIFT_RESELL_CURRENCY_NOT_ALLOWED: 400;
  /** 400 */
  'STARGIFT_RESELL_TOO_EARLY_%d': 400;
  /** 400 — The specified gift slug is invalid. */
  STARGIFT_SLUG_INVALID: 400;
  /** 400 — You cannot transfer this gift yet, wait %d seconds. */
  'STARGIFT_TRANSFER_TOO_EARLY_%d': 400;
  /** 400 — A received gift can only be upgraded to a collectible gift if the [`messageActionStarGift`](https://core.telegram.org/constructor/messageActionStarGift)/[`savedStarGift`](https://core.telegram.org/constructor/savedStarGift).can_upgrade flag is set. */
  STARGIFT_UPGRADE_UNAVAILABLE: 400;
  /** 400 — The gift is sold out. */
  STARGIFT_USAGE_LIMITED: 400;
  /** 400 — You've reached the starGift.limited_per_user limit, you can't buy any more gifts of this type. */
  STARGIFT_USER_USAGE_LIMITED: 400;
  /** 400 — The previous referral program was terminated less than 24 hours ago: further changes can be made after the date specified in userFull.starref_program.end_date. */
  STARREF_AWAITING_END: 400;
  /** 400 — The specified referral link is invalid. */
  STARREF_EXPIRED: 400;
  /** 400 — The specified affiliate link was already revoked. */
  STARREF_HASH_REVOKED: 400;
  /** 400 — The specified commission_permille is invalid: the minimum and maximum values for this parameter are contained in the starref_min_commission_permille and starref_max_commission_permille client configuration parameters. */
  STARREF_PERMILLE_INVALID: 400;
  /** 400 — The specified commission_permille is too low: the minimum and maximum values for this parameter are contained in the starref_min_commission_permille and starref_max_commission_permille client configuration parameters. */
  STARREF_PERMILLE_TOO_LOW: 400;
  /** 400 — The specified amount in stars is invalid. */
  STARS_AMOUNT_INVALID: 400;
  /** 406 — The form amount has changed, please fetch the new form using [`payments.getPaymentForm`](https://core.telegram.org/method/payments.getPaymentForm) and restart the process. */
  STARS_FORM_AMOUNT_MISMATCH: 406;
  /** 400 — The specified Telegram Star invoice is invalid. */
  STARS_INVOICE_INVALID: 400;
  /** 400 — To import this chat invite link, you must first pay for the associated Telegram Star subscription ». */
  STARS_PAYMENT_REQUIRED: 400;
  /** 400 — The start parameter is empty. */
  START_PARAM_EMPTY: 400;
  /** 400 — Start parameter invalid. */
  START_PARAM_INVALID: 400;
  /** 400 — Start parameter is too long. */
  START_PARAM_TOO_LONG: 400;
  /** 303 — The channel statistics must be fetched from DC %d */
  'STATS_MIGRATE_%d': 303;
  /** 400 — There are too many stickers in this stickerpack, you can't add any more. */
  STICKERPACK_STICKERS_TOO_MUCH: 400;
  /** 400 — The provided sticker set is invalid. */
  STICKERSET_INVALID: 400;
  /** 406 — Provided stickerset can't be installed as group stickerset to prevent admin deanonymization. */
  STICKERSET_OWNER_ANONYMOUS: 406;
  /** 400 — No sticker provided. */
  STICKERS_EMPTY: 400;
  /** 400 — There are too many stickers in this stickerpack, you can't add any more. */
  STICKERS_TOO_MUCH: 400;
  /** 400 — The specified sticker document is invalid. */
  STICKER_DOCUMENT_INVALID: 400;
  /** 400 — Sticker emoji invalid. */
  STICKER_EMOJI_INVALID: 400;
  /** 400 — Sticker file invalid. */
  STICKER_FILE_INVALID: 400;
  /** 400 — The specified video sticker has invalid dimensions. */
  STICKER_GIF_DIMENSIONS: 400;
  /** 400 — The provided sticker ID is invalid. */
  STICKER_ID_INVALID: 400;
  /** 400 — The provided sticker is invalid. */
  STICKER_INVALID: 400;
  /** 400 — The specified sticker MIME type is invalid. */
  STICKER_MIME_INVALID: 400;
  /** 400 — Sticker png dimensions invalid. */
  STICKER_PNG_DIMENSIONS: 400;
  /** 400 — One of the specified stickers is not a valid PNG file. */
  STICKER_PNG_NOPNG: 400;
  /** 400 — You must send the animated sticker as a document. */
  STICKER_TGS_NODOC: 400;
  /** 400 — Invalid TGS sticker provided. */
  STICKER_TGS_NOTGS: 400;
  /** 400 — Incorrect stickerset thumb file provided, PNG / WEBP expected. */
  STICKER_THUMB_PNG_NOPNG: 400;
  /** 400 — Incorrect stickerset TGS thumb file provided. */
  STICKER_THUMB_TGS_NOTGS: 400;
  /** 400 — The specified video sticker is too big. */
  STICKER_VIDEO_BIG: 400;
  /** 400 — You must send the video sticker as a document. */
  STICKER_VIDEO_NODOC: 400;
  /** 400 — The specified video sticker is not in webm format. */
  STICKER_VIDEO_NOWEBM: 400;
  /** 500 — Server storage check failed */
  STORAGE_CHECK_FAILED: 500;
  /** 500 */
  STORE_INVALID_SCALAR_TYPE: 500;
  /** 400 — This peer hasn't ever posted any stories. */
  STORIES_NEVER_CREATED: 400;
  /** 400 — You have hit the maximum active stories limit as specified by the story_expiring_limit_* client configuration parameters: you should buy a Premium subscription, delete an active story, or wait for the oldest story to expire. */
  STORIES_TOO_MUCH: 400;
  /** 400 — You specified no story IDs. */
  STORY_ID_EMPTY: 400;
  /** 400 — The specified story ID is invalid. */
  STORY_ID_INVALID: 400;
  /** 400 — The new story information you passed is equal to the previous story information, thus it wasn't modified. */
  STORY_NOT_MODIFIED: 400;
  /** 400 — The specified story period is invalid for this account. */
  STORY_PERIOD_INVALID: 400;
  /** 400 — You've hit the monthly story limit as specified by the stories_sent_monthly_limit_* client configuration parameters: wait %d seconds before posting a new story. */
  'STORY_SEND_FLOOD_MONTHLY_%d': 400;
  /** 400 — You've hit the weekly story limit as specified by the stories_sent_weekly_limit_* client configuration parameters: wait for %d seconds before posting a new story. */
  'STORY_SEND_FLOOD_WEEKLY_%d': 400;
  /** 400 — You cannot send a bot subscription invoice directly, you may only create invoice links using [`payments.exportInvoice`](https://core.telegram.org/method/payments.exportInvoice). */
  SUBSCRIPTION_EXPORT_MISSING: 400;
  /** 400 — The specified subscription_id is invalid. */
  SUBSCRIPTION_ID_INVALID: 400;
  /** 400 — The specified subscription_pricing.period is invalid. */
  SUBSCRIPTION_PERIOD_INVALID: 400;
  /** 400 — The specified price for the suggested post is invalid. */
  SUGGESTED_POST_AMOUNT_INVALID: 400;
  /** 400 — You cannot send suggested posts to non-monoforum peers. */
  SUGGESTED_POST_PEER_INVALID: 400;
  /** 400 — The switch_pm.text field was empty. */
  SWITCH_PM_TEXT_EMPTY: 400;
  /** 400 — The URL specified in switch_webview.url is invalid! */
  SWITCH_WEBVIEW_URL_INVALID: 400;
  /** 420 — A wait of %d seconds is required before being able to initiate the takeout */
  'TAKEOUT_INIT_DELAY_%d': 420;
  /** 400 — The takeout session has been invalidated by another data export session */
  TAKEOUT_INVALID: 400;
  /** 400 — A takeout session has to be initialized, first. */
  TAKEOUT_REQUIRED: 400;
  /** 400 — An email reset was already requested. */
  TASK_ALREADY_EXISTS: 400;
  /** 400 — The passed temporary key is already bound to another **perm_auth_key_id**. */
  TEMP_AUTH_KEY_ALREADY_BOUND: 400;
  /** 400 — No temporary auth key provided. */
  TEMP_AUTH_KEY_EMPTY: 400;
  /** 400 — The specified [`invoice`](https://core.telegram.org/constructor/invoice).terms_url is invalid. */
  TERMS_URL_INVALID: 400;
  /** 400 — Invalid theme file provided. */
  THEME_FILE_INVALID: 400;
  /** 400 — Invalid theme format provided. */
  THEME_FORMAT_INVALID: 400;
  /** 400 — Invalid theme provided. */
  THEME_INVALID: 400;
  /** 400 — The theme's MIME type is invalid. */
  THEME_MIME_INVALID: 400;
  /** 400 — The specified theme_params field is invalid. */
  THEME_PARAMS_INVALID: 400;
  /** 400 — The specified theme slug is invalid. */
  THEME_SLUG_INVALID: 400;
  /** 400 — The specified theme title is invalid. */
  THEME_TITLE_INVALID: 400;
  /** 400 — The specified timezone does not exist. */
  TIMEZONE_INVALID: 400;
  /** 400 — The specified stickerpack title is invalid. */
  TITLE_INVALID: 400;
  /** 400 — The temporary password is disabled. */
  TMP_PASSWORD_DISABLED: 400;
  /** 400 — Password auth needs to be regenerated */
  TMP_PASSWORD_INVALID: 400;
  /** 400 — A checklist was specified, but no checklist items were passed. */
  TODO_ITEMS_EMPTY: 400;
  /** 400 — Duplicate checklist items detected. */
  TODO_ITEM_DUPLICATE: 400;
  /** 400 — No todo items were specified, so no changes were made to the todo list. */
  TODO_NOT_MODIFIED: 400;
  /** 400 — The specified token is empty. */
  TOKEN_EMPTY: 400;
  /** 400 — The provided token is invalid. */
  TOKEN_INVALID: 400;
  /** 400 — The specified token type is invalid. */
  TOKEN_TYPE_INVALID: 400;
  /** 400 — You specified no topic IDs. */
  TOPICS_EMPTY: 400;
  /** 400 — This topic was closed, you can't send messages to it anymore. */
  TOPIC_CLOSED: 400;
  /** 400 — The close flag cannot be provided together with any of the other flags. */
  TOPIC_CLOSE_SEPARATELY: 400;
  /** 400 — The specified topic was deleted. */
  TOPIC_DELETED: 400;
  /** 400 — The hide flag cannot be provided together with any of the other flags. */
  TOPIC_HIDE_SEPARATELY: 400;
  /** 400 — The specified topic ID is invalid. */
  TOPIC_ID_INVALID: 400;
  /** 400 — The updated topic info is equal to the current topic info, nothing was changed. */
  TOPIC_NOT_MODIFIED: 400;
  /** 400 — The specified topic title is empty. */
  TOPIC_TITLE_EMPTY: 400;
  /** 400 — The specified to_id of the passed inputInvoiceStarGiftResale or inputInvoiceStarGiftTransfer is invalid. */
  TO_ID_INVALID: 400;
  /** 400 — The specified destination language is invalid. */
  TO_LANG_INVALID: 400;
  /** 400 — The specified transaction ID is invalid. */
  TRANSACTION_ID_INVALID: 400;
  /** 400 — Audio transcription failed. */
  TRANSCRIPTION_FAILED: 400;
  /** 500 — Translation failed, please try again later. */
  TRANSLATE_REQ_FAILED: 500;
  /** 400 — Translation is currently unavailable due to a temporary server-side lack of resources. */
  TRANSLATE_REQ_QUOTA_EXCEEDED: 400;
  /** 406 — Translations are unavailable, a detailed and localized description for the error will be emitted via an updateServiceNotification as specified here ». */
  TRANSLATIONS_DISABLED: 406;
  /** 500 — A timeout occurred while translating the specified text. */
  TRANSLATION_TIMEOUT: 500;
  /** 400 — The provided TTL is invalid. */
  TTL_DAYS_INVALID: 400;
  /** 400 — Invalid media Time To Live was provided. */
  TTL_MEDIA_INVALID: 400;
  /** 400 — The specified TTL period is invalid. */
  TTL_PERIOD_INVALID: 400;
  /** 400 — No top peer type was provided. */
  TYPES_EMPTY: 400;
  /** 400 — The type constructor is invalid */
  TYPE_CONSTRUCTOR_INVALID: 400;
  /** -503 — Timeout while fetching data */
  Timedout: -503;
  /** -503 — Timeout while fetching data. */
  Timeout: -503;
  /** 400 */
  UNKNOWN_ERROR: 400;
  /** 500 — The method you tried to call cannot be called on non-CDN DCs */
  UNKNOWN_METHOD: 500;
  /** 400 — require_payment cannot be set by users, only by monoforums: users must instead use the [`inputPrivacyKeyNoPaidMessages`](https://core.telegram.org/constructor/inputPrivacyKeyNoPaidMessages) privacy setting to remove a previously added exemption. */
  UNSUPPORTED: 400;
  /** 400 — Invalid until date provided. */
  UNTIL_DATE_INVALID: 400;
  /** 406 */
  UPDATE_APP_TO_LOGIN: 406;
  /** 400 — Invalid URL provided. */
  URL_INVALID: 400;
  /** 400 — The specified usage limit is invalid. */
  USAGE_LIMIT_INVALID: 400;
  /** 400 — The maximum number of active usernames was reached. */
  USERNAMES_ACTIVE_TOO_MUCH: 400;
  /** 400 — The provided username is not valid. */
  USERNAME_INVALID: 400;
  /** 400 — The username was not modified. */
  USERNAME_NOT_MODIFIED: 400;
  /** 400 — The provided username is not occupied. */
  USERNAME_NOT_OCCUPIED: 400;
  /** 400 — The provided username is already occupied. */
  USERNAME_OCCUPIED: 400;
  /** 400 — The specified username can be purchased on https://fragment.com. */
  USERNAME_PURCHASE_AVAILABLE: 400;
  /** 406 — You need to disable privacy settings for your profile picture in order to make your geolocation public. */
  USERPIC_PRIVACY_REQUIRED: 406;
  /** 400 — You must have a profile picture to publish your geolocation. */
  USERPIC_UPLOAD_REQUIRED: 400;
  /** 400 — Not enough users (to create a chat, for example). */
  USERS_TOO_FEW: 400;
  /** 400 — The maximum number of users has been exceeded (to create a chat, for example). */
  USERS_TOO_MUCH: 400;
  /** 400 — You're not an admin. */
  USER_ADMIN_INVALID: 400;
  /** 400 — You have already invited this user. */
  USER_ALREADY_INVITED: 400;
  /** 400 — The user is already in the group. */
  USER_ALREADY_PARTICIPANT: 400;
  /** 400 — You're banned from sending messages in supergroups/channels. */
  USER_BANNED_IN_CHANNEL: 400;
  /** 400 — User blocked. */
  USER_BLOCKED: 400;
  /** 400 — Bots can only be admins in channels. */
  USER_BOT: 400;
  /** 400 — User accounts must provide the `bot` method parameter when calling this method. If there is no such method parameter, this method can only be invoked by bot accounts. */
  USER_BOT_INVALID: 400;
  /** 400 — This method can only be called by a bot. */
  USER_BOT_REQUIRED: 400;
  /** 400 — One of the users you tried to add is already in too many channels/supergroups. */
  USER_CHANNELS_TOO_MUCH: 400;
  /** 400 — You can't leave this channel, because you're its creator. */
  USER_CREATOR: 400;
  /** 401 — The user has been deleted/deactivated */
  USER_DEACTIVATED: 401;
  /** 401 — The user has been deleted/deactivated */
  USER_DEACTIVATED_BAN: 401;
  /** 403 — You can't send this secret message because the other participant deleted their account. */
  USER_DELETED: 403;
  /** 400 — Gifts are not available in the current region (stars_gifts_enabled is equal to false). */
  USER_GIFT_UNAVAILABLE: 400;
  /** 400 — The provided user ID is invalid. */
  USER_ID_INVALID: 400;
  /** 400 — Invalid user provided. */
  USER_INVALID: 400;
  /** 400 — You were blocked by this user. */
  USER_IS_BLOCKED: 400;
  /** 400 — Bots can't send messages to other bots. */
  USER_IS_BOT: 400;
  /** 400 — This user was kicked from this supergroup/channel. */
  USER_KICKED: 400;
  /** 303 — The user whose identity is being used to execute queries is associated with DC %d */
  'USER_MIGRATE_%d': 303;
  /** 400 — The provided user is not a mutual contact. */
  USER_NOT_MUTUAL_CONTACT: 400;
  /** 400 — You're not a member of this supergroup/channel. */
  USER_NOT_PARTICIPANT: 400;
  /** 403 — The user hasn't granted or has revoked the bot's access to change their emoji status using [`bots.toggleUserEmojiStatusPermission`](https://core.telegram.org/method/bots.toggleUserEmojiStatusPermission). */
  USER_PERMISSION_DENIED: 403;
  /** 403 — The user's privacy settings do not allow you to do this. */
  USER_PRIVACY_RESTRICTED: 403;
  /** 400 — Cannot generate a link to stories posted by a peer without a username. */
  USER_PUBLIC_MISSING: 400;
  /** 403 — You're spamreported, you can't create channels or chats. */
  USER_RESTRICTED: 403;
  /** 400 — The specified user volume is invalid. */
  USER_VOLUME_INVALID: 400;
  /** 400 — The specified venue ID is invalid. */
  VENUE_ID_INVALID: 400;
  /** 400 — The video's content type is invalid. */
  VIDEO_CONTENT_TYPE_INVALID: 400;
  /** 400 — The specified video file is invalid. */
  VIDEO_FILE_INVALID: 400;
  /** 400 — You cannot pause the video stream. */
  VIDEO_PAUSE_FORBIDDEN: 400;
  /** 400 — You cannot stop the video stream. */
  VIDEO_STOP_FORBIDDEN: 400;
  /** 400 — The specified video title is empty. */
  VIDEO_TITLE_EMPTY: 400;
  /** 400 — This user's privacy settings forbid you from sending voice messages. */
  VOICE_MESSAGES_FORBIDDEN: 400;
  /** 500 */
  VOLUME_MOVE_INVALID: 500;
  /** 400 — The specified wallpaper file is invalid. */
  WALLPAPER_FILE_INVALID: 400;
  /** 400 — The specified wallpaper is invalid. */
  WALLPAPER_INVALID: 400;
  /** 400 — The specified wallpaper MIME type is invalid. */
  WALLPAPER_MIME_INVALID: 400;
  /** 400 — The specified wallpaper could not be found. */
  WALLPAPER_NOT_FOUND: 400;
  /** 400 — WC convert URL invalid. */
  WC_CONVERT_URL_INVALID: 400;
  /** 400 — Invalid webdocument URL provided. */
  WEBDOCUMENT_INVALID: 400;
  /** 400 — Invalid webdocument mime type provided. */
  WEBDOCUMENT_MIME_INVALID: 400;
  /** 400 — Webdocument is too big! */
  WEBDOCUMENT_SIZE_TOO_BIG: 400;
  /** 400 — The passed web document URL is empty. */
  WEBDOCUMENT_URL_EMPTY: 400;
  /** 400 — The specified webdocument URL is invalid. */
  WEBDOCUMENT_URL_INVALID: 400;
  /** 400 — Failure while fetching the webpage with cURL. */
  WEBPAGE_CURL_FAILED: 400;
  /** 400 — Webpage media empty. */
  WEBPAGE_MEDIA_EMPTY: 400;
  /** 400 — A preview for the specified webpage url could not be generated. */
  WEBPAGE_NOT_FOUND: 400;
  /** 400 — The specified webpage url is invalid. */
  WEBPAGE_URL_INVALID: 400;
  /** 400 — The specified web push authentication secret is invalid. */
  WEBPUSH_AUTH_INVALID: 400;
  /** 400 — The specified web push elliptic curve Diffie-Hellman public key is invalid. */
  WEBPUSH_KEY_INVALID: 400;
  /** 400 — The specified web push token is invalid. */
  WEBPUSH_TOKEN_INVALID: 400;
  /** 500 — Telegram workers are too busy to respond immediately */
  WORKER_BUSY_TOO_LONG_RETRY: 500;
  /** 403 — You cannot fetch the read date of this message because you have disallowed other users to do so for your messages; to fix, allow other users to see your exact last online date OR purchase a Telegram Premium subscription. */
  YOUR_PRIVACY_RESTRICTED: 403;
  /** 400 — You blocked this user. */
  YOU_BLOCKED_USER: 400;
}

/** The name of a known RPC error, e.g. `FLOOD_WAIT_%d` or `PHONE_CODE_INVALID`. */
export type RpcErrorTemplate = keyof RpcErrorCatalog;

/** Per method (TL name): the errors it is known to raise. Methods with none are left out. */
export interface RpcErrorsOfMethod {
  'account.acceptAuthorization': 'BOT_INVALID' | 'PUBLIC_KEY_REQUIRED';
  'account.cancelPasswordEmail': 'EMAIL_HASH_EXPIRED';
  'account.changeAuthorizationSettings': 'HASH_INVALID';
  'account.changePhone':
    | 'PHONE_CODE_EMPTY'
    | 'PHONE_CODE_EXPIRED'
    | 'PHONE_CODE_INVALID'
    | 'PHONE_NUMBER_INVALID'
    | 'PHONE_NUMBER_OCCUPIED';
  'account.checkUsername': 'USERNAME_INVALID' | 'USERNAME_OCCUPIED' | 'USERNAME_PURCHASE_AVAILABLE';
  'account.confirmPasswordEmail': 'CODE_INVALID' | 'EMAIL_HASH_EXPIRED';
  'account.confirmPhone': 'CODE_HASH_INVALID' | 'PHONE_CODE_EMPTY';
  'account.createBusinessChatLink': 'CHATLINKS_TOO_MUCH' | 'DOCUMENT_INVALID' | 'PREMIUM_ACCOUNT_REQUIRED';
  'account.createTheme': 'THEME_MIME_INVALID' | 'THEME_TITLE_INVALID';
  'account.declinePasswordReset': 'RESET_REQUEST_MISSING';
  'account.deleteAccount': '2FA_CONFIRM_WAIT_%d' | 'PASSWORD_HASH_INVALID';
  'account.deleteBusinessChatLink': 'CHATLINK_SLUG_EMPTY' | 'CHATLINK_SLUG_EXPIRED';
  'account.disablePeerConnectedBot': 'BOT_ALREADY_DISABLED' | 'BOT_NOT_CONNECTED_YET' | 'PEER_ID_INVALID';
  'account.editBusinessChatLink': 'CHATLINK_SLUG_EMPTY' | 'PREMIUM_ACCOUNT_REQUIRED';
  'account.finishTakeoutSession': 'TAKEOUT_REQUIRED';
  'account.getAuthorizationForm': 'BOT_INVALID' | 'PUBLIC_KEY_REQUIRED';
  'account.getBotBusinessConnection': 'CONNECTION_ID_INVALID';
  'account.getMultiWallPapers': 'WALLPAPER_INVALID';
  'account.getNotifySettings': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'PEER_ID_INVALID';
  'account.getPaidMessagesRevenue': 'PARENT_PEER_INVALID' | 'USER_ID_INVALID';
  'account.getPasswordSettings': 'PASSWORD_HASH_INVALID';
  'account.getPrivacy': 'PRIVACY_KEY_INVALID';
  'account.getTheme': 'THEME_FORMAT_INVALID' | 'THEME_INVALID' | 'THEME_SLUG_INVALID';
  'account.getTmpPassword': 'PASSWORD_HASH_INVALID' | 'SRP_A_INVALID' | 'TMP_PASSWORD_DISABLED';
  'account.getWallPaper': 'WALLPAPER_INVALID';
  'account.initPasskeyRegistration': 'ACCESS_DENIED';
  'account.initTakeoutSession': 'TAKEOUT_INIT_DELAY_%d';
  'account.installWallPaper': 'WALLPAPER_INVALID';
  'account.registerDevice':
    | 'TOKEN_EMPTY'
    | 'TOKEN_INVALID'
    | 'TOKEN_TYPE_INVALID'
    | 'WEBPUSH_AUTH_INVALID'
    | 'WEBPUSH_KEY_INVALID'
    | 'WEBPUSH_TOKEN_INVALID';
  'account.registerPasskey': 'CREDENTIAL_INVALID';
  'account.reorderUsernames': 'ORDER_INVALID' | 'USERNAME_NOT_MODIFIED';
  'account.reportPeer': 'CHANNEL_PRIVATE' | 'PEER_ID_INVALID';
  'account.reportProfilePhoto': 'PEER_ID_INVALID';
  'account.resendPasswordEmail': 'EMAIL_HASH_EXPIRED';
  'account.resetAuthorization': 'FRESH_RESET_AUTHORISATION_FORBIDDEN' | 'HASH_INVALID';
  'account.resetPassword': 'PASSWORD_EMPTY';
  'account.resetWebAuthorization': 'HASH_INVALID';
  'account.resolveBusinessChatLink': 'CHATLINK_SLUG_EMPTY' | 'CHATLINK_SLUG_EXPIRED';
  'account.saveAutoSaveSettings': 'PEER_ID_INVALID';
  'account.saveMusic': 'DOCUMENT_INVALID';
  'account.saveRingtone': 'RINGTONE_INVALID';
  'account.saveSecureValue': 'PASSWORD_REQUIRED' | 'SECURE_SECRET_REQUIRED';
  'account.saveTheme': 'THEME_INVALID';
  'account.saveWallPaper': 'WALLPAPER_INVALID';
  'account.sendChangePhoneCode': 'FRESH_CHANGE_PHONE_FORBIDDEN' | 'PHONE_NUMBER_BANNED' | 'PHONE_NUMBER_INVALID' | 'PHONE_NUMBER_OCCUPIED';
  'account.sendConfirmPhoneCode': 'HASH_INVALID';
  'account.sendVerifyEmailCode':
    | 'EMAIL_INVALID'
    | 'EMAIL_NOT_ALLOWED'
    | 'EMAIL_NOT_SETUP'
    | 'PHONE_CODE_EMPTY'
    | 'PHONE_HASH_EXPIRED'
    | 'PHONE_NUMBER_INVALID';
  'account.sendVerifyPhoneCode': 'PHONE_NUMBER_INVALID';
  'account.setAccountTTL': 'TTL_DAYS_INVALID';
  'account.setAuthorizationTTL': 'FRESH_RESET_AUTHORISATION_FORBIDDEN' | 'TTL_DAYS_INVALID';
  'account.setContentSettings': 'SENSITIVE_CHANGE_FORBIDDEN';
  'account.setGlobalPrivacySettings':
    | 'AUTOARCHIVE_NOT_AVAILABLE'
    | 'BOT_ACCESS_FORBIDDEN'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'PREMIUM_ACCOUNT_REQUIRED';
  'account.setPrivacy': 'PRIVACY_KEY_INVALID' | 'PRIVACY_TOO_LONG' | 'PRIVACY_VALUE_INVALID';
  'account.toggleConnectedBotPaused': 'PEER_ID_INVALID';
  'account.toggleNoPaidMessagesException': 'PARENT_PEER_INVALID' | 'UNSUPPORTED' | 'USER_ID_INVALID';
  'account.toggleUsername': 'USERNAMES_ACTIVE_TOO_MUCH' | 'USERNAME_INVALID' | 'USERNAME_NOT_MODIFIED';
  'account.unregisterDevice': 'TOKEN_INVALID';
  'account.updateBirthday': 'BIRTHDAY_INVALID';
  'account.updateBusinessWorkHours': 'BUSINESS_WORK_HOURS_EMPTY' | 'BUSINESS_WORK_HOURS_PERIOD_INVALID' | 'TIMEZONE_INVALID';
  'account.updateColor': 'COLOR_INVALID' | 'DOCUMENT_INVALID' | 'PREMIUM_ACCOUNT_REQUIRED';
  'account.updateConnectedBot': 'BOT_BUSINESS_MISSING' | 'BUSINESS_RECIPIENTS_EMPTY' | 'PREMIUM_ACCOUNT_REQUIRED';
  'account.updateEmojiStatus': 'COLLECTIBLE_INVALID' | 'DOCUMENT_INVALID';
  'account.updateNotifySettings': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID' | 'SETTINGS_INVALID';
  'account.updatePasswordSettings':
    | 'EMAIL_INVALID'
    | 'EMAIL_UNCONFIRMED'
    | 'EMAIL_UNCONFIRMED_%d'
    | 'NEW_SALT_INVALID'
    | 'NEW_SETTINGS_EMPTY'
    | 'NEW_SETTINGS_INVALID'
    | 'PASSWORD_HASH_INVALID'
    | 'SRP_ID_INVALID'
    | 'SRP_PASSWORD_CHANGED';
  'account.updateProfile': 'ABOUT_TOO_LONG' | 'BUSINESS_CONNECTION_INVALID' | 'CHAT_WRITE_FORBIDDEN' | 'FIRSTNAME_INVALID';
  'account.updateStatus': 'CHAT_WRITE_FORBIDDEN';
  'account.updateTheme': 'THEME_INVALID';
  'account.updateUsername': 'USERNAME_INVALID' | 'USERNAME_NOT_MODIFIED' | 'USERNAME_OCCUPIED' | 'USERNAME_PURCHASE_AVAILABLE';
  'account.uploadRingtone': 'RINGTONE_MIME_INVALID';
  'account.uploadTheme': 'THEME_FILE_INVALID' | 'THEME_MIME_INVALID';
  'account.uploadWallPaper': 'WALLPAPER_FILE_INVALID' | 'WALLPAPER_MIME_INVALID';
  'account.verifyEmail':
    | 'CODE_INVALID'
    | 'EMAIL_INVALID'
    | 'EMAIL_NOT_ALLOWED'
    | 'EMAIL_VERIFY_EXPIRED'
    | 'PHONE_CODE_EXPIRED'
    | 'PHONE_NUMBER_INVALID';
  'account.verifyPhone': 'PHONE_CODE_EMPTY' | 'PHONE_CODE_EXPIRED' | 'PHONE_NUMBER_INVALID';
  'auth.acceptLoginToken': 'AUTH_TOKEN_ALREADY_ACCEPTED' | 'AUTH_TOKEN_EXCEPTION' | 'AUTH_TOKEN_EXPIRED' | 'AUTH_TOKEN_INVALIDX';
  'auth.bindTempAuthKey': 'ENCRYPTED_MESSAGE_INVALID' | 'EXPIRES_AT_INVALID' | 'TEMP_AUTH_KEY_ALREADY_BOUND' | 'TEMP_AUTH_KEY_EMPTY';
  'auth.cancelCode': 'PHONE_CODE_EXPIRED' | 'PHONE_NUMBER_INVALID';
  'auth.checkPaidAuth': 'PHONE_NUMBER_INVALID';
  'auth.checkPassword': 'AUTH_KEY_UNSYNCHRONIZED' | 'PASSWORD_HASH_INVALID' | 'SRP_ID_INVALID' | 'SRP_PASSWORD_CHANGED';
  'auth.checkRecoveryPassword': 'CODE_EMPTY' | 'PASSWORD_RECOVERY_EXPIRED';
  'auth.exportAuthorization': 'DC_ID_INVALID';
  'auth.exportLoginToken': 'API_ID_INVALID' | 'API_ID_PUBLISHED_FLOOD';
  'auth.finishPasskeyLogin': 'AUTH_RESTART' | 'CREDENTIAL_INVALID' | 'PASSKEY_AUTH_RESTART';
  'auth.importAuthorization': 'AUTH_BYTES_INVALID' | 'USER_ID_INVALID';
  'auth.importBotAuthorization': 'ACCESS_TOKEN_EXPIRED' | 'ACCESS_TOKEN_INVALID' | 'API_ID_INVALID' | 'API_ID_PUBLISHED_FLOOD';
  'auth.importLoginToken': 'AUTH_TOKEN_ALREADY_ACCEPTED' | 'AUTH_TOKEN_EXPIRED' | 'AUTH_TOKEN_INVALID' | 'AUTH_TOKEN_INVALIDX';
  'auth.importWebTokenAuthorization': 'API_ID_INVALID';
  'auth.initPasskeyLogin': 'API_ID_INVALID' | 'AUTH_RESTART' | 'PASSKEY_AUTH_RESTART';
  'auth.recoverPassword': 'CODE_EMPTY' | 'NEW_SETTINGS_INVALID';
  'auth.reportMissingCode': 'PHONE_NUMBER_INVALID';
  'auth.requestFirebaseSms': 'PHONE_CODE_EMPTY' | 'PHONE_NUMBER_INVALID';
  'auth.requestPasswordRecovery': 'PASSWORD_EMPTY' | 'PASSWORD_RECOVERY_NA';
  'auth.resendCode':
    | 'EMAIL_INSTALL_MISSING'
    | 'PHONE_CODE_EMPTY'
    | 'PHONE_CODE_EXPIRED'
    | 'PHONE_CODE_HASH_EMPTY'
    | 'PHONE_NUMBER_INVALID'
    | 'SEND_CODE_UNAVAILABLE';
  'auth.resetAuthorizations': 'FRESH_RESET_AUTHORISATION_FORBIDDEN';
  'auth.resetLoginEmail': 'EMAIL_INSTALL_MISSING' | 'PHONE_NUMBER_INVALID' | 'TASK_ALREADY_EXISTS';
  'auth.sendCode':
    | 'API_ID_INVALID'
    | 'API_ID_PUBLISHED_FLOOD'
    | 'AUTH_RESTART'
    | 'AUTH_RESTART_%d'
    | 'PHONE_NUMBER_APP_SIGNUP_FORBIDDEN'
    | 'PHONE_NUMBER_BANNED'
    | 'PHONE_NUMBER_FLOOD'
    | 'PHONE_NUMBER_INVALID'
    | 'PHONE_PASSWORD_FLOOD'
    | 'PHONE_PASSWORD_PROTECTED'
    | 'SMS_CODE_CREATE_FAILED'
    | 'UPDATE_APP_TO_LOGIN';
  'auth.signIn':
    | 'AUTH_RESTART'
    | 'PHONE_CODE_EMPTY'
    | 'PHONE_CODE_EXPIRED'
    | 'PHONE_CODE_INVALID'
    | 'PHONE_NUMBER_INVALID'
    | 'PHONE_NUMBER_UNOCCUPIED'
    | 'SIGN_IN_FAILED'
    | 'UPDATE_APP_TO_LOGIN';
  'auth.signUp':
    | 'FIRSTNAME_INVALID'
    | 'LASTNAME_INVALID'
    | 'PHONE_CODE_EMPTY'
    | 'PHONE_CODE_EXPIRED'
    | 'PHONE_CODE_INVALID'
    | 'PHONE_NUMBER_FLOOD'
    | 'PHONE_NUMBER_INVALID'
    | 'PHONE_NUMBER_OCCUPIED';
  'bots.addPreviewMedia': 'BOT_INVALID';
  'bots.allowSendMessage': 'BOT_INVALID';
  'bots.answerWebhookJSONQuery': 'DATA_JSON_INVALID' | 'QUERY_ID_INVALID' | 'USER_BOT_INVALID' | 'USER_BOT_REQUIRED';
  'bots.canSendMessage': 'BOT_INVALID';
  'bots.checkDownloadFileParams': 'BOT_INVALID';
  'bots.deletePreviewMedia': 'BOT_INVALID';
  'bots.editPreviewMedia': 'BOT_INVALID';
  'bots.getBotCommands': 'USER_BOT_INVALID' | 'USER_BOT_REQUIRED';
  'bots.getBotInfo': 'BOT_INVALID' | 'LANG_CODE_INVALID' | 'USER_BOT_INVALID';
  'bots.getBotMenuButton': 'USER_BOT_REQUIRED';
  'bots.getBotRecommendations': 'BOT_INVALID';
  'bots.getPreviewInfo': 'BOT_INVALID';
  'bots.getPreviewMedias': 'BOT_INVALID';
  'bots.invokeWebViewCustomMethod': 'BOT_INVALID' | 'DATA_JSON_INVALID' | 'METHOD_INVALID';
  'bots.reorderPreviewMedias': 'BOT_INVALID';
  'bots.reorderUsernames': 'BOT_INVALID' | 'USERNAME_NOT_MODIFIED';
  'bots.resetBotCommands': 'LANG_CODE_INVALID' | 'USER_BOT_REQUIRED';
  'bots.sendCustomRequest': 'DATA_JSON_INVALID' | 'METHOD_INVALID' | 'USER_BOT_INVALID' | 'USER_BOT_REQUIRED';
  'bots.setBotBroadcastDefaultAdminRights': 'RIGHTS_NOT_MODIFIED' | 'USER_BOT_REQUIRED';
  'bots.setBotCommands':
    | 'BOT_COMMAND_DESCRIPTION_INVALID'
    | 'BOT_COMMAND_INVALID'
    | 'LANG_CODE_INVALID'
    | 'PEER_ID_INVALID'
    | 'USER_BOT_REQUIRED'
    | 'USER_ID_INVALID';
  'bots.setBotGroupDefaultAdminRights': 'RIGHTS_NOT_MODIFIED' | 'USER_BOT_REQUIRED';
  'bots.setBotInfo': 'BOT_INVALID' | 'USER_BOT_INVALID';
  'bots.setBotMenuButton': 'BUTTON_INVALID' | 'BUTTON_TEXT_INVALID' | 'BUTTON_URL_INVALID' | 'USER_BOT_REQUIRED';
  'bots.setCustomVerification': 'BOT_INVALID' | 'BOT_VERIFIER_FORBIDDEN' | 'PEER_ID_INVALID';
  'bots.toggleUserEmojiStatusPermission': 'BOT_INVALID';
  'bots.toggleUsername': 'BOT_INVALID' | 'USERNAME_NOT_MODIFIED';
  'bots.updateStarRefProgram': 'BOT_INVALID' | 'STARREF_AWAITING_END' | 'STARREF_PERMILLE_INVALID' | 'STARREF_PERMILLE_TOO_LOW';
  'bots.updateUserEmojiStatus': 'USER_BOT_REQUIRED' | 'USER_ID_INVALID' | 'USER_PERMISSION_DENIED';
  'channels.checkUsername':
    | 'CHANNELS_ADMIN_PUBLIC_TOO_MUCH'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ID_INVALID'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'USERNAME_INVALID'
    | 'USERNAME_OCCUPIED'
    | 'USERNAME_PURCHASE_AVAILABLE';
  'channels.convertToGigagroup':
    | 'CHANNEL_ID_INVALID'
    | 'CHANNEL_INVALID'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'FORUM_ENABLED'
    | 'PARTICIPANTS_TOO_FEW';
  'channels.createChannel':
    | 'ADDRESS_INVALID'
    | 'CHANNELS_ADMIN_LOCATED_TOO_MUCH'
    | 'CHANNELS_TOO_MUCH'
    | 'CHAT_ABOUT_TOO_LONG'
    | 'CHAT_INVALID'
    | 'CHAT_TITLE_EMPTY'
    | 'TTL_PERIOD_INVALID'
    | 'USER_RESTRICTED';
  'channels.createForumTopic':
    | 'CHANNEL_FORUM_MISSING'
    | 'CHANNEL_INVALID'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'PREMIUM_ACCOUNT_REQUIRED'
    | 'TOPIC_TITLE_EMPTY';
  'channels.deactivateAllUsernames': 'CHANNEL_INVALID';
  'channels.deleteChannel':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHANNEL_TOO_LARGE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN';
  'channels.deleteHistory':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PARICIPANT_MISSING'
    | 'CHANNEL_PRIVATE'
    | 'CHANNEL_TOO_BIG'
    | 'CHAT_ADMIN_REQUIRED';
  'channels.deleteMessages':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'FROZEN_METHOD_INVALID'
    | 'MESSAGE_DELETE_FORBIDDEN'
    | 'MSG_ID_INVALID';
  'channels.deleteParticipantHistory':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'MSG_ID_INVALID'
    | 'PARTICIPANT_ID_INVALID';
  'channels.deleteTopicHistory': 'CHANNEL_FORUM_MISSING' | 'CHANNEL_INVALID' | 'CHAT_WRITE_FORBIDDEN' | 'TOPIC_ID_INVALID';
  'channels.editAdmin':
    | 'ADMINS_TOO_MUCH'
    | 'ADMIN_RANK_EMOJI_NOT_ALLOWED'
    | 'ADMIN_RANK_INVALID'
    | 'BOTS_TOO_MUCH'
    | 'BOT_CHANNELS_NA'
    | 'BOT_GROUPS_BLOCKED'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_MONOFORUM_UNSUPPORTED'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_INVITE_REQUIRED'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'FRESH_CHANGE_ADMINS_FORBIDDEN'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'RIGHT_FORBIDDEN'
    | 'USERS_TOO_MUCH'
    | 'USER_BLOCKED'
    | 'USER_CHANNELS_TOO_MUCH'
    | 'USER_CREATOR'
    | 'USER_ID_INVALID'
    | 'USER_KICKED'
    | 'USER_NOT_MUTUAL_CONTACT'
    | 'USER_PRIVACY_RESTRICTED'
    | 'USER_RESTRICTED';
  'channels.editBanned':
    | 'BANNED_RIGHTS_INVALID'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'PARTICIPANT_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'USER_ADMIN_INVALID'
    | 'USER_ID_INVALID';
  'channels.editCreator':
    | 'CHANNELS_ADMIN_PUBLIC_TOO_MUCH'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_MONOFORUM_UNSUPPORTED'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_MEMBER_ADD_FAILED'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'INPUT_USER_DEACTIVATED'
    | 'PASSWORD_HASH_INVALID'
    | 'PASSWORD_MISSING'
    | 'PASSWORD_TOO_FRESH_%d'
    | 'SESSION_TOO_FRESH_%d'
    | 'SRP_ID_INVALID'
    | 'USERS_TOO_MUCH'
    | 'USER_CHANNELS_TOO_MUCH'
    | 'USER_ID_INVALID'
    | 'USER_NOT_MUTUAL_CONTACT'
    | 'USER_PRIVACY_RESTRICTED';
  'channels.editForumTopic':
    | 'CHANNEL_FORUM_MISSING'
    | 'CHANNEL_INVALID'
    | 'CHAT_ADMIN_REQUIRED'
    | 'DOCUMENT_INVALID'
    | 'GENERAL_MODIFY_ICON_FORBIDDEN'
    | 'NOGENERAL_HIDE_FORBIDDEN'
    | 'TOPIC_CLOSE_SEPARATELY'
    | 'TOPIC_HIDE_SEPARATELY'
    | 'TOPIC_ID_INVALID'
    | 'TOPIC_NOT_MODIFIED';
  'channels.editLocation':
    | 'CHANNEL_INVALID'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_NOT_MODIFIED'
    | 'MEGAGROUP_GEO_REQUIRED'
    | 'MEGAGROUP_REQUIRED';
  'channels.editPhoto':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'FILE_PARTS_INVALID'
    | 'FILE_REFERENCE_INVALID'
    | 'IMAGE_PROCESS_FAILED'
    | 'PEER_ID_INVALID'
    | 'PHOTO_CROP_SIZE_SMALL'
    | 'PHOTO_EXT_INVALID'
    | 'PHOTO_FILE_MISSING'
    | 'PHOTO_INVALID'
    | 'STICKER_MIME_INVALID';
  'channels.editTitle':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_INVALID'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_TITLE_EMPTY'
    | 'CHAT_WRITE_FORBIDDEN';
  'channels.exportMessageLink': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MESSAGE_ID_INVALID' | 'MSG_ID_INVALID';
  'channels.getAdminLog': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'CHAT_ADMIN_REQUIRED' | 'CHAT_WRITE_FORBIDDEN' | 'MSG_ID_INVALID';
  'channels.getAdminedPublicChannels': 'CHANNELS_ADMIN_LOCATED_TOO_MUCH' | 'CHANNELS_ADMIN_PUBLIC_TOO_MUCH';
  'channels.getChannelRecommendations': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'CHAT_NOT_MODIFIED';
  'channels.getChannels': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID' | 'USER_BANNED_IN_CHANNEL';
  'channels.getForumTopics': 'CHANNEL_FORUM_MISSING' | 'CHANNEL_INVALID' | 'CHANNEL_MONOFORUM_UNSUPPORTED' | 'CHANNEL_PRIVATE';
  'channels.getForumTopicsByID': 'CHANNEL_FORUM_MISSING' | 'CHANNEL_INVALID' | 'TOPICS_EMPTY';
  'channels.getFullChannel': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'CHANNEL_PUBLIC_GROUP_NA' | 'CHAT_NOT_MODIFIED' | 'MSG_ID_INVALID';
  'channels.getLeftChannels': 'TAKEOUT_INVALID' | 'TAKEOUT_REQUIRED';
  'channels.getMessageAuthor': 'CHANNEL_INVALID';
  'channels.getMessages':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_NOT_MODIFIED'
    | 'FROZEN_PARTICIPANT_MISSING'
    | 'MESSAGE_IDS_EMPTY'
    | 'MSG_ID_INVALID'
    | 'USER_BANNED_IN_CHANNEL';
  'channels.getParticipant':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'MSG_ID_INVALID'
    | 'PARTICIPANT_ID_INVALID'
    | 'USER_ID_INVALID'
    | 'USER_NOT_PARTICIPANT';
  'channels.getParticipants':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_MONOFORUM_UNSUPPORTED'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'MSG_ID_INVALID';
  'channels.getSendAs': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'CHAT_ID_INVALID' | 'PEER_ID_INVALID';
  'channels.inviteToChannel':
    | 'BOTS_TOO_MUCH'
    | 'BOT_GROUPS_BLOCKED'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_MONOFORUM_UNSUPPORTED'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_INVALID'
    | 'CHAT_MEMBER_ADD_FAILED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'USERS_TOO_MUCH'
    | 'USER_BANNED_IN_CHANNEL'
    | 'USER_BLOCKED'
    | 'USER_BOT'
    | 'USER_CHANNELS_TOO_MUCH'
    | 'USER_ID_INVALID'
    | 'USER_KICKED'
    | 'USER_NOT_MUTUAL_CONTACT'
    | 'USER_PRIVACY_RESTRICTED';
  'channels.joinChannel':
    | 'CHANNELS_TOO_MUCH'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_MONOFORUM_UNSUPPORTED'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_INVALID'
    | 'FROZEN_METHOD_INVALID'
    | 'INVITE_HASH_EMPTY'
    | 'INVITE_HASH_EXPIRED'
    | 'INVITE_HASH_INVALID'
    | 'INVITE_REQUEST_SENT'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'USERS_TOO_MUCH'
    | 'USER_ALREADY_PARTICIPANT'
    | 'USER_CHANNELS_TOO_MUCH';
  'channels.leaveChannel':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHANNEL_PUBLIC_GROUP_NA'
    | 'CHAT_INVALID'
    | 'MSG_ID_INVALID'
    | 'USER_BANNED_IN_CHANNEL'
    | 'USER_CREATOR'
    | 'USER_NOT_PARTICIPANT';
  'channels.readHistory': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID';
  'channels.readMessageContents': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID';
  'channels.reorderPinnedForumTopics': 'CHANNEL_INVALID';
  'channels.reorderUsernames': 'CHANNEL_INVALID' | 'CHAT_NOT_MODIFIED';
  'channels.reportAntiSpamFalsePositive': 'CHANNEL_INVALID';
  'channels.reportSpam': 'CHANNEL_INVALID' | 'CHAT_ADMIN_REQUIRED' | 'INPUT_USER_DEACTIVATED' | 'MSG_ID_INVALID' | 'USER_ID_INVALID';
  'channels.restrictSponsoredMessages': 'CHANNEL_INVALID';
  'channels.searchPosts': 'FROZEN_METHOD_INVALID' | 'PREMIUM_ACCOUNT_REQUIRED';
  'channels.setBoostsToUnblockRestrictions': 'CHANNEL_INVALID';
  'channels.setDiscussionGroup':
    | 'BROADCAST_ID_INVALID'
    | 'CHANNEL_INVALID'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'LINK_NOT_MODIFIED'
    | 'MEGAGROUP_ID_INVALID'
    | 'MEGAGROUP_PREHISTORY_HIDDEN';
  'channels.setEmojiStickers': 'CHANNEL_INVALID';
  'channels.setMainProfileTab': 'CHANNEL_INVALID';
  'channels.setStickers': 'CHANNEL_INVALID' | 'CHAT_ID_INVALID' | 'PARTICIPANTS_TOO_FEW' | 'STICKERSET_OWNER_ANONYMOUS';
  'channels.toggleAntiSpam': 'CHANNEL_INVALID' | 'CHAT_NOT_MODIFIED';
  'channels.toggleAutotranslation': 'CHANNEL_INVALID';
  'channels.toggleForum': 'CHANNEL_INVALID' | 'CHAT_ADMIN_REQUIRED' | 'CHAT_DISCUSSION_UNALLOWED' | 'CHAT_ID_INVALID' | 'CHAT_NOT_MODIFIED';
  'channels.toggleJoinRequest':
    | 'CHANNEL_INVALID'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_PUBLIC_REQUIRED';
  'channels.toggleJoinToSend': 'CHANNEL_INVALID' | 'CHAT_ADMIN_REQUIRED' | 'CHAT_ID_INVALID' | 'CHAT_NOT_MODIFIED';
  'channels.toggleParticipantsHidden':
    | 'CHANNEL_INVALID'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_NOT_MODIFIED'
    | 'PARTICIPANTS_TOO_FEW';
  'channels.togglePreHistoryHidden':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_LINK_EXISTS'
    | 'CHAT_NOT_MODIFIED'
    | 'FORUM_ENABLED';
  'channels.toggleSignatures': 'CHANNEL_INVALID' | 'CHAT_ADMIN_REQUIRED' | 'CHAT_ID_INVALID' | 'CHAT_NOT_MODIFIED';
  'channels.toggleSlowMode': 'CHANNEL_INVALID' | 'CHAT_ADMIN_REQUIRED' | 'CHAT_ID_INVALID' | 'CHAT_NOT_MODIFIED' | 'SECONDS_INVALID';
  'channels.toggleUsername':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_NOT_MODIFIED'
    | 'USERNAMES_ACTIVE_TOO_MUCH'
    | 'USERNAME_INVALID'
    | 'USERNAME_NOT_MODIFIED';
  'channels.toggleViewForumAsMessages': 'CHANNEL_INVALID';
  'channels.updateColor': 'BOOSTS_REQUIRED' | 'CHANNEL_INVALID';
  'channels.updateEmojiStatus': 'CHANNEL_INVALID';
  'channels.updatePaidMessagesPrice': 'CHANNEL_INVALID' | 'CHANNEL_MONOFORUM_UNSUPPORTED' | 'CHAT_NOT_MODIFIED' | 'STARS_AMOUNT_INVALID';
  'channels.updatePinnedForumTopic': 'CHANNEL_INVALID' | 'PINNED_TOO_MUCH' | 'TOPIC_ID_INVALID';
  'channels.updateUsername':
    | 'CHANNELS_ADMIN_PUBLIC_TOO_MUCH'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'USERNAME_INVALID'
    | 'USERNAME_NOT_MODIFIED'
    | 'USERNAME_OCCUPIED'
    | 'USERNAME_PURCHASE_AVAILABLE';
  'chatlists.checkChatlistInvite': 'INVITE_SLUG_EMPTY' | 'INVITE_SLUG_EXPIRED';
  'chatlists.deleteExportedInvite': 'FILTER_ID_INVALID' | 'FILTER_NOT_SUPPORTED' | 'INVITE_SLUG_EXPIRED' | 'INVITE_SLUG_INVALID';
  'chatlists.editExportedInvite':
    | 'CHANNEL_INVALID'
    | 'FILTER_ID_INVALID'
    | 'FILTER_NOT_SUPPORTED'
    | 'INVITE_SLUG_EMPTY'
    | 'INVITE_SLUG_EXPIRED'
    | 'PEERS_LIST_EMPTY';
  'chatlists.exportChatlistInvite':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHATLISTS_TOO_MUCH'
    | 'CHAT_ADMIN_REQUIRED'
    | 'FILTER_ID_INVALID'
    | 'FILTER_NOT_SUPPORTED'
    | 'INVITES_TOO_MUCH'
    | 'PEERS_LIST_EMPTY';
  'chatlists.getChatlistUpdates': 'FILTER_ID_INVALID' | 'FILTER_NOT_SUPPORTED' | 'INPUT_CHATLIST_INVALID';
  'chatlists.getExportedInvites': 'FILTER_ID_INVALID';
  'chatlists.getLeaveChatlistSuggestions': 'FILTER_ID_INVALID' | 'FILTER_NOT_SUPPORTED';
  'chatlists.hideChatlistUpdates': 'FILTER_ID_INVALID' | 'FILTER_NOT_SUPPORTED';
  'chatlists.joinChatlistInvite':
    | 'CHANNELS_TOO_MUCH'
    | 'CHATLISTS_TOO_MUCH'
    | 'FILTER_INCLUDE_EMPTY'
    | 'INVITE_SLUG_EMPTY'
    | 'INVITE_SLUG_EXPIRED';
  'chatlists.joinChatlistUpdates': 'FILTER_ID_INVALID' | 'FILTER_INCLUDE_EMPTY';
  'chatlists.leaveChatlist': 'FILTER_ID_INVALID';
  'contacts.acceptContact': 'CONTACT_ADD_MISSING' | 'CONTACT_ID_INVALID' | 'CONTACT_REQ_MISSING' | 'MSG_ID_INVALID';
  'contacts.addContact': 'CHANNEL_PRIVATE' | 'CONTACT_ID_INVALID' | 'CONTACT_NAME_EMPTY' | 'MSG_ID_INVALID';
  'contacts.block': 'CHANNEL_PRIVATE' | 'CONTACT_ID_INVALID' | 'INPUT_USER_DEACTIVATED' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID';
  'contacts.blockFromReplies': 'MSG_ID_INVALID';
  'contacts.deleteContacts': 'MSG_ID_INVALID';
  'contacts.getLocated': 'BUSINESS_ADDRESS_ACTIVE' | 'GEO_POINT_INVALID' | 'USERPIC_PRIVACY_REQUIRED' | 'USERPIC_UPLOAD_REQUIRED';
  'contacts.getSaved': 'TAKEOUT_INVALID' | 'TAKEOUT_REQUIRED';
  'contacts.getSponsoredPeers': 'SEARCH_QUERY_EMPTY';
  'contacts.getTopPeers': 'TYPES_EMPTY';
  'contacts.importContactToken': 'IMPORT_TOKEN_INVALID';
  'contacts.resetTopPeerRating': 'PEER_ID_INVALID';
  'contacts.resolvePhone': 'PHONE_NOT_OCCUPIED';
  'contacts.resolveUsername': 'CONNECTION_LAYER_INVALID' | 'STARREF_EXPIRED' | 'USERNAME_INVALID' | 'USERNAME_NOT_OCCUPIED';
  'contacts.search': 'QUERY_TOO_SHORT' | 'SEARCH_QUERY_EMPTY';
  'contacts.unblock': 'CHANNEL_PRIVATE' | 'CONTACT_ID_INVALID' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID';
  'contacts.updateContactNote': 'CONTACT_ID_INVALID';
  'folders.editPeerFolders': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'CHAT_ID_INVALID' | 'FOLDER_ID_INVALID';
  'fragment.getCollectibleInfo': 'COLLECTIBLE_INVALID' | 'COLLECTIBLE_NOT_FOUND';
  'help.acceptTermsOfService': 'DATA_JSON_INVALID';
  'help.editUserInfo': 'ENTITY_BOUNDS_INVALID' | 'USER_INVALID';
  'help.getConfig':
    | 'CONNECTION_API_ID_INVALID'
    | 'CONNECTION_APP_VERSION_EMPTY'
    | 'CONNECTION_LAYER_INVALID'
    | 'DATA_INVALID'
    | 'MSG_ID_INVALID'
    | 'USERNAME_INVALID'
    | 'USER_PRIVACY_RESTRICTED';
  'help.getSupportName': 'USER_INVALID';
  'help.getUserInfo': 'USER_INVALID';
  'help.setBotUpdatesStatus': 'USER_BOT_REQUIRED';
  initConnection: 'CONNECTION_LAYER_INVALID';
  invokeWithLayer:
    | 'AUTH_BYTES_INVALID'
    | 'CDN_METHOD_INVALID'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'CONNECTION_API_ID_INVALID'
    | 'INVITE_HASH_EXPIRED';
  'langpack.getDifference': 'LANG_PACK_INVALID';
  'langpack.getLangPack': 'LANGUAGE_INVALID' | 'LANG_CODE_NOT_SUPPORTED' | 'LANG_PACK_INVALID';
  'langpack.getLanguage': 'LANG_CODE_NOT_SUPPORTED' | 'LANG_PACK_INVALID';
  'langpack.getLanguages': 'LANG_PACK_INVALID';
  'langpack.getStrings': 'LANG_CODE_NOT_SUPPORTED' | 'LANG_PACK_INVALID';
  'messages.acceptEncryption': 'CHAT_ID_INVALID' | 'ENCRYPTION_ALREADY_ACCEPTED' | 'ENCRYPTION_ALREADY_DECLINED';
  'messages.addChatUser':
    | 'BOT_GROUPS_BLOCKED'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_INVALID'
    | 'CHAT_MEMBER_ADD_FAILED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'USERS_TOO_MUCH'
    | 'USER_ALREADY_PARTICIPANT'
    | 'USER_ID_INVALID'
    | 'USER_IS_BLOCKED'
    | 'USER_NOT_MUTUAL_CONTACT'
    | 'USER_PRIVACY_RESTRICTED'
    | 'YOU_BLOCKED_USER';
  'messages.appendTodoList': 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID' | 'TODO_ITEM_DUPLICATE' | 'TODO_NOT_MODIFIED';
  'messages.checkChatInvite': 'CHANNEL_PRIVATE' | 'INVITE_HASH_EMPTY' | 'INVITE_HASH_EXPIRED' | 'INVITE_HASH_INVALID';
  'messages.checkHistoryImport': 'IMPORT_FORMAT_UNRECOGNIZED';
  'messages.checkHistoryImportPeer': 'CHAT_ADMIN_REQUIRED' | 'PEER_ID_INVALID' | 'USER_NOT_MUTUAL_CONTACT';
  'messages.checkQuickReplyShortcut': 'PREMIUM_ACCOUNT_REQUIRED';
  'messages.createChat':
    | 'CHAT_ID_GENERATE_FAILED'
    | 'CHAT_INVALID'
    | 'CHAT_MEMBER_ADD_FAILED'
    | 'CHAT_TITLE_EMPTY'
    | 'INPUT_USER_DEACTIVATED'
    | 'TTL_PERIOD_INVALID'
    | 'USERS_TOO_FEW'
    | 'USER_RESTRICTED';
  'messages.createForumTopic': 'CHANNEL_FORUM_MISSING' | 'CHANNEL_INVALID' | 'PEER_ID_INVALID';
  'messages.deleteChat': 'CHAT_ADMIN_REQUIRED' | 'CHAT_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.deleteChatUser':
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'INPUT_USER_DEACTIVATED'
    | 'PEER_ID_INVALID'
    | 'USER_ID_INVALID'
    | 'USER_NOT_PARTICIPANT';
  'messages.deleteExportedChatInvite': 'CHAT_ADMIN_REQUIRED' | 'INVITE_HASH_EXPIRED' | 'INVITE_REVOKED_MISSING' | 'PEER_ID_INVALID';
  'messages.deleteFactCheck': 'CHAT_ACTION_FORBIDDEN' | 'PEER_ID_INVALID';
  'messages.deleteHistory':
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_REVOKE_DATE_UNSUPPORTED'
    | 'MAX_DATE_INVALID'
    | 'MESSAGE_ID_INVALID'
    | 'MIN_DATE_INVALID'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID';
  'messages.deleteMessages':
    | 'BOT_ACCESS_FORBIDDEN'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'MESSAGE_DELETE_FORBIDDEN'
    | 'MESSAGE_ID_INVALID'
    | 'SELF_DELETE_RESTRICTED';
  'messages.deleteQuickReplyMessages': 'SHORTCUT_INVALID';
  'messages.deleteQuickReplyShortcut': 'SHORTCUT_INVALID';
  'messages.deleteRevokedExportedChatInvites': 'ADMIN_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.deleteSavedHistory': 'PEER_ID_INVALID';
  'messages.deleteScheduledMessages': 'CHANNEL_INVALID' | 'MESSAGE_DELETE_FORBIDDEN' | 'PEER_ID_INVALID';
  'messages.deleteTopicHistory': 'CHANNEL_INVALID';
  'messages.discardEncryption':
    | 'CHAT_ID_EMPTY'
    | 'ENCRYPTION_ALREADY_ACCEPTED'
    | 'ENCRYPTION_ALREADY_DECLINED'
    | 'ENCRYPTION_DECLINE_ADMIN_FAILED'
    | 'ENCRYPTION_ID_INVALID';
  'messages.editChatAbout':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ABOUT_NOT_MODIFIED'
    | 'CHAT_ABOUT_TOO_LONG'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'PEER_ID_INVALID';
  'messages.editChatAdmin': 'CHAT_ID_INVALID' | 'PEER_ID_INVALID' | 'USER_ID_INVALID' | 'USER_NOT_PARTICIPANT';
  'messages.editChatDefaultBannedRights':
    | 'BANNED_RIGHTS_INVALID'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'PEER_ID_INVALID'
    | 'UNTIL_DATE_INVALID';
  'messages.editChatPhoto':
    | 'CHAT_ID_INVALID'
    | 'CHAT_NOT_MODIFIED'
    | 'IMAGE_PROCESS_FAILED'
    | 'PEER_ID_INVALID'
    | 'PHOTO_CROP_SIZE_SMALL'
    | 'PHOTO_EXT_INVALID'
    | 'PHOTO_INVALID';
  'messages.editChatTitle': 'CHAT_ADMIN_REQUIRED' | 'CHAT_ID_INVALID' | 'CHAT_NOT_MODIFIED' | 'CHAT_TITLE_EMPTY' | 'PEER_ID_INVALID';
  'messages.editExportedChatInvite':
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_INVITE_PERMANENT'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'EDIT_BOT_INVITE_FORBIDDEN'
    | 'INVITE_HASH_EXPIRED'
    | 'PEER_ID_INVALID'
    | 'USAGE_LIMIT_INVALID';
  'messages.editFactCheck': 'CHAT_ACTION_FORBIDDEN' | 'PEER_ID_INVALID';
  'messages.editForumTopic': 'CHANNEL_INVALID';
  'messages.editInlineBotMessage': 'BUTTON_DATA_INVALID' | 'ENTITY_BOUNDS_INVALID' | 'MESSAGE_ID_INVALID' | 'MESSAGE_NOT_MODIFIED';
  'messages.editMessage':
    | 'BOT_DOMAIN_INVALID'
    | 'BOT_INVALID'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'BUSINESS_PEER_INVALID'
    | 'BUTTON_COPY_TEXT_INVALID'
    | 'BUTTON_DATA_INVALID'
    | 'BUTTON_TYPE_INVALID'
    | 'BUTTON_URL_INVALID'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_FORWARDS_RESTRICTED'
    | 'CHAT_SEND_GIFS_FORBIDDEN'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'DOCUMENT_INVALID'
    | 'ENTITIES_TOO_LONG'
    | 'ENTITY_BOUNDS_INVALID'
    | 'FILE_PARTS_INVALID'
    | 'IMAGE_PROCESS_FAILED'
    | 'INLINE_BOT_REQUIRED'
    | 'INPUT_USER_DEACTIVATED'
    | 'MEDIA_CAPTION_TOO_LONG'
    | 'MEDIA_EMPTY'
    | 'MEDIA_GROUPED_INVALID'
    | 'MEDIA_INVALID'
    | 'MEDIA_NEW_INVALID'
    | 'MEDIA_PREV_INVALID'
    | 'MEDIA_TTL_INVALID'
    | 'MESSAGE_AUTHOR_REQUIRED'
    | 'MESSAGE_EDIT_TIME_EXPIRED'
    | 'MESSAGE_EMPTY'
    | 'MESSAGE_ID_INVALID'
    | 'MESSAGE_NOT_MODIFIED'
    | 'MESSAGE_TOO_LONG'
    | 'MSG_ID_INVALID'
    | 'MSG_WAIT_FAILED'
    | 'PEER_ID_INVALID'
    | 'PEER_TYPES_INVALID'
    | 'PHOTO_EXT_INVALID'
    | 'PHOTO_INVALID_DIMENSIONS'
    | 'PHOTO_SAVE_FILE_INVALID'
    | 'REPLY_MARKUP_INVALID'
    | 'REPLY_MARKUP_TOO_LONG'
    | 'SCHEDULE_DATE_INVALID'
    | 'TODO_ITEMS_EMPTY'
    | 'TODO_ITEM_DUPLICATE'
    | 'USER_BANNED_IN_CHANNEL'
    | 'WEBPAGE_NOT_FOUND';
  'messages.editQuickReplyShortcut': 'PREMIUM_ACCOUNT_REQUIRED' | 'SHORTCUT_INVALID';
  'messages.exportChatInvite':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_MONOFORUM_UNSUPPORTED'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'EXPIRE_DATE_INVALID'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'PRICING_CHAT_INVALID'
    | 'SUBSCRIPTION_PERIOD_INVALID'
    | 'USAGE_LIMIT_INVALID';
  'messages.faveSticker': 'STICKER_ID_INVALID';
  'messages.forwardMessages':
    | 'ALLOW_PAYMENT_REQUIRED'
    | 'ALLOW_PAYMENT_REQUIRED_%d'
    | 'BROADCAST_PUBLIC_VOTERS_FORBIDDEN'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_FORWARDS_RESTRICTED'
    | 'CHAT_GUEST_SEND_FORBIDDEN'
    | 'CHAT_ID_INVALID'
    | 'CHAT_RESTRICTED'
    | 'CHAT_SEND_AUDIOS_FORBIDDEN'
    | 'CHAT_SEND_DOCS_FORBIDDEN'
    | 'CHAT_SEND_GAME_FORBIDDEN'
    | 'CHAT_SEND_GIFS_FORBIDDEN'
    | 'CHAT_SEND_INLINE_FORBIDDEN'
    | 'CHAT_SEND_MEDIA_FORBIDDEN'
    | 'CHAT_SEND_PHOTOS_FORBIDDEN'
    | 'CHAT_SEND_PLAIN_FORBIDDEN'
    | 'CHAT_SEND_POLL_FORBIDDEN'
    | 'CHAT_SEND_STICKERS_FORBIDDEN'
    | 'CHAT_SEND_VIDEOS_FORBIDDEN'
    | 'CHAT_SEND_VOICES_FORBIDDEN'
    | 'CHAT_SEND_WEBPAGE_FORBIDDEN'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'GROUPED_MEDIA_INVALID'
    | 'INPUT_USER_DEACTIVATED'
    | 'MEDIA_EMPTY'
    | 'MESSAGE_IDS_EMPTY'
    | 'MESSAGE_ID_INVALID'
    | 'MSG_ID_INVALID'
    | 'NEED_DOC_INVALID'
    | 'PAYMENT_UNSUPPORTED'
    | 'PEER_ID_INVALID'
    | 'PREMIUM_ACCOUNT_REQUIRED'
    | 'PRIVACY_PREMIUM_REQUIRED'
    | 'QUICK_REPLIES_BOT_NOT_ALLOWED'
    | 'QUICK_REPLIES_TOO_MUCH'
    | 'QUIZ_ANSWER_MISSING'
    | 'RANDOM_ID_DUPLICATE'
    | 'RANDOM_ID_INVALID'
    | 'REPLY_MESSAGES_TOO_MUCH'
    | 'REPLY_TO_MONOFORUM_PEER_INVALID'
    | 'SCHEDULE_BOT_NOT_ALLOWED'
    | 'SCHEDULE_DATE_TOO_LATE'
    | 'SCHEDULE_TOO_MUCH'
    | 'SEND_AS_PEER_INVALID'
    | 'SLOWMODE_MULTI_MSGS_DISABLED'
    | 'SLOWMODE_WAIT_%d'
    | 'SUGGESTED_POST_PEER_INVALID'
    | 'TOPIC_CLOSED'
    | 'TOPIC_DELETED'
    | 'USER_BANNED_IN_CHANNEL'
    | 'USER_IS_BLOCKED'
    | 'USER_IS_BOT'
    | 'VOICE_MESSAGES_FORBIDDEN'
    | 'YOU_BLOCKED_USER';
  'messages.getAdminsWithInvites': 'CHAT_ADMIN_REQUIRED' | 'CHAT_WRITE_FORBIDDEN' | 'PEER_ID_INVALID';
  'messages.getAttachMenuBot': 'BOT_INVALID';
  'messages.getAttachedStickers': 'MEDIA_EMPTY';
  'messages.getBotApp': 'BOT_APP_BOT_INVALID' | 'BOT_APP_INVALID' | 'BOT_APP_SHORTNAME_INVALID';
  'messages.getBotCallbackAnswer':
    | 'BOT_RESPONSE_TIMEOUT'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'DATA_INVALID'
    | 'MESSAGE_ID_INVALID'
    | 'MSG_ID_INVALID'
    | 'PASSWORD_MISSING'
    | 'PEER_ID_INVALID'
    | 'Timeout';
  'messages.getChatInviteImporters':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'INVITE_HASH_EXPIRED'
    | 'PEER_ID_INVALID'
    | 'SEARCH_WITH_LINK_NOT_SUPPORTED';
  'messages.getChats': 'CHAT_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.getCommonChats': 'MSG_ID_INVALID' | 'USER_ID_INVALID';
  'messages.getDhConfig': 'RANDOM_LENGTH_INVALID';
  'messages.getDialogs':
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'FOLDER_ID_INVALID'
    | 'OFFSET_PEER_ID_INVALID'
    | 'PINNED_DIALOGS_TOO_MUCH'
    | 'TAKEOUT_INVALID';
  'messages.getDiscussionMessage': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID' | 'TOPIC_ID_INVALID';
  'messages.getDocumentByHash': 'SHA256_HASH_INVALID';
  'messages.getExportedChatInvite':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'INVITE_HASH_EXPIRED'
    | 'PEER_ID_INVALID';
  'messages.getExportedChatInvites':
    | 'ADMIN_ID_INVALID'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'PEER_ID_INVALID';
  'messages.getFactCheck': 'PEER_ID_INVALID';
  'messages.getForumTopics': 'CHANNEL_INVALID';
  'messages.getForumTopicsByID': 'CHANNEL_INVALID';
  'messages.getFullChat': 'CHAT_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.getGameHighScores': 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID' | 'USER_BOT_REQUIRED';
  'messages.getHistory':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ID_INVALID'
    | 'CHAT_NOT_MODIFIED'
    | 'FROZEN_PARTICIPANT_MISSING'
    | 'MSG_ID_INVALID'
    | 'NEED_DOC_INVALID'
    | 'PEER_ID_INVALID'
    | 'TAKEOUT_INVALID'
    | 'VOLUME_MOVE_INVALID';
  'messages.getInlineBotResults':
    | 'BOT_INLINE_DISABLED'
    | 'BOT_INVALID'
    | 'BOT_RESPONSE_TIMEOUT'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'Timeout';
  'messages.getInlineGameHighScores': 'MESSAGE_ID_INVALID' | 'USER_BOT_REQUIRED';
  'messages.getMessageEditData':
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'MESSAGE_AUTHOR_REQUIRED'
    | 'MESSAGE_ID_INVALID'
    | 'PEER_ID_INVALID';
  'messages.getMessageReactionsList': 'BROADCAST_FORBIDDEN' | 'CHANNEL_INVALID' | 'MSG_ID_INVALID';
  'messages.getMessageReadParticipants': 'CHAT_TOO_BIG' | 'MSG_ID_INVALID' | 'MSG_TOO_OLD' | 'PEER_ID_INVALID';
  'messages.getMessagesReactions': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID';
  'messages.getMessagesViews':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ID_INVALID'
    | 'CHAT_NOT_MODIFIED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID';
  'messages.getOnlines': 'CHANNEL_PRIVATE' | 'CHAT_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.getOutboxReadDate':
    | 'MESSAGE_ID_INVALID'
    | 'MESSAGE_NOT_READ_YET'
    | 'MESSAGE_TOO_OLD'
    | 'PEER_ID_INVALID'
    | 'USER_PRIVACY_RESTRICTED'
    | 'YOUR_PRIVACY_RESTRICTED';
  'messages.getPeerDialogs':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'FROZEN_PARTICIPANT_MISSING'
    | 'INPUT_PEERS_EMPTY'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID';
  'messages.getPeerSettings':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_MONOFORUM_UNSUPPORTED'
    | 'CHANNEL_PRIVATE'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID';
  'messages.getPinnedDialogs': 'FOLDER_ID_INVALID';
  'messages.getPollResults': 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.getPollVotes': 'BROADCAST_FORBIDDEN' | 'MSG_ID_INVALID' | 'POLL_VOTE_REQUIRED';
  'messages.getPreparedInlineMessage': 'ID_EXPIRED' | 'ID_INVALID';
  'messages.getQuickReplyMessages': 'SHORTCUT_INVALID';
  'messages.getReplies': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID' | 'TOPIC_ID_INVALID';
  'messages.getSavedHistory': 'PEER_ID_INVALID';
  'messages.getSavedReactionTags': 'PEER_ID_INVALID';
  'messages.getScheduledHistory': 'CHAT_ADMIN_REQUIRED' | 'PEER_ID_INVALID';
  'messages.getScheduledMessages': 'CHANNEL_INVALID' | 'CHAT_ADMIN_REQUIRED' | 'PEER_ID_INVALID';
  'messages.getSearchCounters': 'PEER_ID_INVALID';
  'messages.getSearchResultsCalendar': 'FILTER_NOT_SUPPORTED' | 'PEER_ID_INVALID';
  'messages.getSearchResultsPositions': 'PEER_ID_INVALID';
  'messages.getSponsoredMessages': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID';
  'messages.getStickerSet': 'EMOTICON_STICKERPACK_MISSING' | 'STICKERSET_INVALID';
  'messages.getStickers': 'EMOTICON_EMPTY';
  'messages.getUnreadMentions': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.getUnreadReactions': 'PEER_ID_INVALID';
  'messages.getWebPage': 'WC_CONVERT_URL_INVALID';
  'messages.getWebPagePreview': 'ENTITY_BOUNDS_INVALID' | 'MESSAGE_EMPTY';
  'messages.hideAllChatJoinRequests':
    | 'CHANNELS_TOO_MUCH'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'HIDE_REQUESTER_MISSING'
    | 'INVITE_HASH_EXPIRED'
    | 'PEER_ID_INVALID'
    | 'USER_CHANNELS_TOO_MUCH';
  'messages.hideChatJoinRequest':
    | 'CHANNELS_TOO_MUCH'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'HIDE_REQUESTER_MISSING'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'USER_ALREADY_PARTICIPANT'
    | 'USER_CHANNELS_TOO_MUCH'
    | 'USER_ID_INVALID';
  'messages.hidePeerSettingsBar': 'PEER_ID_INVALID';
  'messages.importChatInvite':
    | 'CHANNELS_TOO_MUCH'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_INVALID'
    | 'INVITE_HASH_EMPTY'
    | 'INVITE_HASH_EXPIRED'
    | 'INVITE_HASH_INVALID'
    | 'INVITE_REQUEST_SENT'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'STARS_PAYMENT_REQUIRED'
    | 'USERS_TOO_MUCH'
    | 'USER_ALREADY_PARTICIPANT'
    | 'USER_CHANNELS_TOO_MUCH';
  'messages.initHistoryImport':
    | 'CHAT_ADMIN_REQUIRED'
    | 'IMPORT_FILE_INVALID'
    | 'IMPORT_FORMAT_DATE_INVALID'
    | 'IMPORT_FORMAT_UNRECOGNIZED'
    | 'PEER_ID_INVALID'
    | 'PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_%dMIN'
    | 'USER_NOT_MUTUAL_CONTACT';
  'messages.installStickerSet': 'STICKERSET_INVALID';
  'messages.markDialogUnread': 'PEER_ID_INVALID';
  'messages.migrateChat': 'CHANNELS_TOO_MUCH' | 'CHAT_ADMIN_REQUIRED' | 'CHAT_ID_INVALID' | 'CHAT_INVALID' | 'PEER_ID_INVALID';
  'messages.prolongWebView': 'BOT_INVALID';
  'messages.readDiscussion': 'CHAT_ID_INVALID' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.readEncryptedHistory': 'CHAT_ID_INVALID' | 'MAX_DATE_INVALID' | 'MSG_WAIT_FAILED';
  'messages.readHistory': 'BUSINESS_CONNECTION_INVALID' | 'CHANNEL_PRIVATE' | 'CHAT_ID_INVALID' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.readMentions': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID' | 'SAVED_PEER_INVALID';
  'messages.readReactions': 'PEER_ID_INVALID';
  'messages.readSavedHistory': 'CHAT_ADMIN_REQUIRED' | 'PARENT_PEER_INVALID';
  'messages.receivedQueue': 'MAX_QTS_INVALID' | 'MSG_WAIT_FAILED';
  'messages.reorderPinnedDialogs': 'PEER_ID_INVALID';
  'messages.reorderPinnedForumTopics': 'CHANNEL_INVALID';
  'messages.reorderQuickReplies': 'PREMIUM_ACCOUNT_REQUIRED';
  'messages.report': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MESSAGE_REQUIRED' | 'OPTION_INVALID' | 'PEER_ID_INVALID';
  'messages.reportEncryptedSpam': 'CHAT_ID_INVALID';
  'messages.reportMessagesDelivery': 'PEER_ID_INVALID';
  'messages.reportReaction': 'MSG_ID_INVALID' | 'PEER_ID_INVALID' | 'USER_ID_INVALID';
  'messages.reportSpam': 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.requestAppWebView':
    | 'BOT_APP_BOT_INVALID'
    | 'BOT_APP_INVALID'
    | 'BOT_APP_SHORTNAME_INVALID'
    | 'MSG_ID_INVALID'
    | 'THEME_PARAMS_INVALID';
  'messages.requestEncryption': 'DH_G_A_INVALID' | 'INPUT_USER_DEACTIVATED' | 'USER_ID_INVALID' | 'USER_IS_BLOCKED';
  'messages.requestMainWebView': 'BOT_INVALID';
  'messages.requestSimpleWebView': 'BOT_INVALID' | 'URL_INVALID';
  'messages.requestWebView':
    | 'BOT_INVALID'
    | 'BOT_WEBVIEW_DISABLED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'PRIVACY_PREMIUM_REQUIRED'
    | 'SEND_AS_PEER_INVALID'
    | 'THEME_PARAMS_INVALID'
    | 'URL_INVALID'
    | 'YOU_BLOCKED_USER';
  'messages.saveDefaultSendAs': 'CHANNEL_INVALID' | 'PEER_ID_INVALID' | 'SEND_AS_PEER_INVALID';
  'messages.saveDraft': 'CHAT_ADMIN_REQUIRED' | 'ENTITY_BOUNDS_INVALID' | 'INPUT_USER_DEACTIVATED' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.saveGif': 'GIF_ID_INVALID';
  'messages.savePreparedInlineMessage': 'RESULT_ID_INVALID' | 'SEND_MESSAGE_GAME_INVALID' | 'USER_BOT_REQUIRED' | 'USER_ID_INVALID';
  'messages.saveRecentSticker': 'STICKER_ID_INVALID';
  'messages.search':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'FROM_PEER_INVALID'
    | 'INPUT_FILTER_INVALID'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'PEER_ID_NOT_SUPPORTED'
    | 'SEARCH_QUERY_EMPTY'
    | 'TAKEOUT_INVALID'
    | 'USER_ID_INVALID';
  'messages.searchCustomEmoji': 'EMOTICON_EMPTY';
  'messages.searchGlobal': 'FOLDER_ID_INVALID' | 'INPUT_FILTER_INVALID' | 'SEARCH_QUERY_EMPTY';
  'messages.searchSentMedia': 'FILTER_NOT_SUPPORTED';
  'messages.sendBotRequestedPeer': 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.sendEncrypted':
    | 'CHAT_ID_INVALID'
    | 'DATA_INVALID'
    | 'DATA_TOO_LONG'
    | 'ENCRYPTION_DECLINED'
    | 'MSG_WAIT_FAILED'
    | 'USER_IS_BLOCKED';
  'messages.sendEncryptedFile':
    | 'CHAT_ID_INVALID'
    | 'DATA_TOO_LONG'
    | 'ENCRYPTION_DECLINED'
    | 'FILE_EMTPY'
    | 'MD5_CHECKSUM_INVALID'
    | 'MSG_WAIT_FAILED';
  'messages.sendEncryptedService':
    | 'CHAT_ID_INVALID'
    | 'DATA_INVALID'
    | 'ENCRYPTION_DECLINED'
    | 'ENCRYPTION_ID_INVALID'
    | 'MSG_WAIT_FAILED'
    | 'USER_DELETED'
    | 'USER_IS_BLOCKED';
  'messages.sendInlineBotResult':
    | 'ALLOW_PAYMENT_REQUIRED_%d'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_GUEST_SEND_FORBIDDEN'
    | 'CHAT_RESTRICTED'
    | 'CHAT_SEND_AUDIOS_FORBIDDEN'
    | 'CHAT_SEND_GAME_FORBIDDEN'
    | 'CHAT_SEND_GIFS_FORBIDDEN'
    | 'CHAT_SEND_INLINE_FORBIDDEN'
    | 'CHAT_SEND_MEDIA_FORBIDDEN'
    | 'CHAT_SEND_PHOTOS_FORBIDDEN'
    | 'CHAT_SEND_PLAIN_FORBIDDEN'
    | 'CHAT_SEND_STICKERS_FORBIDDEN'
    | 'CHAT_SEND_VOICES_FORBIDDEN'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'ENTITY_BOUNDS_INVALID'
    | 'INLINE_RESULT_EXPIRED'
    | 'INPUT_USER_DEACTIVATED'
    | 'MEDIA_EMPTY'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'PRIVACY_PREMIUM_REQUIRED'
    | 'QUERY_ID_EMPTY'
    | 'QUICK_REPLIES_TOO_MUCH'
    | 'RANDOM_ID_DUPLICATE'
    | 'REPLY_MESSAGES_TOO_MUCH'
    | 'RESULT_ID_EMPTY'
    | 'RESULT_ID_INVALID'
    | 'SCHEDULE_DATE_TOO_LATE'
    | 'SCHEDULE_TOO_MUCH'
    | 'SEND_AS_PEER_INVALID'
    | 'SEND_MEDIA_INVALID'
    | 'SLOWMODE_WAIT_%d'
    | 'TOPIC_DELETED'
    | 'USER_BANNED_IN_CHANNEL'
    | 'VOICE_MESSAGES_FORBIDDEN'
    | 'WEBPAGE_CURL_FAILED'
    | 'WEBPAGE_MEDIA_EMPTY'
    | 'YOU_BLOCKED_USER';
  'messages.sendMedia':
    | 'ALLOW_PAYMENT_REQUIRED'
    | 'ALLOW_PAYMENT_REQUIRED_%d'
    | 'BOT_GAMES_DISABLED'
    | 'BOT_PAYMENTS_DISABLED'
    | 'BROADCAST_PUBLIC_VOTERS_FORBIDDEN'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'BUSINESS_PEER_INVALID'
    | 'BUSINESS_PEER_USAGE_MISSING'
    | 'BUTTON_COPY_TEXT_INVALID'
    | 'BUTTON_DATA_INVALID'
    | 'BUTTON_POS_INVALID'
    | 'BUTTON_TYPE_INVALID'
    | 'BUTTON_URL_INVALID'
    | 'BUTTON_USER_PRIVACY_RESTRICTED'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_FORWARDS_RESTRICTED'
    | 'CHAT_GUEST_SEND_FORBIDDEN'
    | 'CHAT_RESTRICTED'
    | 'CHAT_SEND_AUDIOS_FORBIDDEN'
    | 'CHAT_SEND_DOCS_FORBIDDEN'
    | 'CHAT_SEND_GIFS_FORBIDDEN'
    | 'CHAT_SEND_MEDIA_FORBIDDEN'
    | 'CHAT_SEND_PHOTOS_FORBIDDEN'
    | 'CHAT_SEND_PLAIN_FORBIDDEN'
    | 'CHAT_SEND_POLL_FORBIDDEN'
    | 'CHAT_SEND_ROUNDVIDEOS_FORBIDDEN'
    | 'CHAT_SEND_STICKERS_FORBIDDEN'
    | 'CHAT_SEND_VIDEOS_FORBIDDEN'
    | 'CHAT_SEND_VOICES_FORBIDDEN'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'CURRENCY_TOTAL_AMOUNT_INVALID'
    | 'DOCUMENT_INVALID'
    | 'EFFECT_CHAT_INVALID'
    | 'EFFECT_ID_INVALID'
    | 'EMOTICON_INVALID'
    | 'ENTITY_BOUNDS_INVALID'
    | 'EXTENDED_MEDIA_AMOUNT_INVALID'
    | 'EXTENDED_MEDIA_EMPTY'
    | 'EXTENDED_MEDIA_INVALID'
    | 'EXTERNAL_URL_INVALID'
    | 'FILE_PARTS_INVALID'
    | 'FILE_PART_LENGTH_INVALID'
    | 'FILE_REFERENCE_EMPTY'
    | 'FILE_REFERENCE_EXPIRED'
    | 'GAME_BOT_INVALID'
    | 'IMAGE_PROCESS_FAILED'
    | 'INPUT_FILE_INVALID'
    | 'INPUT_USER_DEACTIVATED'
    | 'INVOICE_PAYLOAD_INVALID'
    | 'MD5_CHECKSUM_INVALID'
    | 'MEDIA_CAPTION_TOO_LONG'
    | 'MEDIA_EMPTY'
    | 'MEDIA_INVALID'
    | 'MESSAGE_EMPTY'
    | 'MSG_ID_INVALID'
    | 'PAYMENT_PROVIDER_INVALID'
    | 'PEER_ID_INVALID'
    | 'PHOTO_EXT_INVALID'
    | 'PHOTO_INVALID_DIMENSIONS'
    | 'PHOTO_SAVE_FILE_INVALID'
    | 'POLL_ANSWERS_INVALID'
    | 'POLL_ANSWER_INVALID'
    | 'POLL_OPTION_DUPLICATE'
    | 'POLL_OPTION_INVALID'
    | 'POLL_QUESTION_INVALID'
    | 'PREMIUM_ACCOUNT_REQUIRED'
    | 'PRIVACY_PREMIUM_REQUIRED'
    | 'QUICK_REPLIES_BOT_NOT_ALLOWED'
    | 'QUICK_REPLIES_TOO_MUCH'
    | 'QUIZ_CORRECT_ANSWERS_EMPTY'
    | 'QUIZ_CORRECT_ANSWERS_TOO_MUCH'
    | 'QUIZ_CORRECT_ANSWER_INVALID'
    | 'QUIZ_MULTIPLE_INVALID'
    | 'RANDOM_ID_DUPLICATE'
    | 'REPLY_MARKUP_BUY_EMPTY'
    | 'REPLY_MARKUP_GAME_EMPTY'
    | 'REPLY_MARKUP_INVALID'
    | 'REPLY_MARKUP_TOO_LONG'
    | 'REPLY_MESSAGES_TOO_MUCH'
    | 'REPLY_MESSAGE_ID_INVALID'
    | 'REPLY_TO_MONOFORUM_PEER_INVALID'
    | 'SCHEDULE_BOT_NOT_ALLOWED'
    | 'SCHEDULE_DATE_TOO_LATE'
    | 'SCHEDULE_TOO_MUCH'
    | 'SEND_AS_PEER_INVALID'
    | 'SLOWMODE_WAIT_%d'
    | 'STARS_INVOICE_INVALID'
    | 'STORY_ID_INVALID'
    | 'SUBSCRIPTION_EXPORT_MISSING'
    | 'SUGGESTED_POST_PEER_INVALID'
    | 'TERMS_URL_INVALID'
    | 'TODO_ITEMS_EMPTY'
    | 'TODO_ITEM_DUPLICATE'
    | 'TOPIC_CLOSED'
    | 'TOPIC_DELETED'
    | 'TTL_MEDIA_INVALID'
    | 'USER_BANNED_IN_CHANNEL'
    | 'USER_IS_BLOCKED'
    | 'USER_IS_BOT'
    | 'VIDEO_CONTENT_TYPE_INVALID'
    | 'VOICE_MESSAGES_FORBIDDEN'
    | 'WEBDOCUMENT_MIME_INVALID'
    | 'WEBPAGE_CURL_FAILED'
    | 'WEBPAGE_MEDIA_EMPTY'
    | 'WEBPAGE_NOT_FOUND'
    | 'WEBPAGE_URL_INVALID'
    | 'YOU_BLOCKED_USER';
  'messages.sendMessage':
    | 'ADMIN_RIGHTS_EMPTY'
    | 'ALLOW_PAYMENT_REQUIRED'
    | 'ALLOW_PAYMENT_REQUIRED_%d'
    | 'BALANCE_TOO_LOW'
    | 'BOT_DOMAIN_INVALID'
    | 'BOT_INVALID'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'BUSINESS_PEER_INVALID'
    | 'BUSINESS_PEER_USAGE_MISSING'
    | 'BUTTON_COPY_TEXT_INVALID'
    | 'BUTTON_DATA_INVALID'
    | 'BUTTON_ID_INVALID'
    | 'BUTTON_TYPE_INVALID'
    | 'BUTTON_URL_INVALID'
    | 'BUTTON_USER_INVALID'
    | 'BUTTON_USER_PRIVACY_RESTRICTED'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_MONOFORUM_UNSUPPORTED'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_FORWARDS_RESTRICTED'
    | 'CHAT_GUEST_SEND_FORBIDDEN'
    | 'CHAT_ID_INVALID'
    | 'CHAT_RESTRICTED'
    | 'CHAT_SEND_PLAIN_FORBIDDEN'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'DOCUMENT_INVALID'
    | 'EFFECT_CHAT_INVALID'
    | 'ENCRYPTION_DECLINED'
    | 'ENTITIES_TOO_LONG'
    | 'ENTITY_BOUNDS_INVALID'
    | 'ENTITY_MENTION_USER_INVALID'
    | 'FROM_MESSAGE_BOT_DISABLED'
    | 'INPUT_USER_DEACTIVATED'
    | 'MESSAGE_EMPTY'
    | 'MESSAGE_TOO_LONG'
    | 'MSG_ID_INVALID'
    | 'MSG_WAIT_FAILED'
    | 'PAYMENT_UNSUPPORTED'
    | 'PEER_ID_INVALID'
    | 'PEER_TYPES_INVALID'
    | 'PINNED_DIALOGS_TOO_MUCH'
    | 'POLL_OPTION_INVALID'
    | 'PREMIUM_ACCOUNT_REQUIRED'
    | 'PRIVACY_PREMIUM_REQUIRED'
    | 'QUICK_REPLIES_BOT_NOT_ALLOWED'
    | 'QUICK_REPLIES_TOO_MUCH'
    | 'QUOTE_TEXT_INVALID'
    | 'RANDOM_ID_DUPLICATE'
    | 'REPLY_MARKUP_INVALID'
    | 'REPLY_MARKUP_TOO_LONG'
    | 'REPLY_MESSAGES_TOO_MUCH'
    | 'REPLY_MESSAGE_ID_INVALID'
    | 'REPLY_TO_INVALID'
    | 'REPLY_TO_MONOFORUM_PEER_INVALID'
    | 'REPLY_TO_USER_INVALID'
    | 'SCHEDULE_BOT_NOT_ALLOWED'
    | 'SCHEDULE_DATE_TOO_LATE'
    | 'SCHEDULE_STATUS_PRIVATE'
    | 'SCHEDULE_TOO_MUCH'
    | 'SEND_AS_PEER_INVALID'
    | 'SLOWMODE_WAIT_%d'
    | 'STORIES_NEVER_CREATED'
    | 'STORY_ID_INVALID'
    | 'SUGGESTED_POST_AMOUNT_INVALID'
    | 'SUGGESTED_POST_PEER_INVALID'
    | 'TOPIC_CLOSED'
    | 'TOPIC_DELETED'
    | 'USER_BANNED_IN_CHANNEL'
    | 'USER_IS_BLOCKED'
    | 'USER_IS_BOT'
    | 'WC_CONVERT_URL_INVALID'
    | 'YOU_BLOCKED_USER';
  'messages.sendMultiMedia':
    | 'ALLOW_PAYMENT_REQUIRED_%d'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'BUSINESS_PEER_INVALID'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_FORWARDS_RESTRICTED'
    | 'CHAT_SEND_MEDIA_FORBIDDEN'
    | 'CHAT_SEND_PHOTOS_FORBIDDEN'
    | 'CHAT_SEND_VIDEOS_FORBIDDEN'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'EFFECT_ID_INVALID'
    | 'ENTITY_BOUNDS_INVALID'
    | 'FILE_REFERENCE_%d_EMPTY'
    | 'FILE_REFERENCE_%d_EXPIRED'
    | 'FILE_REFERENCE_%d_INVALID'
    | 'MEDIA_CAPTION_TOO_LONG'
    | 'MEDIA_EMPTY'
    | 'MEDIA_INVALID'
    | 'MSG_ID_INVALID'
    | 'MULTI_MEDIA_TOO_LONG'
    | 'PEER_ID_INVALID'
    | 'QUICK_REPLIES_BOT_NOT_ALLOWED'
    | 'QUICK_REPLIES_TOO_MUCH'
    | 'RANDOM_ID_DUPLICATE'
    | 'RANDOM_ID_EMPTY'
    | 'REPLY_MESSAGES_TOO_MUCH'
    | 'REPLY_TO_INVALID'
    | 'SCHEDULE_DATE_TOO_LATE'
    | 'SCHEDULE_TOO_MUCH'
    | 'SEND_AS_PEER_INVALID'
    | 'SLOWMODE_WAIT_%d'
    | 'TOPIC_CLOSED'
    | 'TOPIC_DELETED'
    | 'USER_BANNED_IN_CHANNEL';
  'messages.sendPaidReaction':
    | 'BALANCE_TOO_LOW'
    | 'CHANNEL_INVALID'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'MESSAGE_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'RANDOM_ID_EMPTY'
    | 'RANDOM_ID_EXPIRED'
    | 'REACTIONS_COUNT_INVALID'
    | 'SEND_AS_PEER_INVALID';
  'messages.sendQuickReplyMessages': 'PEER_ID_INVALID' | 'PREMIUM_ACCOUNT_REQUIRED';
  'messages.sendReaction':
    | 'ANONYMOUS_REACTIONS_DISABLED'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'CUSTOM_REACTIONS_TOO_MANY'
    | 'DOCUMENT_INVALID'
    | 'MESSAGE_ID_INVALID'
    | 'MESSAGE_NOT_MODIFIED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'PREMIUM_ACCOUNT_REQUIRED'
    | 'REACTIONS_TOO_MANY'
    | 'REACTION_EMPTY'
    | 'REACTION_INVALID'
    | 'USER_BANNED_IN_CHANNEL';
  'messages.sendScheduledMessages': 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID' | 'RANDOM_ID_DUPLICATE';
  'messages.sendScreenshotNotification':
    | 'INPUT_USER_DEACTIVATED'
    | 'PEER_ID_INVALID'
    | 'REPLY_MESSAGE_ID_INVALID'
    | 'STORY_ID_INVALID'
    | 'YOU_BLOCKED_USER';
  'messages.sendVote':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'MESSAGE_ID_INVALID'
    | 'MESSAGE_POLL_CLOSED'
    | 'MSG_ID_INVALID'
    | 'OPTIONS_TOO_MUCH'
    | 'OPTION_INVALID'
    | 'PEER_ID_INVALID'
    | 'REVOTE_NOT_ALLOWED';
  'messages.sendWebViewData': 'BOT_INVALID';
  'messages.sendWebViewResultMessage': 'QUERY_ID_INVALID' | 'USER_BOT_REQUIRED';
  'messages.setBotCallbackAnswer': 'MESSAGE_TOO_LONG' | 'QUERY_ID_INVALID' | 'URL_INVALID' | 'USER_BOT_REQUIRED';
  'messages.setBotPrecheckoutResults': 'ERROR_TEXT_EMPTY' | 'USER_BOT_REQUIRED';
  'messages.setBotShippingResults': 'QUERY_ID_INVALID' | 'USER_BOT_REQUIRED';
  'messages.setChatAvailableReactions':
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_NOT_MODIFIED'
    | 'DOCUMENT_INVALID'
    | 'PEER_ID_INVALID'
    | 'REACTION_INVALID';
  'messages.setChatTheme': 'EMOJI_INVALID' | 'EMOJI_NOT_MODIFIED' | 'PEER_ID_INVALID';
  'messages.setChatWallPaper': 'PEER_ID_INVALID' | 'WALLPAPER_INVALID' | 'WALLPAPER_NOT_FOUND';
  'messages.setDefaultHistoryTTL': 'TTL_PERIOD_INVALID';
  'messages.setDefaultReaction': 'REACTION_INVALID';
  'messages.setEncryptedTyping': 'CHAT_ID_INVALID';
  'messages.setGameScore': 'BOT_SCORE_NOT_MODIFIED' | 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID' | 'SCORE_INVALID' | 'USER_BOT_REQUIRED';
  'messages.setHistoryTTL': 'CHAT_NOT_MODIFIED' | 'PEER_ID_INVALID' | 'TTL_PERIOD_INVALID';
  'messages.setInlineBotResults':
    | 'ARTICLE_TITLE_EMPTY'
    | 'AUDIO_CONTENT_URL_EMPTY'
    | 'AUDIO_TITLE_EMPTY'
    | 'BUTTON_DATA_INVALID'
    | 'BUTTON_TYPE_INVALID'
    | 'BUTTON_URL_INVALID'
    | 'DOCUMENT_INVALID'
    | 'FILE_CONTENT_TYPE_INVALID'
    | 'FILE_TITLE_EMPTY'
    | 'GIF_CONTENT_TYPE_INVALID'
    | 'MEDIA_CAPTION_TOO_LONG'
    | 'MESSAGE_EMPTY'
    | 'MESSAGE_TOO_LONG'
    | 'NEXT_OFFSET_INVALID'
    | 'PEER_TYPES_INVALID'
    | 'PHOTO_CONTENT_TYPE_INVALID'
    | 'PHOTO_CONTENT_URL_EMPTY'
    | 'PHOTO_INVALID'
    | 'PHOTO_THUMB_URL_EMPTY'
    | 'QUERY_ID_INVALID'
    | 'REPLY_MARKUP_INVALID'
    | 'RESULTS_TOO_MUCH'
    | 'RESULT_ID_DUPLICATE'
    | 'RESULT_ID_INVALID'
    | 'RESULT_TYPE_INVALID'
    | 'SEND_MESSAGE_MEDIA_INVALID'
    | 'SEND_MESSAGE_TYPE_INVALID'
    | 'START_PARAM_EMPTY'
    | 'START_PARAM_INVALID'
    | 'STICKER_DOCUMENT_INVALID'
    | 'SWITCH_PM_TEXT_EMPTY'
    | 'SWITCH_WEBVIEW_URL_INVALID'
    | 'URL_INVALID'
    | 'USER_BOT_INVALID'
    | 'USER_BOT_REQUIRED'
    | 'VIDEO_CONTENT_TYPE_INVALID'
    | 'VIDEO_TITLE_EMPTY'
    | 'WEBDOCUMENT_INVALID'
    | 'WEBDOCUMENT_MIME_INVALID'
    | 'WEBDOCUMENT_SIZE_TOO_BIG'
    | 'WEBDOCUMENT_URL_EMPTY'
    | 'WEBDOCUMENT_URL_INVALID';
  'messages.setInlineGameScore': 'MESSAGE_ID_INVALID' | 'USER_BOT_REQUIRED';
  'messages.setTyping':
    | 'BUSINESS_CONNECTION_INVALID'
    | 'BUSINESS_PEER_INVALID'
    | 'BUSINESS_PEER_USAGE_MISSING'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'GROUPCALL_FORBIDDEN'
    | 'INPUT_USER_DEACTIVATED'
    | 'MESSAGE_TOO_LONG'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'USER_BANNED_IN_CHANNEL'
    | 'USER_IS_BLOCKED'
    | 'USER_IS_BOT';
  'messages.startBot':
    | 'BOT_INVALID'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'INPUT_USER_DEACTIVATED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'RANDOM_ID_DUPLICATE'
    | 'START_PARAM_EMPTY'
    | 'START_PARAM_INVALID'
    | 'START_PARAM_TOO_LONG';
  'messages.startHistoryImport': 'CHAT_ADMIN_REQUIRED' | 'IMPORT_ID_INVALID' | 'PEER_ID_INVALID';
  'messages.summarizeText': 'PEER_ID_INVALID';
  'messages.toggleBotInAttachMenu': 'BOT_INVALID';
  'messages.toggleDialogFilterTags': 'PREMIUM_ACCOUNT_REQUIRED';
  'messages.toggleDialogPin': 'CHANNEL_PRIVATE' | 'PEER_HISTORY_EMPTY' | 'PEER_ID_INVALID' | 'PINNED_DIALOGS_TOO_MUCH';
  'messages.toggleNoForwards': 'CHAT_ADMIN_REQUIRED' | 'CHAT_NOT_MODIFIED' | 'PEER_ID_INVALID';
  'messages.togglePaidReactionPrivacy': 'PEER_ID_INVALID' | 'REACTION_EMPTY';
  'messages.togglePeerTranslations': 'PEER_ID_INVALID';
  'messages.toggleSavedDialogPin': 'PEER_ID_INVALID';
  'messages.toggleSuggestedPostApproval': 'PEER_ID_INVALID';
  'messages.toggleTodoCompleted': 'PEER_ID_INVALID';
  'messages.transcribeAudio':
    | 'MSG_ID_INVALID'
    | 'MSG_VOICE_MISSING'
    | 'PEER_ID_INVALID'
    | 'PREMIUM_ACCOUNT_REQUIRED'
    | 'TRANSCRIPTION_FAILED';
  'messages.translateText':
    | 'INPUT_TEXT_EMPTY'
    | 'INPUT_TEXT_TOO_LONG'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'TO_LANG_INVALID'
    | 'TRANSLATE_REQ_FAILED'
    | 'TRANSLATE_REQ_QUOTA_EXCEEDED'
    | 'TRANSLATIONS_DISABLED'
    | 'TRANSLATION_TIMEOUT';
  'messages.uninstallStickerSet': 'STICKERSET_INVALID';
  'messages.unpinAllMessages': 'CHAT_ADMIN_REQUIRED' | 'CHAT_NOT_MODIFIED' | 'INPUT_USER_DEACTIVATED' | 'PEER_ID_INVALID';
  'messages.updateDialogFilter':
    | 'CHATLIST_EXCLUDE_INVALID'
    | 'CHAT_ID_INVALID'
    | 'FILTER_ID_INVALID'
    | 'FILTER_INCLUDE_EMPTY'
    | 'FILTER_TITLE_EMPTY'
    | 'MESSAGE_TOO_LONG'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID';
  'messages.updatePinnedForumTopic': 'CHANNEL_INVALID';
  'messages.updatePinnedMessage':
    | 'BOT_ONESIDE_NOT_AVAIL'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'BUSINESS_PEER_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_INVALID'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'INPUT_USER_DEACTIVATED'
    | 'MESSAGE_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'PIN_RESTRICTED'
    | 'USER_BANNED_IN_CHANNEL';
  'messages.updateSavedReactionTag': 'PREMIUM_ACCOUNT_REQUIRED' | 'REACTION_INVALID';
  'messages.uploadEncryptedFile': 'CHAT_ID_INVALID';
  'messages.uploadImportedMedia': 'CHAT_ADMIN_REQUIRED' | 'IMPORT_ID_INVALID' | 'MEDIA_INVALID';
  'messages.uploadMedia':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_ID_INVALID'
    | 'CHAT_RESTRICTED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'FILE_PARTS_INVALID'
    | 'FILE_PART_LENGTH_INVALID'
    | 'IMAGE_PROCESS_FAILED'
    | 'INPUT_USER_DEACTIVATED'
    | 'MEDIA_INVALID'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'PHOTO_EXT_INVALID'
    | 'PHOTO_INVALID_DIMENSIONS'
    | 'PHOTO_SAVE_FILE_INVALID'
    | 'USER_BANNED_IN_CHANNEL'
    | 'VOICE_MESSAGES_FORBIDDEN'
    | 'WEBPAGE_CURL_FAILED';
  'payments.applyGiftCode': 'GIFT_SLUG_EXPIRED' | 'GIFT_SLUG_INVALID' | 'PREMIUM_SUB_ACTIVE_UNTIL_%d';
  'payments.assignAppStoreTransaction': 'INPUT_PURPOSE_INVALID' | 'RECEIPT_EMPTY';
  'payments.assignPlayMarketTransaction': 'DATA_JSON_INVALID';
  'payments.botCancelStarsSubscription': 'CHARGE_ID_INVALID' | 'USER_ID_INVALID';
  'payments.canPurchaseStore': 'INPUT_PURPOSE_INVALID' | 'PREMIUM_CURRENTLY_UNAVAILABLE';
  'payments.changeStarsSubscription': 'PEER_ID_INVALID';
  'payments.checkCanSendGift': 'STARGIFT_INVALID';
  'payments.checkGiftCode': 'GIFT_SLUG_EXPIRED' | 'GIFT_SLUG_INVALID';
  'payments.convertStarGift':
    | 'BUSINESS_CONNECTION_INVALID'
    | 'MESSAGE_ID_INVALID'
    | 'SAVED_ID_EMPTY'
    | 'STARGIFT_PEER_INVALID'
    | 'USER_ID_INVALID';
  'payments.craftStarGift': 'SAVED_ID_EMPTY';
  'payments.createStarGiftCollection': 'PEER_ID_INVALID';
  'payments.deleteStarGiftCollection': 'PEER_ID_INVALID';
  'payments.editConnectedStarRefBot': 'STARREF_HASH_REVOKED';
  'payments.exportInvoice':
    | 'BUSINESS_CONNECTION_INVALID'
    | 'CURRENCY_TOTAL_AMOUNT_INVALID'
    | 'INVOICE_PAYLOAD_INVALID'
    | 'MEDIA_INVALID'
    | 'PAYMENT_PROVIDER_INVALID'
    | 'STARS_INVOICE_INVALID'
    | 'USER_BOT_REQUIRED'
    | 'WEBDOCUMENT_MIME_INVALID'
    | 'WEBDOCUMENT_URL_EMPTY';
  'payments.fulfillStarsSubscription': 'PEER_ID_INVALID';
  'payments.getBankCardData': 'BANK_CARD_NUMBER_INVALID';
  'payments.getConnectedStarRefBot': 'PEER_ID_INVALID';
  'payments.getCraftStarGifts': 'STARGIFT_INVALID';
  'payments.getGiveawayInfo': 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID';
  'payments.getPaymentForm':
    | 'API_GIFT_RESTRICTED_UPDATE_APP'
    | 'BOOST_PEER_INVALID'
    | 'BOT_ACCESS_FORBIDDEN'
    | 'BOT_INVOICE_INVALID'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'GIFT_MONTHS_INVALID'
    | 'GIFT_STARS_INVALID'
    | 'INVOICE_INVALID'
    | 'MESSAGE_ID_INVALID'
    | 'MESSAGE_TOO_LONG'
    | 'MONTH_INVALID'
    | 'MSG_ID_INVALID'
    | 'NO_PAYMENT_NEEDED'
    | 'PEER_ID_INVALID'
    | 'PREMIUM_PURPOSE_INVALID'
    | 'SLUG_INVALID'
    | 'STARGIFT_ALREADY_CONVERTED'
    | 'STARGIFT_ALREADY_REFUNDED'
    | 'STARGIFT_ALREADY_UPGRADED'
    | 'STARGIFT_EXPORT_IN_PROGRESS'
    | 'STARGIFT_INVALID'
    | 'STARGIFT_MESSAGE_INVALID'
    | 'STARGIFT_NOT_FOUND'
    | 'STARGIFT_NOT_OWNER'
    | 'STARGIFT_OWNER_INVALID'
    | 'STARGIFT_PEER_INVALID'
    | 'STARGIFT_RESELL_CURRENCY_NOT_ALLOWED'
    | 'STARGIFT_RESELL_TOO_EARLY_%d'
    | 'STARGIFT_SLUG_INVALID'
    | 'STARGIFT_TRANSFER_TOO_EARLY_%d'
    | 'STARGIFT_UPGRADE_UNAVAILABLE'
    | 'STARS_FORM_AMOUNT_MISMATCH'
    | 'TO_ID_INVALID'
    | 'UNTIL_DATE_INVALID';
  'payments.getPaymentReceipt': 'MESSAGE_ID_INVALID';
  'payments.getResaleStarGifts': 'STARGIFT_ATTRIBUTE_INVALID' | 'STARGIFT_INVALID';
  'payments.getSavedStarGift': 'SAVED_ID_EMPTY' | 'STARGIFT_OWNER_INVALID' | 'STARGIFT_SLUG_INVALID';
  'payments.getSavedStarGifts': 'BUSINESS_CONNECTION_INVALID' | 'COLLECTION_ID_INVALID' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID';
  'payments.getStarGiftAuctionAcquiredGifts': 'STARGIFT_INVALID';
  'payments.getStarGiftAuctionState': 'STARGIFT_INVALID';
  'payments.getStarGiftCollections': 'PEER_ID_INVALID';
  'payments.getStarGiftUpgradeAttributes': 'STARGIFT_INVALID';
  'payments.getStarGiftUpgradePreview': 'STARGIFT_INVALID' | 'STARGIFT_UPGRADE_UNAVAILABLE';
  'payments.getStarGiftWithdrawalUrl': 'PASSWORD_HASH_INVALID' | 'PASSWORD_TOO_FRESH_%d' | 'SESSION_TOO_FRESH_%d';
  'payments.getStarsGiftOptions': 'INPUT_USER_DEACTIVATED' | 'USER_GIFT_UNAVAILABLE' | 'USER_ID_INVALID';
  'payments.getStarsRevenueAdsAccountUrl': 'CHAT_WRITE_FORBIDDEN' | 'PEER_ID_INVALID';
  'payments.getStarsRevenueStats': 'PEER_ID_INVALID';
  'payments.getStarsRevenueWithdrawalUrl': 'PASSWORD_HASH_INVALID' | 'PASSWORD_MISSING' | 'PASSWORD_TOO_FRESH_%d' | 'SESSION_TOO_FRESH_%d';
  'payments.getStarsStatus': 'BOT_ACCESS_FORBIDDEN' | 'BUSINESS_CONNECTION_INVALID' | 'PEER_ID_INVALID';
  'payments.getStarsSubscriptions': 'PEER_ID_INVALID';
  'payments.getStarsTransactions': 'CHAT_ADMIN_REQUIRED' | 'PEER_ID_INVALID' | 'SUBSCRIPTION_ID_INVALID';
  'payments.getStarsTransactionsByID': 'PEER_ID_INVALID' | 'TRANSACTION_ID_INVALID';
  'payments.getSuggestedStarRefBots': 'PEER_ID_INVALID';
  'payments.getUniqueStarGift': 'STARGIFT_SLUG_INVALID';
  'payments.getUniqueStarGiftValueInfo': 'STARGIFT_SLUG_INVALID';
  'payments.launchPrepaidGiveaway': 'PEER_ID_INVALID';
  'payments.refundStarsCharge': 'CHARGE_ALREADY_REFUNDED' | 'CHARGE_ID_EMPTY' | 'USER_BOT_REQUIRED' | 'USER_ID_INVALID';
  'payments.reorderStarGiftCollections': 'PEER_ID_INVALID';
  'payments.resolveStarGiftOffer': 'MESSAGE_ID_INVALID';
  'payments.saveStarGift': 'MESSAGE_ID_INVALID' | 'SAVED_ID_EMPTY' | 'STARGIFT_OWNER_INVALID' | 'USER_ID_INVALID';
  'payments.sendPaymentForm':
    | 'FORM_UNSUPPORTED'
    | 'INVOICE_INVALID'
    | 'MESSAGE_ID_INVALID'
    | 'PAYMENT_CREDENTIALS_INVALID'
    | 'PEER_ID_INVALID'
    | 'TMP_PASSWORD_INVALID';
  'payments.sendStarGiftOffer':
    | 'INPUT_STARS_AMOUNT_INVALID'
    | 'INPUT_STARS_NANOS_INVALID'
    | 'INVOICE_INVALID'
    | 'PEER_ID_INVALID'
    | 'RESELL_STARS_TOO_FEW'
    | 'RESELL_STARS_TOO_MUCH'
    | 'STARGIFT_OFFER_INVALID'
    | 'STARGIFT_OFFER_NOT_ALLOWED'
    | 'STARGIFT_SLUG_INVALID';
  'payments.sendStarsForm':
    | 'API_GIFT_RESTRICTED_UPDATE_APP'
    | 'BALANCE_TOO_LOW'
    | 'BOT_ACCESS_FORBIDDEN'
    | 'BOT_INVOICE_INVALID'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'FORM_EXPIRED'
    | 'FORM_ID_EMPTY'
    | 'FORM_SUBMIT_DUPLICATE'
    | 'FORM_UNSUPPORTED'
    | 'GIFT_STARS_INVALID'
    | 'MEDIA_ALREADY_PAID'
    | 'MONTH_INVALID'
    | 'PEER_ID_INVALID'
    | 'PRECHECKOUT_FAILED'
    | 'PURPOSE_INVALID'
    | 'STARGIFT_ALREADY_UPGRADED'
    | 'STARGIFT_NOT_FOUND'
    | 'STARGIFT_OWNER_INVALID'
    | 'STARGIFT_SLUG_INVALID'
    | 'STARGIFT_USAGE_LIMITED'
    | 'STARGIFT_USER_USAGE_LIMITED'
    | 'STARS_FORM_AMOUNT_MISMATCH'
    | 'TO_ID_INVALID'
    | 'USER_ID_INVALID';
  'payments.toggleChatStarGiftNotifications': 'PEER_ID_INVALID';
  'payments.toggleStarGiftsPinnedToTop': 'PEER_ID_INVALID';
  'payments.transferStarGift':
    | 'BUSINESS_CONNECTION_INVALID'
    | 'MESSAGE_ID_INVALID'
    | 'PAYMENT_REQUIRED'
    | 'PEER_ID_INVALID'
    | 'SAVED_ID_EMPTY'
    | 'STARGIFT_NOT_FOUND'
    | 'STARGIFT_NOT_OWNER'
    | 'STARGIFT_NOT_UNIQUE'
    | 'STARGIFT_OWNER_INVALID'
    | 'STARGIFT_PEER_INVALID'
    | 'STARGIFT_TRANSFER_TOO_EARLY_%d';
  'payments.updateStarGiftCollection': 'PEER_ID_INVALID';
  'payments.updateStarGiftPrice': 'SAVED_ID_EMPTY' | 'STARGIFT_NOT_FOUND';
  'payments.upgradeStarGift':
    | 'BUSINESS_CONNECTION_INVALID'
    | 'MESSAGE_ID_INVALID'
    | 'PAYMENT_REQUIRED'
    | 'SAVED_ID_EMPTY'
    | 'STARGIFT_ALREADY_CONVERTED'
    | 'STARGIFT_ALREADY_UPGRADED'
    | 'STARGIFT_UPGRADE_UNAVAILABLE';
  'payments.validateRequestedInfo': 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID';
  'phone.acceptCall':
    | 'CALL_ALREADY_ACCEPTED'
    | 'CALL_ALREADY_DECLINED'
    | 'CALL_OCCUPY_FAILED'
    | 'CALL_PEER_INVALID'
    | 'CALL_PROTOCOL_COMPAT_LAYER_INVALID'
    | 'CALL_PROTOCOL_FLAGS_INVALID'
    | 'CALL_PROTOCOL_LAYER_INVALID';
  'phone.checkGroupCall': 'GROUPCALL_INVALID' | 'GROUPCALL_JOIN_MISSING';
  'phone.confirmCall': 'CALL_ALREADY_DECLINED' | 'CALL_PEER_INVALID';
  'phone.createGroupCall':
    | 'CHANNEL_PRIVATE'
    | 'CHAT_ADMIN_REQUIRED'
    | 'CREATE_CALL_FAILED'
    | 'GROUPCALL_ALREADY_DISCARDED'
    | 'PEER_ID_INVALID'
    | 'SCHEDULE_DATE_INVALID';
  'phone.declineConferenceCallInvite': 'MESSAGE_ID_INVALID';
  'phone.deleteConferenceCallParticipants': 'GROUPCALL_INVALID';
  'phone.deleteGroupCallMessages': 'GROUPCALL_INVALID';
  'phone.deleteGroupCallParticipantMessages': 'GROUPCALL_INVALID';
  'phone.discardCall': 'CALL_ALREADY_ACCEPTED' | 'CALL_OCCUPY_FAILED' | 'CALL_PEER_INVALID';
  'phone.discardGroupCall': 'GROUPCALL_ALREADY_DISCARDED' | 'GROUPCALL_FORBIDDEN' | 'GROUPCALL_INVALID';
  'phone.editGroupCallParticipant':
    | 'GROUPCALL_FORBIDDEN'
    | 'GROUPCALL_INVALID'
    | 'PARTICIPANT_JOIN_MISSING'
    | 'RAISE_HAND_FORBIDDEN'
    | 'USER_VOLUME_INVALID'
    | 'VIDEO_PAUSE_FORBIDDEN'
    | 'VIDEO_STOP_FORBIDDEN';
  'phone.editGroupCallTitle': 'GROUPCALL_FORBIDDEN' | 'GROUPCALL_INVALID';
  'phone.exportGroupCallInvite': 'GROUPCALL_INVALID' | 'PUBLIC_CHANNEL_MISSING';
  'phone.getGroupCall': 'GROUPCALL_FORBIDDEN' | 'GROUPCALL_INVALID';
  'phone.getGroupCallChainBlocks': 'GROUPCALL_INVALID';
  'phone.getGroupCallJoinAs': 'CHANNEL_INVALID' | 'PEER_ID_INVALID';
  'phone.getGroupCallStars': 'GROUPCALL_INVALID';
  'phone.getGroupCallStreamChannels': 'GROUPCALL_INVALID' | 'GROUPCALL_JOIN_MISSING';
  'phone.getGroupCallStreamRtmpUrl': 'CHAT_ADMIN_REQUIRED' | 'PEER_ID_INVALID';
  'phone.getGroupParticipants': 'GROUPCALL_INVALID';
  'phone.inviteConferenceCallParticipant': 'GROUPCALL_INVALID';
  'phone.inviteToGroupCall':
    | 'CHAT_TYPE_INVALID'
    | 'GROUPCALL_FORBIDDEN'
    | 'GROUPCALL_INVALID'
    | 'INVITE_FORBIDDEN_WITH_JOINAS'
    | 'USER_ALREADY_INVITED'
    | 'USER_NOT_PARTICIPANT';
  'phone.joinGroupCall':
    | 'CHAT_ADMIN_REQUIRED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'DATA_JSON_INVALID'
    | 'GROUPCALL_ADD_PARTICIPANTS_FAILED'
    | 'GROUPCALL_FORBIDDEN'
    | 'GROUPCALL_INVALID'
    | 'GROUPCALL_SSRC_DUPLICATE_MUCH'
    | 'JOIN_AS_PEER_INVALID';
  'phone.joinGroupCallPresentation': 'GROUPCALL_INVALID' | 'PARTICIPANT_JOIN_MISSING';
  'phone.leaveGroupCall': 'GROUPCALL_INVALID';
  'phone.leaveGroupCallPresentation': 'GROUPCALL_INVALID';
  'phone.receivedCall': 'CALL_ALREADY_DECLINED' | 'CALL_PEER_INVALID';
  'phone.requestCall':
    | 'CALL_PROTOCOL_FLAGS_INVALID'
    | 'CALL_PROTOCOL_LAYER_INVALID'
    | 'INPUT_USER_DEACTIVATED'
    | 'PARTICIPANT_CALL_FAILED'
    | 'PARTICIPANT_VERSION_OUTDATED'
    | 'RANDOM_ID_DUPLICATE'
    | 'USER_ID_INVALID'
    | 'USER_IS_BLOCKED'
    | 'USER_PRIVACY_RESTRICTED';
  'phone.saveCallDebug': 'CALL_PEER_INVALID' | 'DATA_JSON_INVALID';
  'phone.saveCallLog': 'CALL_PEER_INVALID';
  'phone.saveDefaultGroupCallJoinAs': 'JOIN_AS_PEER_INVALID' | 'PEER_ID_INVALID';
  'phone.saveDefaultSendAs': 'GROUPCALL_INVALID';
  'phone.sendConferenceCallBroadcast': 'GROUPCALL_INVALID';
  'phone.sendGroupCallEncryptedMessage': 'GROUPCALL_INVALID';
  'phone.sendGroupCallMessage': 'GROUPCALL_INVALID';
  'phone.sendSignalingData': 'CALL_PEER_INVALID';
  'phone.setCallRating': 'CALL_PEER_INVALID';
  'phone.startScheduledGroupCall': 'GROUPCALL_ALREADY_STARTED' | 'GROUPCALL_INVALID';
  'phone.toggleGroupCallRecord': 'GROUPCALL_FORBIDDEN' | 'GROUPCALL_INVALID' | 'GROUPCALL_NOT_MODIFIED';
  'phone.toggleGroupCallSettings': 'GROUPCALL_INVALID' | 'GROUPCALL_NOT_MODIFIED';
  'phone.toggleGroupCallStartSubscription': 'GROUPCALL_ALREADY_STARTED' | 'GROUPCALL_INVALID';
  'photos.getUserPhotos': 'MAX_ID_INVALID' | 'MSG_ID_INVALID' | 'USER_ID_INVALID';
  'photos.updateProfilePhoto':
    | 'ALBUM_PHOTOS_TOO_MANY'
    | 'BOT_FALLBACK_UNSUPPORTED'
    | 'FILE_PARTS_INVALID'
    | 'IMAGE_PROCESS_FAILED'
    | 'LOCATION_INVALID'
    | 'PHOTO_CROP_SIZE_SMALL'
    | 'PHOTO_EXT_INVALID'
    | 'PHOTO_ID_INVALID';
  'photos.uploadContactProfilePhoto': 'CONTACT_MISSING' | 'NEED_ACTION_MISSING' | 'USER_ID_INVALID';
  'photos.uploadProfilePhoto':
    | 'ALBUM_PHOTOS_TOO_MANY'
    | 'BOT_INVALID'
    | 'EMOJI_MARKUP_INVALID'
    | 'FILE_PARTS_INVALID'
    | 'IMAGE_PROCESS_FAILED'
    | 'PHOTO_CROP_FILE_MISSING'
    | 'PHOTO_CROP_SIZE_SMALL'
    | 'PHOTO_EXT_INVALID'
    | 'PHOTO_FILE_MISSING'
    | 'PHOTO_INVALID'
    | 'STICKER_MIME_INVALID'
    | 'VIDEO_FILE_INVALID';
  'premium.applyBoost': 'BOOSTS_EMPTY' | 'PEER_ID_INVALID' | 'SLOTS_EMPTY';
  'premium.getBoostsList': 'CHAT_ADMIN_REQUIRED' | 'PEER_ID_INVALID';
  'premium.getBoostsStatus': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'PEER_ID_INVALID';
  'premium.getUserBoosts': 'PEER_ID_INVALID';
  'smsjobs.finishJob': 'SMSJOB_ID_INVALID';
  'smsjobs.getSmsJob': 'SMSJOB_ID_INVALID';
  'smsjobs.getStatus': 'NOT_JOINED';
  'smsjobs.isEligibleToJoin': 'NOT_ELIGIBLE';
  'smsjobs.join': 'NOT_ELIGIBLE';
  'smsjobs.leave': 'NOT_JOINED';
  'smsjobs.updateSettings': 'NOT_JOINED';
  'stats.getBroadcastStats': 'BROADCAST_REQUIRED' | 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'CHAT_ADMIN_REQUIRED';
  'stats.getMegagroupStats': 'CHANNEL_INVALID' | 'CHAT_ADMIN_REQUIRED' | 'MEGAGROUP_REQUIRED';
  'stats.getMessagePublicForwards': 'CHANNEL_INVALID' | 'CHAT_ADMIN_REQUIRED' | 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID';
  'stats.getMessageStats': 'CHANNEL_INVALID' | 'CHAT_ADMIN_REQUIRED' | 'MESSAGE_ID_INVALID' | 'PEER_ID_INVALID';
  'stats.getStoryPublicForwards': 'PEER_ID_INVALID';
  'stats.getStoryStats': 'PEER_ID_INVALID' | 'STORIES_NEVER_CREATED';
  'stats.loadAsyncGraph': 'GRAPH_EXPIRED_RELOAD' | 'GRAPH_INVALID_RELOAD' | 'GRAPH_OUTDATED_RELOAD';
  'stickers.addStickerToSet':
    | 'BOT_MISSING'
    | 'STICKERPACK_STICKERS_TOO_MUCH'
    | 'STICKERSET_INVALID'
    | 'STICKERS_TOO_MUCH'
    | 'STICKER_PNG_NOPNG'
    | 'STICKER_TGS_NOTGS';
  'stickers.changeSticker': 'BOT_MISSING' | 'STICKER_INVALID';
  'stickers.changeStickerPosition': 'STICKER_INVALID';
  'stickers.checkShortName': 'SHORT_NAME_INVALID' | 'SHORT_NAME_OCCUPIED';
  'stickers.createStickerSet':
    | 'PACK_SHORT_NAME_INVALID'
    | 'PACK_SHORT_NAME_OCCUPIED'
    | 'PACK_TITLE_INVALID'
    | 'PACK_TYPE_INVALID'
    | 'PEER_ID_INVALID'
    | 'STICKERS_EMPTY'
    | 'STICKER_EMOJI_INVALID'
    | 'STICKER_FILE_INVALID'
    | 'STICKER_GIF_DIMENSIONS'
    | 'STICKER_PNG_DIMENSIONS'
    | 'STICKER_PNG_NOPNG'
    | 'STICKER_TGS_NODOC'
    | 'STICKER_TGS_NOTGS'
    | 'STICKER_THUMB_PNG_NOPNG'
    | 'STICKER_THUMB_TGS_NOTGS'
    | 'STICKER_VIDEO_BIG'
    | 'STICKER_VIDEO_NODOC'
    | 'STICKER_VIDEO_NOWEBM'
    | 'USER_ID_INVALID';
  'stickers.deleteStickerSet': 'BOT_MISSING' | 'STICKERSET_INVALID';
  'stickers.removeStickerFromSet': 'BOT_MISSING' | 'STICKER_INVALID';
  'stickers.renameStickerSet': 'STICKERSET_INVALID';
  'stickers.replaceSticker': 'STICKER_INVALID';
  'stickers.setStickerSetThumb': 'STICKERSET_INVALID' | 'STICKER_THUMB_PNG_NOPNG' | 'STICKER_THUMB_TGS_NOTGS';
  'stickers.suggestShortName': 'TITLE_INVALID';
  'stories.activateStealthMode': 'PREMIUM_ACCOUNT_REQUIRED';
  'stories.canSendStory':
    | 'BOOSTS_REQUIRED'
    | 'CHANNEL_INVALID'
    | 'CHAT_ADMIN_REQUIRED'
    | 'PEER_ID_INVALID'
    | 'PREMIUM_ACCOUNT_REQUIRED'
    | 'STORIES_TOO_MUCH'
    | 'STORY_SEND_FLOOD_MONTHLY_%d'
    | 'STORY_SEND_FLOOD_WEEKLY_%d';
  'stories.createAlbum': 'PEER_ID_INVALID';
  'stories.deleteAlbum': 'PEER_ID_INVALID';
  'stories.deleteStories':
    | 'BOT_ACCESS_FORBIDDEN'
    | 'BUSINESS_CONNECTION_INVALID'
    | 'CHANNEL_INVALID'
    | 'PEER_ID_INVALID'
    | 'STORY_ID_EMPTY';
  'stories.editStory': 'PEER_ID_INVALID' | 'STORY_NOT_MODIFIED';
  'stories.exportStoryLink': 'PEER_ID_INVALID' | 'STORY_ID_EMPTY' | 'USER_PUBLIC_MISSING';
  'stories.getAlbumStories': 'PEER_ID_INVALID';
  'stories.getAlbums': 'PEER_ID_INVALID';
  'stories.getPeerStories': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID' | 'PEER_ID_INVALID';
  'stories.getPinnedStories': 'CHANNEL_INVALID' | 'PEER_ID_INVALID' | 'USER_ID_INVALID';
  'stories.getStoriesArchive': 'CHAT_ADMIN_REQUIRED' | 'PEER_ID_INVALID';
  'stories.getStoriesByID':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'STORIES_NEVER_CREATED'
    | 'STORY_ID_EMPTY';
  'stories.getStoriesViews': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'PEER_ID_INVALID' | 'STORY_ID_EMPTY';
  'stories.getStoryReactionsList': 'PEER_ID_INVALID';
  'stories.getStoryViewsList': 'PEER_ID_INVALID' | 'STORY_ID_INVALID';
  'stories.incrementStoryViews': 'PEER_ID_INVALID' | 'STORY_ID_EMPTY';
  'stories.readStories': 'MAX_ID_INVALID' | 'PEER_ID_INVALID' | 'STORIES_NEVER_CREATED';
  'stories.reorderAlbums': 'PEER_ID_INVALID';
  'stories.report': 'PEER_ID_INVALID';
  'stories.searchPosts': 'HASHTAG_INVALID';
  'stories.sendReaction': 'PEER_ID_INVALID' | 'REACTION_INVALID' | 'STORIES_NEVER_CREATED' | 'STORY_ID_EMPTY' | 'STORY_ID_INVALID';
  'stories.sendStory':
    | 'BOOSTS_REQUIRED'
    | 'BOT_ACCESS_FORBIDDEN'
    | 'CHANNEL_INVALID'
    | 'CHAT_ADMIN_REQUIRED'
    | 'IMAGE_PROCESS_FAILED'
    | 'MEDIA_EMPTY'
    | 'MEDIA_FILE_INVALID'
    | 'MEDIA_TYPE_INVALID'
    | 'MEDIA_VIDEO_STORY_MISSING'
    | 'PEER_ID_INVALID'
    | 'PHOTO_INVALID_DIMENSIONS'
    | 'PREMIUM_ACCOUNT_REQUIRED'
    | 'REACTION_INVALID'
    | 'STORIES_TOO_MUCH'
    | 'STORY_PERIOD_INVALID'
    | 'VENUE_ID_INVALID';
  'stories.startLive': 'PEER_ID_INVALID';
  'stories.togglePeerStoriesHidden': 'PEER_ID_INVALID';
  'stories.togglePinned': 'PEER_ID_INVALID';
  'stories.togglePinnedToTop': 'PEER_ID_INVALID' | 'STORY_ID_INVALID';
  'stories.updateAlbum': 'PEER_ID_INVALID';
  'updates.getChannelDifference':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHANNEL_PUBLIC_GROUP_NA'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'FROM_MESSAGE_BOT_DISABLED'
    | 'FROZEN_PARTICIPANT_MISSING'
    | 'MSG_ID_INVALID'
    | 'NEED_DOC_INVALID'
    | 'PERSISTENT_TIMESTAMP_EMPTY'
    | 'PERSISTENT_TIMESTAMP_INVALID'
    | 'PERSISTENT_TIMESTAMP_OUTDATED'
    | 'PINNED_DIALOGS_TOO_MUCH'
    | 'RANGES_INVALID'
    | 'USER_BANNED_IN_CHANNEL';
  'updates.getDifference':
    | 'CDN_METHOD_INVALID'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'CHAT_NOT_MODIFIED'
    | 'CHAT_WRITE_FORBIDDEN'
    | 'DATE_EMPTY'
    | 'MSG_ID_INVALID'
    | 'PERSISTENT_TIMESTAMP_EMPTY'
    | 'PERSISTENT_TIMESTAMP_INVALID'
    | 'RANDOM_ID_DUPLICATE'
    | 'USERNAME_INVALID'
    | 'USER_NOT_PARTICIPANT';
  'upload.getCdnFile': 'FILE_TOKEN_INVALID' | 'METHOD_INVALID';
  'upload.getCdnFileHashes': 'CDN_METHOD_INVALID' | 'FILE_TOKEN_INVALID' | 'RSA_DECRYPT_FAILED';
  'upload.getFile':
    | 'CDN_METHOD_INVALID'
    | 'CHANNEL_INVALID'
    | 'CHANNEL_PRIVATE'
    | 'FILEREF_UPGRADE_NEEDED'
    | 'FILE_ID_INVALID'
    | 'FILE_REFERENCE_EMPTY'
    | 'FILE_REFERENCE_EXPIRED'
    | 'FILE_REFERENCE_INVALID'
    | 'FLOOD_PREMIUM_WAIT_%d'
    | 'LIMIT_INVALID'
    | 'LOCATION_INVALID'
    | 'MSG_ID_INVALID'
    | 'OFFSET_INVALID'
    | 'PEER_ID_INVALID';
  'upload.getFileHashes': 'LOCATION_INVALID';
  'upload.getWebFile': 'DOCUMENT_INVALID' | 'LOCATION_INVALID';
  'upload.reuploadCdnFile':
    | 'CDN_METHOD_INVALID'
    | 'CDN_UPLOAD_TIMEOUT'
    | 'FILE_TOKEN_INVALID'
    | 'LOCATION_INVALID'
    | 'REQUEST_TOKEN_INVALID'
    | 'RSA_DECRYPT_FAILED';
  'upload.saveBigFilePart':
    | 'FILE_PARTS_INVALID'
    | 'FILE_PART_EMPTY'
    | 'FILE_PART_INVALID'
    | 'FILE_PART_SIZE_CHANGED'
    | 'FILE_PART_SIZE_INVALID'
    | 'FILE_PART_TOO_BIG'
    | 'FILE_PART_TOO_SMALL';
  'upload.saveFilePart': 'FILE_PART_EMPTY' | 'FILE_PART_INVALID' | 'MSG_ID_INVALID';
  'users.getFullUser': 'CHANNEL_INVALID' | 'CHANNEL_PRIVATE' | 'MSG_ID_INVALID' | 'USERNAME_OCCUPIED' | 'USER_ID_INVALID';
  'users.getSavedMusic': 'USER_ID_INVALID';
  'users.getSavedMusicByID': 'USER_ID_INVALID';
  'users.getUsers':
    | 'CHANNEL_INVALID'
    | 'CHANNEL_MONOFORUM_UNSUPPORTED'
    | 'CHANNEL_PRIVATE'
    | 'FROM_MESSAGE_BOT_DISABLED'
    | 'MSG_ID_INVALID'
    | 'PEER_ID_INVALID'
    | 'USER_BANNED_IN_CHANNEL';
  'users.setSecureValueErrors':
    | 'DATA_HASH_SIZE_INVALID'
    | 'HASH_SIZE_INVALID'
    | 'USER_BOT_INVALID'
    | 'USER_BOT_REQUIRED'
    | 'USER_ID_INVALID';
  'users.suggestBirthday': 'USER_ID_INVALID';
}
