/**
 * The parts that load only when needed, in extension pages (the popup): chunks of their own.
 * The page panel is built with load-chunks.injected.ts in this module's place (see
 * modules/panel-chunk.ts), since a content-script world can't import a chunk.
 */
export const loadEditor = () => import('./editor-module');
export const loadSmsCount = () => import('@/utils/sms-count');
