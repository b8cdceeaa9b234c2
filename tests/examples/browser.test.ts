/**
 * examples/browser in headless Chromium, as a user builds it: the page's
 * files copied into a scratch project where the packed package is installed,
 * built by `vite build` (no config), served from 127.0.0.1, connected to a
 * test server's WebSocket endpoint. A scripted account plays the phone that
 * scans the QR code (https://core.telegram.org/api/qr-login); another is the
 * peer the page writes to. Every wait has a deadline.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeQr } from '../../ts/client/qr-encode.js';
import { createCryptoProvider } from '../../ts/crypto/index.js';
import { type ScriptedUser, ScriptedWorld, TestServer } from '../../ts/testing/index.js';
import { assertBrowserClean, buildWithVite, bundleStats, type StaticServer, serveDir } from '../runtimes/_bundlers.js';
import { packAndInstall, root, type ScratchPackage } from '../runtimes/_package.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../runtimes/_web.js';

interface Ctx {
  pkg: ScratchPackage;
  site: StaticServer;
  server: TestServer;
  world: ScriptedWorld;
  /** The account the page signs in to (its "phone" scans the code). */
  alice: ScriptedUser;
  /** The peer the page writes to. */
  bob: ScriptedUser;
  browser: Browser;
  /** The page's address with the test server's parameters. */
  url: string;
  /** What setting up threw, if anything. */
  setupError?: unknown;
}

const test = suite<Ctx>('examples/browser', {} as Ctx);
/** First load: WASM compile + key exchange over WebSocket in a busy 2-core machine. */
const LOAD_MS = 30_000;
const STEP_MS = 10_000;

/** Builds, serves and starts everything; see `test.before` for why its error is kept. */
async function setUp(ctx: Ctx): Promise<void> {
  const t0 = Date.now();
  ctx.pkg = await packAndInstall();
  const packed = Date.now() - t0;
  const app = path.join(ctx.pkg.dir, 'browser-example');
  fs.cpSync(path.join(root, 'examples/browser'), app, { recursive: true, filter: (f) => !f.endsWith('dev.ts') });
  const built = await buildWithVite(app, 120_000);
  assertBrowserClean(built.outDir, 'the example page');
  const gzip = bundleStats(built.outDir).gzip;
  console.log(
    `examples/browser: package built, packed and installed in ${packed} ms; vite build ${built.ms} ms, ${(gzip / 1024).toFixed(1)} KiB gzip (WASM inlined)`,
  );
  ctx.site = await serveDir(built.outDir);
  ctx.server = await TestServer.start({ dcs: [2], crypto: await createCryptoProvider(), onError: (e) => console.error('server bug:', e) });
  ctx.world = new ScriptedWorld(ctx.server.backend);
  ctx.alice = ctx.world.user({ firstName: 'Alice', lastName: 'Example', username: 'alice_example' });
  ctx.bob = ctx.world.user({ firstName: 'Bob', username: 'bob_example' });
  const dc = ctx.server.dcs[0]!;
  const q = new URLSearchParams({ ws: `${dc.host}:${dc.wsPort}`, dc: String(dc.id), pem: ctx.server.publicKeyPem });
  ctx.url = `${ctx.site.origin}/?${q}`;
  ctx.browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: LOAD_MS });
}

// uvu drops an error thrown by a `before` hook without a word (and exits 0): keep it, and fail every test with it.
test.before(async (ctx) => {
  ctx.setupError = await setUp(ctx).then(
    () => undefined,
    (e: unknown) => e,
  );
});
test.before.each((ctx) => {
  if (ctx.setupError !== undefined) throw ctx.setupError;
});

test.after(async (ctx) => {
  await ctx.browser?.close();
  ctx.world?.close();
  await ctx.server?.stop();
  await ctx.site?.close();
  if (ctx.pkg) fs.rmSync(path.dirname(ctx.pkg.dir), { recursive: true, force: true });
});

/** Opens the page in a fresh profile (empty localStorage); page errors are kept for failure messages. */
async function openPage(ctx: Ctx): Promise<{ page: Page; errors: string[] }> {
  const page = await (await ctx.browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(ctx.url, { timeout: LOAD_MS });
  return { page, errors };
}

/** The login link the page shows next to its QR code. */
async function loginUrl(page: Page, errors: string[]): Promise<string> {
  const el = await page.waitForSelector('[data-login-url]', { timeout: LOAD_MS }).catch((e) => {
    throw new Error(`no login link: ${e}\n${errors.join('\n')}`);
  });
  return (await el.getAttribute('data-login-url'))!;
}

/** The dark modules of the page's QR SVG, as "x,y" (its path is one `M x y h1v1h-1z` square per module). */
async function drawnModules(page: Page): Promise<Set<string>> {
  const d = (await page.getAttribute('#qr svg path', 'd', { timeout: STEP_MS })) ?? '';
  return new Set([...d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${Number(m[1]) - 4},${Number(m[2]) - 4}`));
}

/** Waits for a message line of the page; fails with the lines it shows. */
async function shows(page: Page, kind: 'in' | 'out', text: string): Promise<void> {
  await page.waitForSelector(`#messages li.${kind} >> text="${text}"`, { timeout: STEP_MS }).catch(async (e) => {
    throw new Error(
      `no ${kind} line "${text}": ${e}\nthe page shows: ${JSON.stringify(await page.$$eval('#messages li', (lis) => lis.map((li) => li.textContent)))}`,
    );
  });
}

const signedIn = (page: Page) => page.waitForSelector('#status[data-state="signed-in"]', { timeout: STEP_MS });

test('the page shows a QR code of its tg://login link and stays on it while nobody accepts it', async (ctx) => {
  const { page, errors } = await openPage(ctx);
  try {
    const url = await loginUrl(page, errors);
    assert.match(url, /^tg:\/\/login\?token=[A-Za-z0-9_-]+$/);
    const qr = encodeQr(url, { ecc: 'M' });
    const expected = new Set<string>();
    for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) if (qr.dark(x, y)) expected.add(`${x},${y}`);
    assert.equal(await drawnModules(page), expected, 'the SVG draws the encoder matrix of the shown link');
    // Nobody scans it: the page must not sign in on its own.
    await page.waitForTimeout(1500);
    assert.is(await page.getAttribute('#status', 'data-state'), 'login', errors.join('\n'));
    assert.is(await page.isVisible('#chat'), false);
  } finally {
    await page.context().close();
  }
});

test('QR login accepted by the phone, a message to @bob_example and his reply, then a reload restores the session', async (ctx) => {
  const { page, errors } = await openPage(ctx);
  try {
    await ctx.alice.scanLoginQr(await loginUrl(page, errors));
    await signedIn(page).catch((e) => {
      throw new Error(`not signed in: ${e}\n${errors.join('\n')}`);
    });
    assert.is(await page.textContent('#status'), 'signed in as Alice Example (@alice_example)');
    assert.is(await page.isVisible('#login'), false);

    await page.fill('#send input[name="peer"]', '@bob_example');
    await page.fill('#send input[name="text"]', 'hello from the browser');
    await page.click('#send button[type="submit"]');
    const got = await ctx.bob.waitForMessage({ from: ctx.alice, text: 'hello from the browser', timeoutMs: STEP_MS });
    await shows(page, 'out', 'to @bob_example: hello from the browser');
    assert.is(await page.inputValue('#send input[name="text"]'), '', 'the text box is emptied after sending');

    await ctx.bob.reply(got, 'hi Alice, Bob here');
    await shows(page, 'in', 'Bob: hi Alice, Bob here');

    const saved = await page.evaluate(() => Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!.slice(0, 2)]));
    assert.equal(saved, [[`wasmgram.session@127.0.0.1:${ctx.server.dcs[0]!.wsPort}`, 'wg']], 'one wasmgram string session');

    await page.reload({ timeout: LOAD_MS });
    await page.waitForSelector('#status[data-state="signed-in"]', { timeout: LOAD_MS });
    assert.is(await page.textContent('#status'), 'signed in as Alice Example (@alice_example)');
    assert.is(await page.$('[data-login-url]'), null, 'no QR code after a reload: the stored session is signed in');
    await page.fill('#send input[name="peer"]', '@bob_example');
    await page.fill('#send input[name="text"]', 'still here after a reload');
    await page.click('#send button[type="submit"]');
    await ctx.bob.waitForMessage({ from: ctx.alice, text: 'still here after a reload', timeoutMs: STEP_MS });
    assert.is(await page.textContent('#send-error'), '');
    assert.equal(errors, []);
  } finally {
    await page.context().close();
  }
});

test('an account with a 2FA password: after the scan the page asks for it (with the hint), again after a wrong one, and signs in', async (ctx) => {
  const carol = ctx.world.user({ firstName: 'Carol' });
  await ctx.server.backend.setPassword(carol.id, 'correct horse', 'a horse');
  const { page, errors } = await openPage(ctx);
  try {
    await carol.scanLoginQr(await loginUrl(page, errors));
    await page.waitForSelector('#password:not([hidden])', { timeout: STEP_MS });
    assert.is(await page.getAttribute('#password input', 'placeholder'), '2FA password (hint: a horse)');
    await page.fill('#password input', 'wrong horse');
    await page.click('#password button[type="submit"]');
    await page.waitForSelector('#status >> text="Wrong password, try again."', { timeout: STEP_MS });
    assert.is(await page.isVisible('#password'), true, 'asked again after a wrong password');
    await page.fill('#password input', 'correct horse');
    await page.click('#password button[type="submit"]');
    await signedIn(page).catch((e) => {
      throw new Error(`not signed in: ${e}\n${errors.join('\n')}`);
    });
    assert.is(await page.textContent('#status'), 'signed in as Carol');
  } finally {
    await page.context().close();
  }
});

test('an expired login token is replaced by a new QR code, and the new one signs in', async (ctx) => {
  // This server's clock runs 25 s behind: its 30 s tokens expire 5 s after they are shown.
  const server = await TestServer.start({ dcs: [2], crypto: await createCryptoProvider(), clock: () => Date.now() - 25_000 });
  const world = new ScriptedWorld(server.backend);
  const dave = world.user({ firstName: 'Dave' });
  const dc = server.dcs[0]!;
  const page = await (await ctx.browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const q = new URLSearchParams({ ws: `${dc.host}:${dc.wsPort}`, dc: String(dc.id), pem: server.publicKeyPem });
    await page.goto(`${ctx.site.origin}/?${q}`, { timeout: LOAD_MS });
    const first = await loginUrl(page, errors);
    await page.waitForFunction((u) => document.querySelector('[data-login-url]')?.getAttribute('data-login-url') !== u, first, {
      timeout: STEP_MS,
    });
    const second = await loginUrl(page, errors);
    assert.is.not(second, first);
    const stale = await dave.scanLoginQr(first).then(
      () => 'accepted',
      (e: unknown) => (e as Error).message,
    );
    assert.match(stale, /AUTH_TOKEN_(INVALID|EXPIRED)/);
    await dave.scanLoginQr(second);
    await signedIn(page);
    assert.is(await page.textContent('#status'), 'signed in as Dave');
  } finally {
    await page.context().close();
    world.close();
    await server.stop();
  }
});

test('a test server address without its key: the page says what is missing', async (ctx) => {
  const page = await (await ctx.browser.newContext()).newPage();
  try {
    await page.goto(`${ctx.site.origin}/?ws=127.0.0.1:1`, { timeout: LOAD_MS });
    await page.waitForSelector('#status[data-state="error"]', { timeout: LOAD_MS });
    assert.match((await page.textContent('#status')) ?? '', /needs \?ws=HOST:PORT .* and \?pem=/);
  } finally {
    await page.context().close();
  }
});

/** Polls `get` every 50 ms until it returns a value; throws with `what()` after `ms`. */
async function until<T>(get: () => T | undefined, ms: number, what: () => string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('examples/browser/dev.ts (the by-hand run): Vite dev serves the page from dist/, the link pasted in its terminal signs in, @bob_smith answers', async (ctx) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'examples/browser/dev.ts'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let code: number | null | undefined;
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('close', (c) => r((code = c))));
  const address = () => {
    if (code !== undefined) throw new Error(`dev.ts exited ${code}:\n${out}`);
    return /Open (http\S+)/.exec(out)?.[1];
  };
  const context = await ctx.browser.newContext();
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(await until(address, LOAD_MS, () => `dev.ts printed no address:\n${out}`), { timeout: LOAD_MS });
    child.stdin.write(`${await loginUrl(page, errors)}\n`);
    await signedIn(page).catch((e) => {
      throw new Error(`not signed in: ${e}\n${errors.join('\n')}\n${out}`);
    });
    assert.is(await page.textContent('#status'), 'signed in as Alice');
    assert.match(out, /Accepted: the page signs in as Alice\./);
    await page.fill('#send input[name="peer"]', '@bob_smith');
    await page.fill('#send input[name="text"]', 'hi Bob');
    await page.click('#send button[type="submit"]');
    await shows(page, 'in', 'Bob: Bob got: hi Bob');
    assert.equal(errors, []);
  } finally {
    await context.close();
    // End of input stops dev.ts (as Ctrl+D would): Bob, Vite and the server shut down and it exits 0.
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const status = await exited;
    clearTimeout(timer);
    assert.is(status, 0, `dev.ts exited ${status}:\n${out}`);
  }
});

test.run();
