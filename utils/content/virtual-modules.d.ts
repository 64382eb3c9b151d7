/** WXT's runtime plugins, which its own content-script wrapper starts (see ./start.ts). */
declare module 'virtual:wxt-plugins' {
  export function initPlugins(): void;
}
