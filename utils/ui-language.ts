import { i18n } from '#i18n';

/**
 * Gives a view's root the browser's UI language and its direction (`dir="rtl"` for Arabic,
 * Hebrew, Persian…), so text is read in the right language and the layout, written with
 * logical CSS properties (assets/panel.css), mirrors. The page panel sets its own root: the
 * page's direction is the page's, not the rep's.
 */
export function applyUiLanguage(root: HTMLElement): void {
  root.lang = i18n.t('@@ui_locale').replace('_', '-');
  root.dir = i18n.t('@@bidi_dir');
}
