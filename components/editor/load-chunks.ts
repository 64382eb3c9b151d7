/**
 * The parts that load only when needed, in extension pages (the popup): chunks of their own.
 * The page panel is built with load-chunks.in-page.ts in this module's place (see
 * modules/panel-chunk.ts): there the parts are modules of their own, imported by URL.
 */
export const loadEditor = () => import('./editor-module');
export const loadSmsCount = () => import('@/utils/sms-count');
