import { browser } from 'wxt/browser';
import { MatchPattern } from '#imports';
import { type CustomSite, scriptIdFor, siteFromAddress } from '../custom-sites';
import { ReplyError } from '../reply/errors';
import { customSitesItem } from '../storage';

/**
 * The content script WXT builds for added sites (entrypoints/custom.content), and the arrival
 * stylesheet registered with it (utils/content/arrivals.ts).
 */
const SCRIPT = 'content-scripts/custom.js';
const STYLESHEET = 'content-scripts/custom.css';

/** Registering content scripts takes an optional permission, asked for with each site. */
const SCRIPTING = { permissions: ['scripting' as const] };
const holdsScripting = () => browser.permissions.contains(SCRIPTING);

/**
 * Sites the rep added: each has its host access (asked for by the options page, where the
 * rep's click allows the prompt, with the `scripting` permission) and its registered content
 * script; removing a site removes both, and the last one gives `scripting` back too. Also
 * answers which added sites our content scripts may speak from.
 */
export function createSiteRegistry() {
  let patterns: string[] = [];
  // Compiled once per change: the door tests every content-script message against them.
  let matchers: MatchPattern[] = [];
  const remember = (sites: CustomSite[]) => {
    patterns = sites.map((site) => site.pattern);
    matchers = patterns.map((pattern) => new MatchPattern(pattern));
    return sites;
  };
  const ready = customSitesItem.getValue().then(remember);

  return {
    patterns: () => patterns,
    /** Whether `url` is on a site the rep added. */
    includes: (url: string) => matchers.some((matcher) => matcher.includes(url)),
    list: async () => {
      await ready;
      return customSitesItem.getValue();
    },

    async add(address: string): Promise<CustomSite[]> {
      const site = siteFromAddress(address);
      if (!site.ok) throw new ReplyError('invalid-site', { detail: site.reason });
      if (!(await browser.permissions.contains({ origins: [site.pattern], ...SCRIPTING }))) {
        throw new ReplyError('no-site-access');
      }
      const id = scriptIdFor(site);
      const registered = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
      if (registered.length === 0) {
        await browser.scripting.registerContentScripts([
          {
            id,
            matches: [site.pattern],
            js: [SCRIPT],
            css: [STYLESHEET],
            runAt: 'document_idle',
            persistAcrossSessions: true,
          },
        ]);
      }
      const sites = (await customSitesItem.getValue()).filter((s) => s.origin !== site.origin);
      const next = [...sites, { origin: site.origin, pattern: site.pattern, at: Date.now() }];
      await customSitesItem.setValue(next);
      return remember(next);
    },

    /**
     * After an update: scripts registered by an earlier version keep the files they were
     * registered with, so they get the current ones (the stylesheet came later).
     */
    async refresh() {
      const ids = (await customSitesItem.getValue()).map(scriptIdFor);
      if (ids.length === 0 || !(await holdsScripting())) return;
      const registered = await browser.scripting.getRegisteredContentScripts({ ids });
      if (registered.length === 0) return;
      await browser.scripting.updateContentScripts(
        registered.map(({ id }) => ({ id, js: [SCRIPT], css: [STYLESHEET] })),
      );
    },

    async remove(origin: string): Promise<CustomSite[]> {
      const sites = await customSitesItem.getValue();
      const site = sites.find((s) => s.origin === origin);
      if (!site) return sites;
      const id = scriptIdFor(site);
      if (
        (await holdsScripting()) &&
        (await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0
      ) {
        await browser.scripting.unregisterContentScripts({ ids: [id] });
      }
      const next = sites.filter((s) => s !== site);
      await browser.permissions.remove({
        origins: [site.pattern],
        ...(next.length === 0 ? SCRIPTING : {}),
      });
      await customSitesItem.setValue(next);
      return remember(next);
    },
  };
}

export type SiteRegistry = ReturnType<typeof createSiteRegistry>;
