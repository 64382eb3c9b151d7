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

/**
 * The families of host whose content script observes the page, each with the busy page it is
 * measured on: a Reply host (nothing observed but the URL), a mailbox (Gmail's content script)
 * and a CRM (HubSpot's). Each is served by this server under its real host name.
 */
export const BUSY_HOSTS = {
  reply: { host: WITH_HOST, label: 'Reply host' },
  mail: { host: 'mail.google.com', label: 'Gmail inbox' },
  crm: { host: 'app.hubspot.com', label: 'HubSpot list' },
} as const;
export type BusyKind = keyof typeof BUSY_HOSTS;

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
  busy: (ms: number, kind: BusyKind = 'reply') => {
    if (kind === 'mail') return `/mail/u/0/?bench=busy&ms=${ms}#inbox`;
    if (kind === 'crm') return `/contacts/7794512/objects/0-1/views/all/list?bench=busy&ms=${ms}`;
    return `/bench/busy?ms=${ms}`;
  },
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
    const ms = Number(url.searchParams.get('ms'));
    if (url.pathname === '/bench/busy') return html(res, busyPage(ms));
    if (url.searchParams.get('bench') === 'busy') {
      return html(res, url.pathname.startsWith('/mail/') ? busyInbox(ms) : busyCrmList(ms));
    }
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

/** Ticks for `ms` of page work, and how many of them make the `warm` point. */
function tickCounts(ms: number, tickMs: number) {
  const ticks = Math.max(1, Math.round((Number.isFinite(ms) ? ms : 3_000) / tickMs));
  return { ticks, warmTicks: Math.min(ticks, Math.round(BUSY_WARM_MS / tickMs)) };
}

/**
 * The driver both app-like busy pages share: a seeded generator (both arms make the same
 * mutations), a fixed number of ticks (a slow neighbour slows both arms alike rather than
 * changing the work), and the `benchWarm` / `benchDone` promises.
 */
function tickDriver(ms: number, tickMs: number, tick: string): string {
  const { ticks, warmTicks } = tickCounts(ms, tickMs);
  return `
  let seed = 1;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  let tick = 0;
  let warm;
  let done;
  window.benchWarm = new Promise((resolve) => { warm = resolve; });
  window.benchDone = new Promise((resolve) => { done = resolve; });
  const timer = setInterval(() => {
    ${tick}
    if (++tick === ${warmTicks}) warm(tick);
    if (tick === ${ticks}) {
      clearInterval(timer);
      done(tick);
    }
  }, ${tickMs});`;
}

/** Threads in the busy inbox; each row is about 20 elements, so ~10,000 in all. */
const INBOX_ROWS = 500;
/** A tick every 40 ms making about 6 mutations: ~150 mutations a second. */
const INBOX_TICK_MS = 40;

function inboxRow(i: number): string {
  const unread = i % 3 === 0 ? 'zE' : 'yO';
  const sender = `contact${i}@customer${i % 40}.example`;
  return (
    `<tr class="zA ${unread}" role="row" tabindex="-1" jscontroller="ZdOxDb" data-thread="t${i}">` +
    '<td class="oZ-x3 xY"><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false" ' +
    'tabindex="-1"></div></td><td class="apU xY"><span class="T-KT" role="button" ' +
    'aria-label="Not starred"><img class="star" alt=""></span></td>' +
    `<td class="yX xY"><div class="yW"><span class="bA4"><span class="zF" email="${sender}" ` +
    `name="Contact ${i}" data-hovercard-id="${sender}">Contact ${i}</span></span></div></td>` +
    `<td class="xY a4W"><div class="xS" role="link"><div class="xT"><div class="yi"><span ` +
    `class="ar as"><span class="at">Sales</span></span></div><span class="bog"><span>Order ` +
    `${10_000 + i}</span></span><span class="y2"> - Could you confirm the delivery date for ` +
    `order ${i}?</span></div></div></td><td class="bq4 xY"><ul class="bqY" role="toolbar">` +
    '<li class="bqX brq" data-tooltip="Archive"></li><li class="bqX bru" data-tooltip="Delete">' +
    '</li></ul></td>' +
    `<td class="xW xY"><span title="Tue, Dec 1, 2026, 9:${String(i % 60).padStart(2, '0')} AM">` +
    `<span>9:${String(i % 60).padStart(2, '0')} AM</span></span></td></tr>`
  );
}

/**
 * A busy Gmail inbox with no compose window open, on mail.google.com's URL: the page frame
 * (banner, navigation with unread counts, the thread list as Gmail's `table.F` of `tr.zA`
 * rows, senders carrying `email` / `data-hovercard-id` as tests/fixtures/sites/gmail-inbox.html
 * documents) and ~150 mutations a second of what a live inbox does: threads re-rendered in
 * place (Gmail replaces a row's element when a thread changes), new mail at the top with the
 * oldest row dropped, relative times ticking, unread toggled, the unread count and the
 * window title updated. No `contenteditable` anywhere: nothing is being composed.
 */
function busyInbox(ms: number): string {
  const rows = Array.from({ length: INBOX_ROWS }, (_, i) => inboxRow(i)).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inbox (0) - rep@northwind.example - Gmail</title>
<style>
  body { font: 13px system-ui, sans-serif; margin: 0; }
  .zA { height: 20px; content-visibility: auto; contain-intrinsic-size: auto 21px; }
  .zA.zE { font-weight: bold; }
</style></head>
<body>
<div class="nH">
  <header class="gb_Ea" role="banner"><a class="gb_A" href="https://accounts.google.com/SignOutOptions" aria-label="Google Account: Rep (rep@northwind.example)">R</a></header>
  <div class="nH oy8Mbf nn aeN" role="navigation">
    <div class="aic"><div class="T-I T-I-KE L3" role="button" tabindex="0" gh="cm">Compose</div></div>
    <div class="aim"><a href="https://mail.google.com/mail/u/0/#inbox" class="J-Ke n0" aria-label="Inbox unread">Inbox <span class="bsU" id="unread">0</span></a></div>
  </div>
  <div class="nH bkK nn"><div role="main" class="nH aE3"><div class="Cp">
    <table class="F cf zt" role="grid"><tbody id="threads">${rows}</tbody></table>
  </div></div></div>
</div>
<script>
  const threads = document.getElementById('threads');
  const unread = document.getElementById('unread');
  const rows = threads.children;
  const pick = () => rows[random(rows.length)];
  let next = ${INBOX_ROWS};
  ${tickDriver(
    ms,
    INBOX_TICK_MS,
    `// A thread re-rendered: a fresh row element in place of the old one.
    const old = pick();
    const fresh = old.cloneNode(true);
    fresh.querySelector('.y2').textContent = ' - Re: update ' + tick;
    old.replaceWith(fresh);
    // Relative times tick; unread flips.
    pick().querySelector('.xW span span').textContent = (tick % 59) + ' min';
    pick().classList.toggle('zE');
    if (tick % 5 === 0) {
      // New mail at the top, the oldest row gone.
      const arrived = rows[random(rows.length)].cloneNode(true);
      arrived.dataset.thread = 't' + next++;
      threads.prepend(arrived);
      threads.lastElementChild.remove();
    }
    unread.textContent = String(tick);
    if (tick % 25 === 0) document.title = 'Inbox (' + tick + ') - rep@northwind.example - Gmail';`,
  )}
</script>
</body></html>`;
}

/** Contacts in the busy CRM list; each row is about 10 elements, so ~10,000 in all. */
const CRM_ROWS = 1_000;
const CRM_TICK_MS = 40;

function crmRow(i: number): string {
  return (
    `<tr data-test-id="row-${i}" class="private-table__row"><td><input type="checkbox" ` +
    `aria-label="Select"></td><td><a data-test-id="record-link" href="/contacts/7794512/record/` +
    `0-1/${5000 + i}">Contact ${i}</a></td><td>contact${i}@customer${i % 40}.example</td>` +
    `<td>+1 555 01${String(i % 100).padStart(2, '0')}</td><td><span class="owner">Rep ${i % 7}` +
    `</span></td><td><span data-test-id="last-activity">${i % 60} minutes ago</span></td>` +
    '<td><span class="status">Open</span></td></tr>'
  );
}

/**
 * A busy HubSpot contacts list (`/contacts/{portal}/objects/0-1/views/all/list`, the index
 * page HubSpot's detector must not take for a record): the global nav and a table of 1,000
 * contacts, with ~150 mutations a second of what a live list does: rows re-rendered as
 * properties sync, "last activity" times ticking, selection toggled, the count updated.
 * Addresses are shown as text in the list (links only on record pages).
 */
function busyCrmList(ms: number): string {
  const rows = Array.from({ length: CRM_ROWS }, (_, i) => crmRow(i)).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Contacts | HubSpot</title>
<style>
  body { font: 13px system-ui, sans-serif; margin: 0; }
  tr { height: 20px; content-visibility: auto; contain-intrinsic-size: auto 21px; }
</style></head>
<body class="Theme-canvas">
<div id="hs-nav-v4" class="navV4 desktop"><nav class="nav-links" aria-label="Main navigation">
  <a id="nav-primary-contacts-branch" href="/contacts/7794512/objects/0-1/views/all/list">Contacts</a>
</nav></div>
<div id="main-content" class="page" role="main">
  <h1>Contacts <span id="count">${CRM_ROWS}</span></h1>
  <table data-test-id="index-table"><tbody id="records">${rows}</tbody></table>
</div>
<script>
  const records = document.getElementById('records');
  const count = document.getElementById('count');
  const rows = records.children;
  const pick = () => rows[random(rows.length)];
  ${tickDriver(
    ms,
    CRM_TICK_MS,
    `const old = pick();
    const fresh = old.cloneNode(true);
    fresh.querySelector('.status').textContent = tick % 2 ? 'Open' : 'In progress';
    old.replaceWith(fresh);
    pick().querySelector('[data-test-id="last-activity"]').textContent = (tick % 59) + ' minutes ago';
    pick().querySelector('input').toggleAttribute('checked');
    pick().querySelector('.owner').textContent = 'Rep ' + (tick % 7);
    count.textContent = String(${CRM_ROWS} + (tick % 3));`,
  )}
</script>
</body></html>`;
}
