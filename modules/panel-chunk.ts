import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type Plugin } from 'vite';
import { defineWxtModule } from 'wxt/modules';
import { noHtmlSinks } from './no-html-sinks';

/**
 * Builds the page panel (components/panel-module.tsx) apart from the content scripts, as one
 * classic script, `panel.js`, that the background injects into a tab's content-script world
 * when a content script finds a task context (utils/background/panel-injection.ts). WXT bundles
 * each content script into one file, so only a separate build keeps the always-loaded part a
 * small detector. Injected rather than imported: the file needs no web_accessible_resources
 * entry (pages can't probe for it) and no import() of a computed URL. The panel's on-demand
 * parts (`editor.js`, `sms.js`) are built and injected the same way, when the panel asks
 * (components/editor/load-chunks.injected.ts takes load-chunks.ts's place in this build).
 */
const CHUNKS = [
  { file: 'panel.js', entry: 'components/panel-module.tsx', global: 'executeViaReplyPanel' },
  // Loaded when the rep starts editing an email: Squire, DOMPurify, the sanitiser.
  {
    file: 'editor.js',
    entry: 'components/editor/editor-module.ts',
    global: 'executeViaReplyEditor',
  },
  // Loaded with an SMS task: the segment calculator (its grapheme tables are most of it).
  { file: 'sms.js', entry: 'utils/sms-count.ts', global: 'executeViaReplySms' },
];

const INJECTED_LOADER = 'components/editor/load-chunks.injected.ts';

export default defineWxtModule({
  name: 'panel-chunk',
  setup(wxt) {
    wxt.hook('prepare:publicPaths', (_wxt, paths) => {
      for (const { file } of CHUNKS) paths.push(`/${file}`);
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
              // The panel's on-demand parts arrive by injection, not import (see there).
              { find: /^.*\/load-chunks$/, replacement: resolve(wxt.config.root, INJECTED_LOADER) },
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
            minify: production,
            sourcemap: !production,
            target: 'es2022',
            lib: {
              entry: resolve(wxt.config.root, chunk.entry),
              formats: ['iife'],
              name: chunk.global,
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
 * from the table the background injects with the panel, not from a first `i18n.getMessage`
 * that blocks the page (utils/i18n/message-table.ts).
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
