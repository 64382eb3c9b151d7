import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The extension's whole surface: which browsers, which permissions, which hosts.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Execute via Reply',
    description: 'Send and complete your Reply.io email and SMS tasks from the page you are on.',
    permissions: ['storage', 'scripting'],
    // The API, and the pages the panel script is injected into (the content scripts' own).
    host_permissions: ['https://*.reply.io/*'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'execute-via-reply@reply-tools.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
