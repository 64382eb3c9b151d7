import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { englishGetMessage } from './i18n/english';

// Views speak English under test, as the browsers do on this machine (locales/en.yml).
fakeBrowser.i18n.getMessage = englishGetMessage();
fakeBrowser.i18n.getUILanguage = () => 'en-US';

// Each component test starts from an empty document.
afterEach(cleanup);
