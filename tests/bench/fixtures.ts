// Pages the bench loads, from a local HTTPS server of its own. The same bytes are served under
// two host names: one the extension's content script matches (a Reply host) and one it doesn't,
// so "with" and "without" the extension differ only in whether the content script runs.

import type { ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { sandboxCertificate } from '../sandbox/server';
import { serveWebApp } from '../sandbox/webapp';

/** Matched by the content script (`https://*.reply.io/*`). */
export const WITH_HOST = 'bench.reply.io';
/** Matched by nothing the extension declares. */
export const WITHOUT_HOST = 'bench.example';

/** Rows in the busy page's list; each row is 10 elements, so ~10,000 in all. */
const BUSY_ROWS = 1_000;
/** One timer tick every 20 ms making 6 DOM mutations: 300 mutations a second. */
const TICK_MS = 20;
/** The busy page counts as past its load after this long: a content script has started. */
export const BUSY_WARM_MS = 1_000;

export const fixturePaths = {
  /**
   * A busy mailbox: ~10,000 elements and 300 mutations a second for `ms` milliseconds. The page's
   * promises `benchWarm` (BUSY_WARM_MS in) and `benchDone` let a caller await it without polling,
   * which would add script of its own to the page.
   */
  busy: (ms: number) => `/bench/busy?ms=${ms}`,
  /** A Reply page that names no task: a small report with a little script of its own. */
  plain: '/bench/plain',
  /** Anything else is the sandbox's fake Reply web app, e.g. `/tasks/101`. */
  task: (id: number) => `/tasks/${id}`,
};

export interface FixtureServer {
  port: number;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const { key, cert } = sandboxCertificate();
  const server = createServer({ key, cert }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://fixture.invalid');
    if (url.pathname === '/bench/busy')
      return html(res, busyPage(Number(url.searchParams.get('ms'))));
    if (url.pathname === '/bench/plain') return html(res, PLAIN_PAGE);
    serveWebApp(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function html(res: ServerResponse, body: string): void {
  res
    .writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    })
    .end(body);
}

function busyRow(i: number): string {
  return (
    `<div class="row" data-id="${i}"><input type="checkbox"><span class="from">Contact ${i}</span>` +
    `<a href="#m${i}">Subject line number ${i}</a><span class="preview">Preview of message ${i}` +
    '</span><span class="tag">inbox</span><span class="tag">sales</span><span class="size">4 KB' +
    `</span><span class="flag">★</span><span class="time">09:${String(i % 60).padStart(2, '0')}` +
    '</span></div>'
  );
}

/**
 * The page's work is a fixed number of ticks (not "as many as fit in the time"), so a busy
 * neighbour on the shared CPU slows both arms alike instead of changing how much they do.
 */
function busyPage(ms: number): string {
  const ticks = Math.max(1, Math.round((Number.isFinite(ms) ? ms : 3_000) / TICK_MS));
  const warmTicks = Math.min(ticks, Math.round(BUSY_WARM_MS / TICK_MS));
  const rows = Array.from({ length: BUSY_ROWS }, (_, i) => busyRow(i)).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inbox (bench)</title>
<style>
  body { font: 13px system-ui, sans-serif; margin: 0; }
  header { position: sticky; top: 0; background: #eef; padding: 6px; }
  /* Like a real long list, rows off screen skip rendering; all 10,000 elements stay in the DOM. */
  .row { display: flex; gap: 8px; height: 20px; border-bottom: 1px solid #ddd;
         content-visibility: auto; contain-intrinsic-size: auto 21px; }
  .row.unread { font-weight: bold; }
</style></head>
<body>
<header>Inbox <span id="count">0</span> new</header>
<main id="list">${rows}</main>
<script>
  // Seeded, so both arms make exactly the same mutations.
  let seed = 1;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const list = document.getElementById('list');
  const count = document.getElementById('count');
  const rows = list.children;
  const pick = () => rows[random(rows.length)];
  let tick = 0;
  let next = ${BUSY_ROWS};
  let warm;
  let done;
  window.benchWarm = new Promise((resolve) => { warm = resolve; });
  window.benchDone = new Promise((resolve) => { done = resolve; });
  // Six mutations a tick, none of which moves the other rows: a live mailbox updates rows in
  // place rather than reflowing all of them 50 times a second.
  const timer = setInterval(() => {
    pick().querySelector('.time').textContent = '10:' + (tick % 60);
    pick().classList.toggle('unread');
    pick().setAttribute('data-state', String(tick % 7));
    const fresh = pick().cloneNode(true);
    fresh.dataset.id = String(next++);
    pick().replaceWith(fresh);
    pick().querySelector('.tag').textContent = tick % 2 ? 'inbox' : 'follow-up';
    count.textContent = String(tick);
    if (++tick === ${warmTicks}) warm(tick);
    if (tick === ${ticks}) {
      clearInterval(timer);
      done(tick);
    }
  }, ${TICK_MS});
</script>
</body></html>`;
}

const PLAIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Reports (bench)</title></head>
<body>
<header><strong>Reply</strong> reports</header>
<main><h1>This week</h1><ul id="stats"></ul><p>Updated <span id="clock"></span></p></main>
<script>
  // A little of what any web app page does: render a list, then keep a clock.
  const stats = document.getElementById('stats');
  for (let i = 0; i < 200; i++) {
    const item = document.createElement('li');
    item.textContent = 'Sequence ' + i + ': ' + ((i * 37) % 100) + '% opened';
    stats.append(item);
  }
  const clock = document.getElementById('clock');
  const show = () => { clock.textContent = new Date().toLocaleTimeString(); };
  show();
  setInterval(show, 1000);
</script>
</body></html>`;
