import '@/assets/panel.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { createMessagingConnector } from '@/utils/connector';
import { createOptionsStore } from '@/utils/stores/options';
import { applyUiLanguage } from '@/utils/ui-language';
import { App } from './App';

const root = document.getElementById('app');
if (root) {
  applyUiLanguage(document.documentElement);
  document.title = i18n.t('extName');
  // The site, and the registering of its content script (utils/background/site-registry.ts).
  const requestAccess = (pattern: string) =>
    browser.permissions.request({ origins: [pattern], permissions: ['scripting'] });
  render(<App store={createOptionsStore(createMessagingConnector(), requestAccess)} />, root);
}
