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
  const requestAccess = (pattern: string) => browser.permissions.request({ origins: [pattern] });
  render(<App store={createOptionsStore(createMessagingConnector(), requestAccess)} />, root);
}
