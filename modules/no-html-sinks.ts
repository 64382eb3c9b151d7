import type { Plugin } from 'vite';
import { addViteConfig, defineWxtModule } from 'wxt/modules';

/**
 * Ships no HTML-injection sink. The extension never uses Preact's dangerouslySetInnerHTML
 * (email previews render in a sandboxed frame instead), so its one `innerHTML = …` assignment
 * is made to throw: untrusted HTML has no path into a live DOM, and `web-ext lint` has no
 * unsafe assignment to report. The build fails if Preact's code no longer matches, so an
 * upgrade can't quietly bring the sink back.
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
