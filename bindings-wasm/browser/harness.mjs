// What every browser script shares: the repository root served on 127.0.0.1 (nothing outside
// it), and Debian's Chromium launched headless with a fresh profile and the flags TOOLCHAIN.md
// lists (no sandbox as root, no background networking).
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository root. */
export const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves the repository root on a free port of 127.0.0.1; resolves to `{origin, close}`. */
export async function serveRoot() {
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = resolve(root, `.${decodeURIComponent(new URL(req.url, 'http://x').pathname)}`);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(path);
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/**
 * Launches headless Chromium (`$CHROMIUM`, else /usr/bin/chromium) in a fresh profile, with
 * `options` added to the context's; resolves to `{context, close}` (close removes the profile).
 */
export async function launchChromium(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'chiso-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ...options,
  });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  return { context, close };
}
