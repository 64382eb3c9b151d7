import ts from 'typescript';

/**
 * The rules `npm run check` holds the translations and the views to (run by tests/i18n/check.ts,
 * tested on bad input by tests/unit/i18n-check.test.ts). Pure functions of parsed messages and
 * source text, so each rule can be shown to fail.
 */

/** One message of a locale file as @wxt-dev/i18n/build parses it. */
export interface LocaleMessage {
  key: string[];
  type: 'simple' | 'plural' | 'chrome';
  substitutions: number;
  namedSubstitutions: string[];
  message?: string;
  plurals?: Record<string, string>;
}

/** Messages every browser defines itself (`@@ui_locale`, `@@bidi_dir`, …). */
const isPredefined = (message: LocaleMessage) => message.key[0]?.startsWith('@@') ?? false;

/** The name the browser knows a message by (`popup.title` is `popup_title` in messages.json). */
export const messageName = (message: LocaleMessage) => message.key.join('_');

/**
 * Each locale holds exactly the default locale's keys, each of the same kind (plural or not)
 * with the same substitutions, and plural messages have the forms the language needs.
 */
export function localeProblems(
  locales: Record<string, LocaleMessage[]>,
  defaultLocale: string,
): string[] {
  const reference = new Map(
    (locales[defaultLocale] ?? []).filter((m) => !isPredefined(m)).map((m) => [messageName(m), m]),
  );
  const problems: string[] = [];
  for (const [locale, messages] of Object.entries(locales)) {
    const own = new Map(messages.filter((m) => !isPredefined(m)).map((m) => [messageName(m), m]));
    for (const name of reference.keys()) {
      if (!own.has(name)) problems.push(`${locale}: missing "${name}"`);
    }
    for (const [name, message] of own) {
      const expected = reference.get(name);
      if (!expected) {
        problems.push(`${locale}: "${name}" is not in ${defaultLocale}`);
        continue;
      }
      if ((message.type === 'plural') !== (expected.type === 'plural')) {
        problems.push(
          `${locale}: "${name}" must ${expected.type === 'plural' ? '' : 'not '}be plural`,
        );
      }
      if (message.substitutions !== expected.substitutions) {
        problems.push(
          `${locale}: "${name}" uses $1…$${message.substitutions}, ${defaultLocale} $1…$${expected.substitutions}`,
        );
      }
      const names = [...message.namedSubstitutions].sort().join(', ');
      const expectedNames = [...expected.namedSubstitutions].sort().join(', ');
      if (names !== expectedNames) {
        problems.push(`${locale}: "${name}" uses {${names}}, ${defaultLocale} {${expectedNames}}`);
      }
      if (message.type === 'plural') problems.push(...pluralProblems(locale, name, message));
    }
  }
  return problems;
}

/**
 * @wxt-dev/i18n picks a plural form by count alone: two forms are "1" and "any other count",
 * three are "0", "1" and "any other". That matches a language whose CLDR rules for whole numbers
 * are one/other, provided 0 gets its own form where the language says "0 tâche" (French: 0 and 1
 * are both "one"). Languages with few/many forms (Polish, Russian, Arabic…) can't be expressed.
 */
function pluralProblems(locale: string, name: string, message: LocaleMessage): string[] {
  const forms = Object.keys(message.plurals ?? {});
  const rules = new Intl.PluralRules(locale.replace('_', '-'));
  const categories = rules.resolvedOptions().pluralCategories.filter((c) => c !== 'many');
  // French and others list "many" for 1,000,000-style numbers only; whole counts stay one/other.
  if (categories.some((c) => c !== 'one' && c !== 'other')) {
    return [`${locale}: "${name}": this language's plural forms (${categories}) aren't supported`];
  }
  if (!forms.includes('n')) return [`${locale}: "${name}" has no "n" (any other count) form`];
  if (rules.select(0) === 'one' && !forms.includes('0')) {
    return [`${locale}: "${name}" needs a "0" form (0 takes the singular in this language)`];
  }
  return [];
}

/** Keys nothing uses: neither a string literal in the sources nor `__MSG_key__` in the manifest. */
export function unusedKeys(names: string[], sources: { file: string; text: string }[]): string[] {
  const used = new Set<string>();
  for (const { file, text } of sources) {
    for (const match of text.matchAll(/__MSG_(\w+)__/g)) used.add(match[1] ?? '');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, scriptKind(file));
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        used.add(node.text.replaceAll('.', '_'));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return names.filter((name) => !used.has(name));
}

/** Attributes a person reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'placeholder',
  'title',
]);

const hasWords = (text: string) => /\p{L}/u.test(text);

/**
 * Text written into a view without i18n: JSX text, text attributes, and string or template
 * literals among a JSX expression's possible values (`{done ? 'Done' : ''}`). A call's
 * arguments are not looked into: `i18n.t('key')` is how text gets in.
 */
export function rawStrings(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
  const found: string[] = [];
  const report = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${file}:${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) {
      report(node, `text "${node.text.trim()}"`);
    } else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      if (value && ts.isStringLiteral(value) && hasWords(value.text)) {
        report(node, `${node.name.getText(source)}="${value.text}"`);
      } else if (value && ts.isJsxExpression(value) && value.expression) {
        for (const literal of literalValues(value.expression))
          report(literal, `${node.name.getText(source)}=${literal.getText(source)}`);
      }
      return;
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of literalValues(node.expression))
        report(literal, literal.getText(source));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The string and template literals with words an expression may evaluate to. */
function literalValues(expression: ts.Expression): ts.Node[] {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
    return hasWords(expression.text) ? [expression] : [];
  }
  if (ts.isTemplateExpression(expression)) {
    const parts = [expression.head.text, ...expression.templateSpans.map((s) => s.literal.text)];
    const inner = expression.templateSpans.flatMap((s) => literalValues(s.expression));
    return parts.some(hasWords) ? [expression] : inner;
  }
  if (ts.isParenthesizedExpression(expression)) return literalValues(expression.expression);
  if (ts.isConditionalExpression(expression)) {
    return [...literalValues(expression.whenTrue), ...literalValues(expression.whenFalse)];
  }
  if (ts.isBinaryExpression(expression)) {
    const kind = expression.operatorToken.kind;
    if (kind === ts.SyntaxKind.AmpersandAmpersandToken) return literalValues(expression.right);
    if (
      kind === ts.SyntaxKind.BarBarToken ||
      kind === ts.SyntaxKind.QuestionQuestionToken ||
      kind === ts.SyntaxKind.PlusToken
    ) {
      return [...literalValues(expression.left), ...literalValues(expression.right)];
    }
  }
  return [];
}

const scriptKind = (file: string) => (file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
