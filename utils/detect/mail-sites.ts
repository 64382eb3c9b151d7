/**
 * Where each mailbox's content script runs (also hosts the panel script may be injected into),
 * and its own "discard draft" control, which the panel clicks only when the rep asks.
 */
export const MAIL_SITES = {
  gmail: ['https://mail.google.com/*'],
  outlook: [
    'https://outlook.office.com/*',
    'https://outlook.live.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.cloud.microsoft/*',
  ],
} as const;

/**
 * The mailbox's own discard control has no untranslated hook, so its label is matched in the
 * languages the fixtures cover (English, German, Spanish); elsewhere "Discard draft" finds
 * nothing and the draft simply stays. Gmail's label ends with the shortcut.
 */
export const DISCARD_DRAFT: Record<keyof typeof MAIL_SITES, string> = {
  gmail: [
    '[role="button"][aria-label^="Discard draft"]',
    '[data-tooltip^="Discard draft"]',
    '[role="button"][aria-label^="Entwurf verwerfen"]',
    '[role="button"][aria-label^="Descartar borrador"]',
  ].join(', '),
  outlook: [
    'button[aria-label="Discard"]',
    'button[aria-label="Verwerfen"]',
    'button[aria-label="Descartar"]',
  ].join(', '),
};
