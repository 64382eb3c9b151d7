import { SitesForm } from '@/components/SitesForm';
import type { OptionsStore } from '@/utils/stores/options';

export function App({ store }: { store: OptionsStore }) {
  return (
    <main class="evr-page">
      <h1>Execute via Reply</h1>
      <SitesForm store={store} />
    </main>
  );
}
