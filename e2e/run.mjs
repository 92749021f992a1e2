#!/usr/bin/env node
// Runs the browser tests: checks what they need, loads the demo directory once, then runs
// every spec in specs/ with node's built-in test runner (TAP output, whose closing
// "# pass N" / "# fail N" lines CI reads). Each spec file runs in its own process with its
// own `lumbar serve --demo` and Chromium (lib/harness.mjs); two files run at a time
// (E2E_CONCURRENCY, default 2: the machines have 2 cores).
//
//   node run.mjs [NAME…]        run all specs, or those whose file name contains NAME
//
// Environment: LUMBAR_BIN (default ../target/debug/lumbar), LUMBAR_E2E_DB (default a new
// temporary SQLite file), CHROMIUM (default /usr/bin/chromium). A missing binary, browser or
// npm package is an error, never a skip.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const die = (msg) => {
  console.error(`e2e: ${msg}`);
  process.exit(1);
};

// The npm packages (npm ci in e2e/).
for (const pkg of ['playwright-core', '@axe-core/playwright']) {
  if (!existsSync(join(here, 'node_modules', ...pkg.split('/'), 'package.json'))) {
    die(`npm package ${pkg} is missing: run \`npm ci\` in e2e/`);
  }
}
const { chromiumPath, startServer, REPO } = await import('./lib/harness.mjs');

try {
  process.env.CHROMIUM = chromiumPath();
} catch (e) {
  die(e.message);
}
process.env.LUMBAR_BIN = resolve(process.env.LUMBAR_BIN || join(REPO, 'target', 'debug', 'lumbar'));
if (!existsSync(process.env.LUMBAR_BIN)) die(`lumbar binary not found at ${process.env.LUMBAR_BIN}: run cargo build or set LUMBAR_BIN`);

let tmp = null;
if (!process.env.LUMBAR_E2E_DB) {
  tmp = mkdtempSync(join(tmpdir(), 'lumbar-e2e-'));
  process.env.LUMBAR_E2E_DB = `sqlite:${join(tmp, 'e2e.db')}`;
}
const cleanup = () => tmp && rmSync(tmp, { recursive: true, force: true });

const dbLabel = process.env.LUMBAR_E2E_DB.split(':')[0];
console.log(`e2e: ${process.env.LUMBAR_BIN} on ${dbLabel}, browser ${process.env.CHROMIUM}`);

// Load the demo directory once, so every spec's server finds it already there.
try {
  const server = await startServer();
  await server.stop();
} catch (e) {
  cleanup();
  die(`could not start lumbar serve --demo: ${e.message}`);
}

const filters = process.argv.slice(2);
const specs = readdirSync(join(here, 'specs'))
  .filter((f) => f.endsWith('.test.mjs'))
  .filter((f) => filters.length === 0 || filters.some((n) => f.includes(n)))
  .sort()
  .map((f) => join('specs', f));
if (specs.length === 0) die(`no spec matches ${filters.join(', ')}`);

const child = spawn(
  process.execPath,
  ['--test', '--test-reporter=tap', `--test-concurrency=${process.env.E2E_CONCURRENCY || 2}`, ...specs],
  { cwd: here, stdio: 'inherit', env: process.env },
);
const forward = (sig) => child.kill(sig);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 1 : 0));
});
