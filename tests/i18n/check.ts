import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { type LocaleMessage, localeProblems, messageName, rawStrings, unusedKeys } from './rules';

/**
 * `npm run check`'s i18n step: every locale holds exactly English's keys (and plural forms the
 * language needs), every key is used, and no view writes text that doesn't come through i18n.
 */
const ROOT = process.cwd();
const DEFAULT_LOCALE = 'en';

/**
 * Views not converted yet, each with who converts it. An entry whose file no longer holds raw
 * text fails the check, so the list shrinks as they are converted and can't outlive them.
 */
const NOT_YET_CONVERTED: Record<string, string> = {
  // Converted on this branch (issue-15 languages), after the infrastructure commit.
  'components/ApiKeyForm.tsx': 'languages',
  'components/BulkRun.tsx': 'languages',
  'components/ComposePanel.tsx': 'languages',
  'components/History.tsx': 'languages',
  'components/PersonPanel.tsx': 'languages',
  'components/PreSendCheck.tsx': 'languages',
  'components/ReadFailureChooser.tsx': 'languages',
  'components/SitesForm.tsx': 'languages',
  'components/SmsEditor.tsx': 'languages',
  'components/TaskPanel.tsx': 'languages',
  'components/TeamPicker.tsx': 'languages',
  'components/editor/BodyEditor.tsx': 'languages',
  'components/editor/RichTextEditor.tsx': 'languages',
};
/** Folders not converted yet (none left: the queue helper converted the task views). */
const NOT_YET_CONVERTED_DIRS: string[] = [];

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
const listed = new Set(Object.keys(NOT_YET_CONVERTED));
for (const { file, text } of views) {
  const found = rawStrings(file, text);
  const allowed = listed.has(file) || NOT_YET_CONVERTED_DIRS.some((d) => file.startsWith(d));
  if (!allowed) problems.push(...found.map((f) => `raw text in a view: ${f}`));
  else if (listed.has(file) && found.length === 0) {
    problems.push(`${file} has no raw text left: remove it from NOT_YET_CONVERTED`);
  }
}
for (const file of listed) {
  if (!sourceFiles.includes(file)) problems.push(`NOT_YET_CONVERTED names ${file}, which is gone`);
}

if (problems.length > 0) {
  console.error(`i18n check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `i18n check: ${localeFiles.length} locales, ${names.length} keys, ${views.length} views, ${listed.size} not yet converted`,
);
