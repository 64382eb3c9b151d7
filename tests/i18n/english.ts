import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

/**
 * `browser.i18n.getMessage` over locales/en.yml, as the browsers answer it (`$1`…`$9`
 * substituted, `$$` a dollar sign, '' for an unknown name), so views under Vitest speak the
 * English a browser in English shows. WXT's fake browser leaves getMessage unimplemented.
 */
export function englishGetMessage(): (name: string, substitutions?: string | string[]) => string {
  const messages: Record<string, { message: string }> = generateChromeMessages(
    parseMessagesText(readFileSync(resolve('locales/en.yml'), 'utf8'), 'YAML'),
  );
  const predefined: Record<string, string> = { '@@bidi_dir': 'ltr', '@@ui_locale': 'en' };
  return (name, substitutions) => {
    const message = messages[name]?.message ?? predefined[name];
    if (message === undefined) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
    );
  };
}
