import '@/assets/panel.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createMessagingConnector } from '@/utils/connector';
import { createOptionsStore } from '@/utils/stores/options';
import { App } from './App';

const root = document.getElementById('app');
if (root) {
  const requestAccess = (pattern: string) => browser.permissions.request({ origins: [pattern] });
  render(<App store={createOptionsStore(createMessagingConnector(), requestAccess)} />, root);
}
