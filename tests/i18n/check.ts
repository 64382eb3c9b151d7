import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import {
  type LocaleMessage,
  localeProblems,
  messageName,
  physicalCss,
  rawStrings,
  unusedKeys,
} from './rules';

/**
 * `npm run check`'s i18n step: every locale holds exactly English's keys (and plural forms the
 * language needs), every key is used, and no view writes text that doesn't come through i18n.
 */
const ROOT = process.cwd();
const DEFAULT_LOCALE = 'en';

function files(dir: string, pattern: RegExp): string[] {
  let entries: string[];
  try {
    entries = readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries.filter((f) => pattern.test(f)).map((f) => join(dir, f).replaceAll('\\', '/'));
}

const localeFiles = files('locales', /\.yml$/);
const locales: Record<string, LocaleMessage[]> = {};
for (const file of localeFiles) {
  locales[basename(file, extname(file))] = (await parseMessagesFile(
    join(ROOT, file),
  )) as LocaleMessage[];
}

const problems = localeProblems(locales, DEFAULT_LOCALE);

const sourceFiles = [
  ...['components', 'entrypoints', 'utils', 'modules'].flatMap((d) => files(d, /\.tsx?$/)),
  'wxt.config.ts',
];
const sources = sourceFiles.map((file) => ({ file, text: readFileSync(join(ROOT, file), 'utf8') }));
const names = (locales[DEFAULT_LOCALE] ?? [])
  .map(messageName)
  .filter((name) => !name.startsWith('@@'));
for (const name of unusedKeys(names, sources))
  problems.push(`${DEFAULT_LOCALE}: "${name}" is never used`);

const views = sources.filter(
  ({ file }) => /^(components|entrypoints)\//.test(file) && !file.endsWith('.d.ts'),
);
for (const { file, text } of views) {
  problems.push(...rawStrings(file, text).map((f) => `raw text in a view: ${f}`));
}

for (const file of files('assets', /\.css$/)) {
  const found = physicalCss(file, readFileSync(join(ROOT, file), 'utf8'));
  problems.push(...found.map((f) => `physical left/right in CSS (use logical properties): ${f}`));
}

if (problems.length > 0) {
  console.error(`i18n check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `i18n check: ${localeFiles.length} locales, ${names.length} keys, ${views.length} views`,
);
