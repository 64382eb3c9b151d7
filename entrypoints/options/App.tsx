import { i18n } from '#i18n';
import { SettingsForm } from '@/components/SettingsForm';
import { SitesForm } from '@/components/SitesForm';
import type { OptionsStore } from '@/utils/stores/options';

export function App({ store }: { store: OptionsStore }) {
  return (
    <main class="evr-page">
      <h1>{i18n.t('extName')}</h1>
      <SettingsForm store={store} />
      <SitesForm store={store} />
    </main>
  );
}
