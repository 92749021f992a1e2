// The test harness: one `lumbar serve --demo` and one headless Debian Chromium per spec
// file (node --test runs each file in its own process).
//
// Why one server per file: `lumbar serve` rate-limits POSTs per client IP (30 at once, 30 a
// minute) and every browser here is 127.0.0.1; a fresh server gives each flow a fresh
// bucket, so the suite never trips the limit however many checks it fills in.
//
// Environment:
//   LUMBAR_BIN      the built binary (default ../target/debug/lumbar)
//   LUMBAR_E2E_DB   database URL (sqlite:PATH or postgres://…); run.mjs sets a temporary
//                   SQLite file when it is unset; databaseUrl() and runLumbar() give specs
//                   the same database (to read the mail outbox, say)
//   CHROMIUM        the browser (default /usr/bin/chromium, Debian's package)

import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '..', '..');

/** Chromium flags from docs (ARCHITECTURE.md, "browser tests"). Playwright adds a fresh,
 * temporary --user-data-dir itself on every launch (and refuses one in `args`). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** A phone-sized screen (an iPhone 12–15's CSS pixels), touch. */
export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

export function chromiumPath() {
  const path = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install Debian's package (apt-get install chromium) or set CHROMIUM`);
  }
  return path;
}

export function launchBrowser() {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

function lumbarBin() {
  const bin = process.env.LUMBAR_BIN || resolve(REPO, 'target', 'debug', 'lumbar');
  if (!existsSync(bin)) throw new Error(`lumbar binary not found at ${bin}: build it (cargo build) or set LUMBAR_BIN`);
  return bin;
}

/** The database every server of this run uses (LUMBAR_E2E_DB), for `lumbar --db`. */
export function databaseUrl() {
  const db = process.env.LUMBAR_E2E_DB;
  if (!db) throw new Error('LUMBAR_E2E_DB is not set (sqlite:PATH or postgres://…); run the suite with `node run.mjs`');
  return db;
}

/**
 * Runs the lumbar binary on the servers' database (`lumbar --db URL ARGS…`, with the
 * servers' data key, [`E2E_DATA_KEY`]), e.g. `['mail',
 * 'outbox', '--json']`. Resolves to its stdout; a non-zero exit rejects with its stderr.
 */
export function runLumbar(args, { env = {} } = {}) {
  const argv = ['--db', databaseUrl(), ...args];
  return new Promise((res, rej) => {
    execFile(lumbarBin(), argv, { cwd: REPO, env: { ...process.env, LUMBAR_DATA_KEY: E2E_DATA_KEY, ...env }, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) rej(new Error(`lumbar ${args.join(' ')} failed (${err.code ?? err.signal}): ${stderr}`));
      else res(stdout);
    });
  });
}

/**
 * Starts `lumbar serve --demo` on a free port (the OS picks it: --listen 127.0.0.1:0) and
 * waits for /readyz. Returns { baseURL, stop(), log() }.
 */
/**
 * The data key of the test servers and of `runLumbar` (a fixed test key, so both open the
 * same sealed health data and no key file is written beside a database or in the repository:
 * decision 0006). Never a key for real data.
 */
export const E2E_DATA_KEY = Buffer.alloc(32, 0x42).toString('base64');

export async function startServer({ timeoutMs = 60_000, env = {} } = {}) {
  const args = ['--db', databaseUrl(), 'serve', '--demo', '--listen', '127.0.0.1:0'];
  const child = spawn(lumbarBin(), args, {
    cwd: REPO,
    env: { ...process.env, LUMBAR_DATA_KEY: E2E_DATA_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = null;
  const onData = (chunk) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise((res) => child.on('exit', (code, signal) => { exited = { code, signal }; res(exited); }));
  child.on('error', (e) => { output += `\nspawn error: ${e.message}\n`; });

  const deadline = Date.now() + timeoutMs;
  let baseURL = null;
  while (Date.now() < deadline && exited === null) {
    if (!baseURL) {
      const m = output.match(/open (http:\/\/[^\s/]+)\//);
      if (m) baseURL = m[1];
    }
    if (baseURL) {
      try {
        const r = await fetch(`${baseURL}/readyz`);
        if (r.ok) break;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const fail = (why) => {
    child.kill('SIGKILL');
    throw new Error(`lumbar serve ${why}\n--- server output ---\n${output}`);
  };
  if (exited !== null) fail(`exited early (${JSON.stringify(exited)})`);
  if (!baseURL || Date.now() >= deadline) fail(`was not ready within ${timeoutMs} ms`);

  return {
    baseURL,
    log: () => output,
    async stop() {
      if (exited !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

/**
 * Registers before/after hooks for a spec file and returns an object whose `server`,
 * `browser` and `baseURL` are filled in by the time the tests run. `env` is added to the
 * server's environment (e.g. a higher rate limit for a spec that fills in the check many
 * times).
 */
export function useApp({ env = {} } = {}) {
  const app = { server: null, browser: null, baseURL: null };
  before(async () => {
    app.server = await startServer({ env });
    app.baseURL = app.server.baseURL;
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.stop();
  });
  return app;
}

/** A new browser context on the app (options as for browser.newContext). */
export async function newContext(app, options = {}) {
  return app.browser.newContext({ baseURL: app.baseURL, locale: 'en-US', ...options });
}

/**
 * Runs `steps` ([name, fn, { skip }]) as subtests of `t`, in order, on one page. After a
 * failure the rest are skipped (they depend on it), so the first failure is the one to read;
 * its page is saved to e2e/test-results/ (screenshot and HTML) when `page` is given.
 */
export async function steps(t, list, { page } = {}) {
  let failed = null;
  for (const [name, fn, opts = {}] of list) {
    const skip = failed ? `needs "${failed}", which failed` : opts.skip || false;
    let ok = false;
    await t.test(name, { skip }, async (st) => {
      await fn(st);
      ok = true;
    });
    if (!skip && !ok) {
      failed = name;
      if (page) await saveFailure(page, `${t.name} - ${name}`);
    }
  }
}

/** Saves the page's screenshot and HTML under e2e/test-results/ for a failed test. */
export async function saveFailure(page, label) {
  try {
    const dir = resolve(here, '..', 'test-results');
    mkdirSync(dir, { recursive: true });
    const base = resolve(dir, label.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 100));
    await page.screenshot({ path: `${base}.png`, fullPage: true });
    writeFileSync(`${base}.html`, await page.content());
    console.error(`e2e: saved ${base}.png and .html (${page.url()})`);
  } catch {
    // the page may be gone; the test's own error says what failed
  }
}

/** Runs `fn`; when it throws, saves the page (saveFailure) and rethrows. */
export async function capturing(page, label, fn) {
  try {
    return await fn();
  } catch (e) {
    await saveFailure(page, label);
    throw e;
  }
}
