import '@/assets/panel.css';
import { render } from 'preact';
import { createMessagingConnector } from '@/utils/connector';
import { createPopupStore } from '@/utils/stores/popup';
import { App } from './App';

const root = document.getElementById('app');
if (root) {
  const connector = createMessagingConnector();
  render(<App store={createPopupStore(connector)} connector={connector} />, root);
}
