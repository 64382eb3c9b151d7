import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CRM_SITES } from './utils/detect/crm-sites';
import { MAIL_SITES } from './utils/detect/mail-sites';

// The extension's whole surface: which browsers, which permissions, which hosts.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // `npm run zip`: the store zips, and for Firefox Add-ons the sources its reviewers rebuild from
  // (`npm ci && npm run build:firefox`); tests, fixtures and screenshots don't build anything.
  zip: {
    excludeSources: ['tests/**', 'docs/screenshots/**', 'docs/store/**', 'vitest.config.ts'],
  },
  vite: () => ({
    plugins: [preact()],
    // Terser packs the always-loaded content scripts a few percent tighter than esbuild.
    build: { minify: 'terser', terserOptions: { compress: { passes: 2 }, ecma: 2020 } },
  }),
  manifest: ({ browser }) => ({
    name: 'Execute via Reply',
    description: 'Send and complete your Reply.io email and SMS tasks from the page you are on.',
    permissions: ['storage', 'scripting', 'alarms', 'notifications'],
    // A keyboard way to the popup's due tasks.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open the due tasks',
      },
    },
    // Asked for one site at a time, when the rep adds it on the options page.
    optional_host_permissions: ['https://*/*'],
    // The API, and the pages the panel script is injected into (the content scripts' own).
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
