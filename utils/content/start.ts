import { initPlugins } from 'virtual:wxt-plugins';
import { ContentScriptContext } from './context';

/**
 * What starts a content script in the build, in place of WXT's wrapper (wxt.config.ts maps it
 * here): WXT's runtime plugins, then `main` with the context, a crash said in the console.
 * WXT's wrapper runs `main` in an async function and keeps the promise as the script's result,
 * about 1 KB of the page's heap in every tab the script matches (README, "Speed, measured");
 * these scripts' `main`s return nothing.
 */
export function startContentScript(definition: { main(ctx: ContentScriptContext): void }): void {
  const name = import.meta.env.ENTRYPOINT;
  try {
    initPlugins();
    definition.main(new ContentScriptContext(name));
  } catch (error) {
    console.error(`The content script "${name}" crashed on startup.`, error);
    throw error;
  }
}
