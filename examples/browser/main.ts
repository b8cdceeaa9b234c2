/**
 * wasmgram in a browser page: log in by QR code, keep the session in
 * localStorage, send messages and show the ones that arrive.
 *
 * The connection is a WebSocket (`transport: 'auto'` has no TCP to race in a
 * browser): Telegram's `wss://<dc>.web.telegram.org/apiws`, or a test
 * server's `/apiws` (see config.ts). QR login follows
 * https://core.telegram.org/api/qr-login: the page shows `tg://login?token=…`
 * until a signed-in app accepts it, and draws a new code when one expires.
 */
import { Chat, createCryptoProvider, type Message, RpcError, StringStorage, TelegramClient, type User } from 'wasmgram';
import { loadRsaPublicKey } from 'wasmgram/crypto';
import { type PageConfig, readConfig } from './config.js';
import { qrSvg } from './qr-svg.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function setStatus(text: string, state: 'connecting' | 'login' | 'signed-in' | 'error'): void {
  const status = $('status');
  status.textContent = text;
  status.dataset.state = state;
}

/** Shows a login link as a QR code; the link itself stays in `data-login-url` for tests and copy-paste. */
function showLoginUrl(url: string, expires: Date): void {
  $('qr').innerHTML = qrSvg(url);
  const link = $('login-url');
  link.textContent = url;
  link.dataset.loginUrl = url;
  $('login').hidden = false;
  setStatus(`Scan the code in Telegram (Settings → Devices → Link Desktop Device) before ${expires.toLocaleTimeString()}.`, 'login');
}

/** Asks for the 2FA password in the page's form (only accounts with one get here). */
function askPassword(hint: string | undefined, again = false): Promise<string> {
  const form = $<HTMLFormElement>('password');
  const input = form.elements.namedItem('password') as HTMLInputElement;
  input.placeholder = hint ? `2FA password (hint: ${hint})` : '2FA password';
  form.hidden = false;
  setStatus(again ? 'Wrong password, try again.' : 'This account has a 2FA password.', 'login');
  return new Promise((resolve) => {
    form.onsubmit = (e) => {
      e.preventDefault();
      form.hidden = true;
      resolve(input.value);
      input.value = '';
    };
  });
}

const nameOf = (p: User | Chat | undefined, id: bigint) => (p === undefined ? String(id) : p instanceof Chat ? p.title : p.displayName);

/**
 * Adds a message to the list once (the copy `sendMessage` returns and the
 * update about it share chat and id). `to` names the chat when the message
 * does not carry it (a sent message's answer has no user objects).
 */
function showMessage(m: Message, to?: string): void {
  const key = `${m.chatId}:${m.id}`;
  const list = $('messages');
  if (list.querySelector(`[data-key="${key}"]`)) return;
  const li = document.createElement('li');
  li.dataset.key = key;
  li.className = m.out ? 'out' : 'in';
  const who = m.out
    ? `to ${to !== undefined && !m.chat ? to : nameOf(m.chat, m.chatId)}`
    : nameOf(m.sender ?? m.chat, m.senderId ?? m.chatId);
  li.textContent = `${who}: ${m.text}`;
  list.prepend(li);
}

/** The string session, read once and written back on every change (it holds the auth key: keep it as private as a password). */
function sessionStorageFor(key: string): StringStorage {
  return new StringStorage(localStorage.getItem(key) ?? undefined, { onChange: (session) => localStorage.setItem(key, session) });
}

/** Logs in by QR code unless the stored session is signed in (then this is one getMe); a wrong 2FA password is asked again. */
async function signIn(client: TelegramClient) {
  try {
    return await client.start({ qr: { onToken: showLoginUrl }, password: (hint) => askPassword(hint) });
  } catch (e) {
    if (!RpcError.is(e, 'PASSWORD_HASH_INVALID')) throw e;
  }
  // The scan stands: only the password step is repeated.
  for (;;) {
    try {
      return await client.checkPassword((hint) => askPassword(hint, true));
    } catch (e) {
      if (!RpcError.is(e, 'PASSWORD_HASH_INVALID')) throw e;
    }
  }
}

async function main(config: PageConfig): Promise<void> {
  const crypto = await createCryptoProvider();
  const t = config.testServer;
  const client = new TelegramClient({
    apiId: config.apiId,
    apiHash: config.apiHash,
    crypto,
    storage: sessionStorageFor(config.sessionKey),
    transport: 'auto',
    ...(t && {
      testServer: { dcs: [{ id: t.dcId, host: t.host, port: t.wsPort, wsPort: t.wsPort }], rsaPublicKey: loadRsaPublicKey(t.pem, crypto) },
    }),
  });
  const me = await signIn(client);
  $('login').hidden = true;
  $('chat').hidden = false;
  setStatus(
    `signed in as ${[me.first_name, me.last_name].filter(Boolean).join(' ')}${me.username ? ` (@${me.username})` : ''}`,
    'signed-in',
  );

  client.on('newMessage', (u) => showMessage(u.message));
  const form = $<HTMLFormElement>('send');
  form.onsubmit = async (e) => {
    e.preventDefault();
    const peer = (form.elements.namedItem('peer') as HTMLInputElement).value.trim();
    const text = form.elements.namedItem('text') as HTMLInputElement;
    const button = form.querySelector('button')!;
    const error = $('send-error');
    error.textContent = '';
    button.disabled = true; // one message per click
    try {
      showMessage(await client.sendMessage(peer, text.value), peer);
      text.value = '';
    } catch (err) {
      error.textContent = `Could not send: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      button.disabled = false;
    }
  };
  $('log-out').onclick = async () => {
    // The session is forgotten here even when the server cannot be told.
    await client.logOut().catch(() => {});
    localStorage.removeItem(config.sessionKey);
    location.reload();
  };
}

/** Runs the page; an error ends up in the status line. */
async function run(): Promise<void> {
  let config: PageConfig | undefined;
  try {
    config = readConfig(location.search);
    await main(config);
  } catch (e) {
    setStatus(e instanceof Error ? e.message : String(e), 'error');
    // A saved session the server no longer knows (or a damaged one) would fail the same way on every load.
    const key = config?.sessionKey;
    if (key !== undefined && localStorage.getItem(key) !== null) {
      const forget = $('forget');
      forget.hidden = false;
      forget.onclick = () => {
        localStorage.removeItem(key);
        location.reload();
      };
    }
  }
}

void run();
