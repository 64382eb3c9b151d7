import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/**
 * Keeps Preact's HTML sink out of the build. The extension never uses Preact's
 * dangerouslySetInnerHTML (email previews render in a sandboxed frame, the editor takes its
 * content as sanitised DOM), so its one `innerHTML = …` assignment is made to throw: no view
 * can hand untrusted HTML to a live DOM. The build fails if Preact's code no longer matches,
 * so an upgrade can't quietly bring the sink back. The only sinks left are the editor's two
 * (Squire's undo, DOMPurify's inert parser), which `npm run lint:firefox` allows by name and
 * nothing else (tests/build/lint-firefox.ts).
 */
const PREACT_SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
const REFUSAL =
  '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in this extension")})()';

export function noHtmlSinks(): Plugin {
  return {
    name: 'execute-via-reply:no-html-sinks',
    enforce: 'post',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.module\.js$/.test(id)) return null;
      const out = code.replace(PREACT_SINK, REFUSAL);
      if (out === code) this.error('no-html-sinks: Preact’s innerHTML sink was not found.');
      return { code: out, map: null };
    },
  };
}

export default defineWxtModule({
  name: 'no-html-sinks',
  setup(wxt) {
    addViteConfig(wxt, () => ({ plugins: [noHtmlSinks()] }));
  },
});
