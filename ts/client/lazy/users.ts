/** The users methods of `TelegramClient` (the account, profile photos and contacts), loaded on first use: see ./index.ts. */
export { deleteProfilePhotos } from '../methods/users/delete-profile-photos.js';
export { iterProfilePhotos } from '../methods/users/iter-profile-photos.js';
export { setProfilePhoto } from '../methods/users/set-profile-photo.js';
export { getMe } from '../methods/users/get-me.js';
export { importContacts } from '../methods/users/import-contacts.js';
export { getContacts } from '../methods/users/get-contacts.js';
export { deleteContacts } from '../methods/users/delete-contacts.js';
