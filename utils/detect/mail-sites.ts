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

export const DISCARD_DRAFT: Record<keyof typeof MAIL_SITES, string> = {
  // "Discard draft (Ctrl-Shift-D)"; the label is localised in other languages.
  gmail: '[role="button"][aria-label^="Discard draft"], [data-tooltip^="Discard draft"]',
  outlook: 'button[aria-label="Discard"]',
};
