import { i18n } from '#i18n';
import { CRM_SITES } from './detect/crm-sites';
import { MAIL_SITES } from './detect/mail-sites';

/**
 * Sites the rep adds (a self-hosted CRM, an intranet): the extension asks for access to that
 * site alone when it is added, and registers its content script there. Nothing beyond the
 * built-in sites is requested at install.
 */
export interface CustomSite {
  /** e.g. `https://crm.example.com` */
  origin: string;
  /** The match pattern asked for and registered: `https://crm.example.com/*` */
  pattern: string;
  at: number;
}

export type SiteAddress =
  | { ok: true; origin: string; pattern: string }
  | { ok: false; reason: string };

const BUILT_IN = [...Object.values(CRM_SITES).flat(), ...Object.values(MAIL_SITES).flat()];

/** Reads what the rep typed ("crm.example.com", a page's URL…) as a site, or says why not. */
export function siteFromAddress(address: string): SiteAddress {
  const trimmed = address.trim();
  if (!trimmed) return { ok: false, reason: i18n.t('sites.why.empty') };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, reason: i18n.t('sites.why.notAnAddress', { address: trimmed }) };
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      reason: i18n.t('sites.why.notHttps'),
    };
  }
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) {
    return { ok: false, reason: i18n.t('sites.why.notAHost', { host: url.hostname }) };
  }
  const host = url.hostname.toLowerCase();
  if (
    host === 'reply.io' ||
    host.endsWith('.reply.io') ||
    BUILT_IN.some((p) => coveredBy(p, host))
  ) {
    return { ok: false, reason: i18n.t('sites.why.builtIn', { host }) };
  }
  const origin = `https://${url.host.toLowerCase()}`;
  return { ok: true, origin, pattern: `${origin}/*` };
}

/** Whether a built-in `https://host/*` pattern (host may start with `*.`) covers a host. */
function coveredBy(pattern: string, host: string): boolean {
  const patternHost = pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
  return patternHost.startsWith('*.') ? host.endsWith(patternHost.slice(1)) : host === patternHost;
}

/** The id under which a site's content script is registered. */
export const scriptIdFor = (site: Pick<CustomSite, 'origin'>) => `custom-site:${site.origin}`;
