import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Plugin } from 'vite';
import { defineWxtModule } from 'wxt/modules';
import { noHtmlSinks } from './no-html-sinks';

/**
 * Builds the page panel (components/panel-module.tsx) apart from the content scripts, as one
 * ES module, `panel.js`, that a content script imports into its own world when it finds a task
 * context (utils/content/load-panel.ts). WXT bundles each content script into one file, so only
 * a separate build keeps the always-loaded part a small detector. The panel's on-demand parts
 * (`editor.js`, `sms.js`) are built the same way and imported when the panel needs them
 * (components/editor/load-chunks.in-page.ts takes load-chunks.ts's place in this build). They
 * are web-accessible by a dynamic URL only (wxt.config.ts), so a page can't probe for them.
 */
const CHUNKS = [
  { file: 'panel.js', entry: 'components/panel-module.tsx' },
  // Loaded when the rep starts editing an email: Squire, DOMPurify, the sanitiser.
  { file: 'editor.js', entry: 'components/editor/editor-module.ts' },
  // Loaded with an SMS task: the segment calculator (its grapheme tables are most of it).
  { file: 'sms.js', entry: 'utils/sms-count.ts' },
];

const IN_PAGE_LOADER = 'components/editor/load-chunks.in-page.ts';

export default defineWxtModule({
  name: 'panel-chunk',
  setup(wxt) {
    wxt.hook('prepare:publicPaths', (_wxt, paths) => {
      for (const { file } of CHUNKS) paths.push(`/${file}`);
    });

    // Importable by the content scripts of any site the rep may add, under a URL made for the
    // browser session (Chromium; Firefox's addresses differ per install anyway), so a page
    // can't find out that the extension is there by requesting them.
    wxt.hook('build:manifestGenerated', (_wxt, manifest) => {
      manifest.web_accessible_resources = [
        ...(manifest.web_accessible_resources ?? []),
        { resources: CHUNKS.map((c) => c.file), matches: ['https://*/*'], use_dynamic_url: true },
      ] as typeof manifest.web_accessible_resources;
    });

    wxt.hook('build:done', async (_wxt, output) => {
      // Minified as the real thing in every build but development (the bench's mode too).
      const production = wxt.config.mode !== 'development';
      for (const chunk of CHUNKS) {
        await build({
          configFile: false,
          root: wxt.config.root,
          logLevel: 'warn',
          mode: wxt.config.mode,
          plugins: [preact(), noHtmlSinks(), i18nFromTable(wxt.config.root)],
          resolve: {
            alias: [
              // The panel's on-demand parts are imported by their URL (see there).
              { find: /^.*\/load-chunks$/, replacement: resolve(wxt.config.root, IN_PAGE_LOADER) },
              { find: '@', replacement: wxt.config.root },
              // @wxt-dev/i18n's typed wrapper, which WXT's own builds alias the same way.
              { find: '#i18n', replacement: wxt.config.alias['#i18n'] ?? '' },
            ],
          },
          define: {
            'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development'),
            'import.meta.env.FIREFOX': JSON.stringify(wxt.config.browser === 'firefox'),
            'import.meta.env.CHROME': JSON.stringify(wxt.config.browser === 'chrome'),
          },
          build: {
            outDir: wxt.config.outDir,
            emptyOutDir: false,
            // Terser: Vite's esbuild keeps an ES library's whitespace.
            minify: production && 'terser',
            sourcemap: !production,
            target: 'es2022',
            lib: {
              entry: resolve(wxt.config.root, chunk.entry),
              formats: ['es'],
              fileName: () => chunk.file,
            },
          },
        });
        output.publicAssets.push({ type: 'asset', fileName: chunk.file });
      }
    });
  },
});

/**
 * @wxt-dev/i18n's `browser`, in these builds, is utils/i18n/panel-browser.ts: its messages come
 * from the table the background hands the content script before the panel loads, not from a
 * first `i18n.getMessage` that blocks the page (utils/i18n/message-table.ts).
 */
function i18nFromTable(root: string): Plugin {
  const shim = resolve(root, 'utils/i18n/panel-browser.ts');
  return {
    name: 'execute-via-reply:i18n-from-table',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (source !== '@wxt-dev/browser' || !importer?.includes('/@wxt-dev/i18n/')) return null;
      return this.resolve(shim, importer, { ...options, skipSelf: true });
    },
  };
}
