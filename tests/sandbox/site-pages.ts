// Stand-ins for the CRM record pages and mailboxes the extension works on, served from the
// fixtures in tests/fixtures/sites on the sites' real host names. Each page gets a small
// "records" nav whose links swap the record in place and push the URL, as the real
// single-page apps do; a mailbox's "Discard" control removes its compose window.

import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/sites');

interface SitePage {
  host: RegExp;
  path: RegExp;
  file: string;
  title: string;
  /** Where the nav links to it (default: a HubSpot record on the current portal). */
  href?: string;
}

const HUBSPOT = /^app(?:-eu1)?\.hubspot\.com$/;
const SALESFORCE = /^curie-labs\.lightning\.force\.com$/;
const PAGES: readonly SitePage[] = [
  {
    host: HUBSPOT,
    path: /^\/contacts\/\d+\/record\/0-1\/51201$/,
    file: 'hubspot-contact-eu.html',
    title: 'Ada Byron',
  },
  {
    host: HUBSPOT,
    path: /^\/contacts\/\d+\/record\/0-1\/90210$/,
    file: 'hubspot-contact-second.html',
    title: 'Grace Hopper',
  },
  {
    host: HUBSPOT,
    path: /^\/contacts\/\d+\/record\/0-1\/30001$/,
    file: 'hubspot-contact-no-email.html',
    title: 'Alan Turing',
  },
  {
    host: HUBSPOT,
    path: /^\/contacts\/\d+\/record\/0-1\/777$/,
    file: 'reply-task-references.html',
    title: 'Task references',
  },
  // One page per markup generation of each site (see each fixture's header comment).
  {
    host: HUBSPOT,
    path: /^\/contacts\/\d+\/contact\/90211\/?$/,
    file: 'hubspot-contact-legacy-de.html',
    title: 'Grace Hopper (legacy)',
    href: '/contacts/7794512/contact/90211/',
  },
  {
    host: HUBSPOT,
    path: /^\/contacts\/\d+\/record\/0-1\/51202$/,
    file: 'hubspot-contact-2026-es.html',
    title: 'Ada Byron (2026)',
  },
  {
    host: SALESFORCE,
    path: /^\/lightning\/r\/Contact\/0035g00000XyZ12AAB\/view$/,
    file: 'salesforce-contact.html',
    title: 'Marie Curie',
    href: '/lightning/r/Contact/0035g00000XyZ12AAB/view',
  },
  {
    host: SALESFORCE,
    path: /^\/lightning\/app\/[^/]+\/r\/Lead\/00Q5g00000QrStU\/view$/,
    file: 'salesforce-console-es.html',
    title: 'Rosalind Franklin (console)',
    href: '/lightning/app/06m5g000001AbCdAAK/r/Lead/00Q5g00000QrStU/view',
  },
  {
    host: SALESFORCE,
    path: /^\/lightning\/r\/0035g00000XyZ12AAB\/view$/,
    file: 'salesforce-dynamic-de.html',
    title: 'Marie Curie (dynamic forms)',
    href: '/lightning/r/0035g00000XyZ12AAB/view',
  },
  {
    host: SALESFORCE,
    path: /^\/lightning\/r\/Contact\/0035g00000ShAd0AAB\/view$/,
    file: 'salesforce-contact-shadow.html',
    title: 'Irène Joliot-Curie (native shadow)',
    href: '/lightning/r/Contact/0035g00000ShAd0AAB/view',
  },
  {
    host: /^nordlicht\.pipedrive\.com$/,
    path: /^\/person\/4821$/,
    file: 'pipedrive-person.html',
    title: 'Marta Kowalska',
    href: '/person/4821',
  },
  {
    host: /^nordlicht\.pipedrive\.com$/,
    path: /^\/person\/4830\/?$/,
    file: 'pipedrive-person-2025-de.html',
    title: 'Marta Kowalska (2025)',
    href: '/person/4830/',
  },
  {
    host: /^app\.pipedrive\.com$/,
    path: /^\/person\/4822$/,
    file: 'pipedrive-person-legacy-rtl.html',
    title: 'Noa Levi (legacy)',
    href: '/person/4822',
  },
  {
    host: /^mail\.google\.com$/,
    path: /^\/mail\/u\/0\/?$/,
    file: 'gmail-two-composes.html',
    title: 'Inbox',
    href: '/mail/u/0/',
  },
  {
    host: /^mail\.google\.com$/,
    path: /^\/mail\/u\/1\/?$/,
    file: 'gmail-legacy-de.html',
    title: 'Posteingang (legacy)',
    href: '/mail/u/1/',
  },
  {
    host: /^mail\.google\.com$/,
    path: /^\/mail\/u\/2\/?$/,
    file: 'gmail-popout-es.html',
    title: 'Recibidos (pop-out)',
    href: '/mail/u/2/',
  },
  {
    host: /^mail\.google\.com$/,
    path: /^\/mail\/u\/3\/?$/,
    file: 'gmail-inline-reply.html',
    title: 'Conversation (inline reply)',
    href: '/mail/u/3/',
  },
  {
    host: /^outlook\.office\.com$/,
    path: /^\/mail\/?$/,
    file: 'outlook-compose.html',
    title: 'Mail',
    href: '/mail/',
  },
  {
    host: /^outlook\.cloud\.microsoft$/,
    path: /^\/mail\/deeplink\/compose\/?$/,
    file: 'outlook-deeplink-de.html',
    title: 'Nachricht verfassen (pop-out)',
    href: '/mail/deeplink/compose',
  },
  {
    host: /^outlook\.live\.com$/,
    path: /^\/mail\/0\/inbox\/id\/[\w-]+$/,
    file: 'outlook-reading-pane-es.html',
    title: 'Correo (reading pane)',
    href: '/mail/0/inbox/id/AQQkADAwATM0MDAAMS1iNTcw',
  },
];

/** Host names to point at the sandbox (Chromium needs each mapped; Firefox maps all). */
export const SITE_HOSTS = [
  'app.hubspot.com',
  'app-eu1.hubspot.com',
  'curie-labs.lightning.force.com',
  'nordlicht.pipedrive.com',
  'app.pipedrive.com',
  'mail.google.com',
  'outlook.office.com',
  'outlook.cloud.microsoft',
  'outlook.live.com',
];

export const isSiteHost = (host: string): boolean => PAGES.some((page) => page.host.test(host));

/** Swaps the body for the linked record's (keeping the nav) and pushes its URL: no reload. */
const SPA_SCRIPT = `<script>
document.addEventListener('click', async (event) => {
  const discard = event.target.closest('[aria-label^="Discard"]');
  if (discard) {
    discard.closest('[role="dialog"], .M9, [data-sandbox-compose], form')?.remove();
    return;
  }
  const link = event.target.closest('a[data-spa]');
  if (!link) return;
  event.preventDefault();
  const html = await (await fetch(link.href)).text();
  const next = new DOMParser().parseFromString(html, 'text/html');
  const nav = document.getElementById('sandbox-records');
  history.pushState(null, '', link.href);
  document.body.replaceChildren(...next.body.childNodes);
  document.body.prepend(nav);
  document.title = next.title;
});
</script>`;

export function serveSitePage(req: IncomingMessage, res: ServerResponse, host: string): void {
  const path = new URL(req.url ?? '/', 'https://crm.invalid').pathname;
  const page = PAGES.find((p) => p.host.test(host) && p.path.test(path));
  if (!page) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('No such record in the sandbox.');
    return;
  }
  const siblings = PAGES.filter((p) => p.host.source === page.host.source && p !== page);
  const nav = `<nav id="sandbox-records">${siblings
    .map((p) => `<a data-spa href="${recordHref(p, path)}">${p.title}</a>`)
    .join(' ')}</nav>`;
  const html = readFileSync(resolve(FIXTURES, page.file), 'utf8')
    .replace(/<body([^>]*)>/, `<body$1>${nav}`)
    .replace('</body>', `${SPA_SCRIPT}</body>`);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
}

/** A sibling record's URL on the same portal as the current one (HubSpot paths carry it). */
function recordHref(page: SitePage, currentPath: string): string {
  if (page.href) return page.href;
  const portal = /^\/contacts\/(\d+)\//.exec(currentPath)?.[1] ?? '7794512';
  const id = /(\d+)\$$/.exec(page.path.source)?.[1] ?? '';
  return `/contacts/${portal}/record/0-1/${id}`;
}
