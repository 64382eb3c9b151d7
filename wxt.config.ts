import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { ARRIVAL_WATCHES, arrivalStylesheet } from './utils/content/arrivals';
import { CRM_SITES } from './utils/detect/crm-sites';
import { MAIL_SITES } from './utils/detect/mail-sites';

// The extension's whole surface: which browsers, which permissions, which hosts.
export default defineConfig({
  // @wxt-dev/i18n: locales/*.yml become _locales/*/messages.json, typed `i18n.t` from '#i18n'.
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // `npm run zip`: the store zips, and for Firefox Add-ons the sources its reviewers rebuild from
  // (`npm ci && npm run build:firefox`); tests, fixtures and screenshots don't build anything.
  zip: {
    excludeSources: ['tests/**', 'docs/screenshots/**', 'docs/store/**', 'vitest.config.ts'],
  },
  vite: () => ({
    plugins: [preact(), lighterContentScripts(), arrivalStylesheets()],
    // Terser packs the always-loaded content scripts a few percent tighter than esbuild.
    build: { minify: 'terser', terserOptions: { compress: { passes: 2 }, ecma: 2020 } },
  }),
  manifest: ({ browser }) => ({
    // In the browser's language (locales/*.yml); English where a language is missing.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    permissions: ['storage', 'alarms', 'notifications'],
    // Asked for with the first site the rep adds (its content script is registered at run
    // time), and given back with the last: held by every install, it costs each page the
    // content scripts run on about 5 KB of heap (README, "Speed, measured"). The panel's
    // scripts need no injection: web_accessible_resources (modules/panel-chunk.ts).
    optional_permissions: ['scripting'],
    // A keyboard way to the popup's due tasks.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandOpenDueTasks__',
      },
    },
    // Asked for one site at a time, when the rep adds it on the options page.
    optional_host_permissions: ['https://*/*'],
    // The API, and the pages the content scripts run on.
    host_permissions: [
      'https://*.reply.io/*',
      ...Object.values(CRM_SITES).flat(),
      ...Object.values(MAIL_SITES).flat(),
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'execute-via-reply@reply-tools.example',
              strict_min_version: '142.0',
              // Kept true to docs/privacy.md: what the rep asks for goes to Reply's API, and only
              // there: the key, contacts' addresses looked up, drafts sent, read off the page.
              data_collection_permissions: {
                required: [
                  'authenticationInfo',
                  'personallyIdentifyingInfo',
                  'personalCommunications',
                  'websiteContent',
                ],
              },
            },
          },
        }
      : {}),
  }),
});

/**
 * What the always-loaded content scripts get in place of two of WXT's modules:
 * - the browser's own promise-based extension namespace (`browser` in Firefox, `chrome` in
 *   Chromium; both promise-based under Manifest V3), picked at first use
 *   (utils/content/browser.ts), instead of the webextension polyfill the rest of the extension
 *   gets: they touch only `runtime.connect`, `runtime.getURL`, ports and `runtime.id`, and the
 *   polyfill was about 2.6 KB gzip of each. The background, pages and the imported panel keep it.
 * - a synchronous start (utils/content/start.ts) instead of WXT's wrapper, which keeps `main`'s
 *   promise and constructs WXT's context; ours (utils/content/context.ts) pays for itself only
 *   once there is something to do.
 */
function lighterContentScripts(): Plugin {
  const ours = (file: string) => resolve(import.meta.dirname, 'utils/content', file);
  const replacements: Record<string, string> = {
    '@wxt-dev/webextension-polyfill/browser': ours('browser.ts'),
  };
  // WXT's wrapper around a content script's definition (its virtual module, as WXT resolves it).
  const wrapper = '\0virtual:wxt-content-script-isolated-world-entrypoint?';
  let contentScript = false;
  return {
    name: 'execute-via-reply:lighter-content-scripts',
    enforce: 'pre',
    configResolved(config) {
      const entry = config.build.lib ? config.build.lib.entry : '';
      contentScript = /\.content[\\/]/.test(JSON.stringify(entry));
    },
    resolveId(source, importer, options) {
      const replacement = contentScript ? replacements[source] : undefined;
      if (!replacement) return null;
      return this.resolve(replacement, importer, { ...options, skipSelf: true });
    },
    load(id) {
      if (!contentScript || !id.startsWith(wrapper)) return null;
      const definition = JSON.stringify(id.slice(wrapper.length));
      return [
        `import definition from ${definition};`,
        `import { startContentScript } from ${JSON.stringify(ours('start.ts'))};`,
        // WXT names the script's result after it (`var reply = …; reply;`): there is none.
        'export default startContentScript(definition);',
      ].join('\n');
    },
  };
}

/**
 * `virtual:arrivals/<name>.css`: the arrival stylesheet (utils/content/arrivals.ts) for the
 * watch ARRIVAL_WATCHES names, made from the same constants the content scripts use, so the
 * selectors can't drift. Imported by a content script, it becomes that script's manifest `css`:
 * the browser applies it before any script runs, and the page can't remove it.
 */
function arrivalStylesheets(): Plugin {
  const prefix = 'virtual:arrivals/';
  return {
    name: 'execute-via-reply:arrival-stylesheets',
    enforce: 'pre',
    resolveId: (source) => (source.startsWith(prefix) ? `\0${source}` : null),
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return null;
      const name = id.slice(prefix.length + 1).replace(/\.css$/, '');
      const watch = ARRIVAL_WATCHES[name as keyof typeof ARRIVAL_WATCHES];
      if (!watch) this.error(`No arrival watch named ${name}`);
      return arrivalStylesheet(watch);
    },
  };
}
