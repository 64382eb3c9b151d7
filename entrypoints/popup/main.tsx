import '@/assets/panel.css';
import { render } from 'preact';
import { i18n } from '#i18n';
import { createMessagingConnector } from '@/utils/connector';
import { createPopupStore } from '@/utils/stores/popup';
import { applyUiLanguage } from '@/utils/ui-language';
import { App } from './App';

const root = document.getElementById('app');
if (root) {
  applyUiLanguage(document.documentElement);
  document.title = i18n.t('extName');
  const connector = createMessagingConnector();
  render(<App store={createPopupStore(connector)} connector={connector} />, root);
}
