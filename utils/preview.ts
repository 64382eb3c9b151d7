/**
 * Task bodies come from templates and contact data anyone may have written. The email preview
 * renders them in an iframe with an empty `sandbox` (no script, no forms, no popups, no
 * navigation of the page, no meta refresh) whose document allows no network loads at all, so
 * a tracking pixel can't tell anyone the rep looked and nothing can style or leave the panel.
 */
const POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

const BASE_STYLE =
  'body{margin:8px;font:14px/1.45 system-ui,sans-serif;color:#1d2330;background:#fff;overflow-wrap:anywhere}img{max-width:100%}';

export function previewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${POLICY}"><style>${BASE_STYLE}</style></head><body>${html}</body></html>`;
}
