import { ApiKeyForm } from '@/components/ApiKeyForm';
import type { PopupStore } from '@/utils/stores/popup';

export function App({ store }: { store: PopupStore }) {
  return (
    <main class="evr-page">
      <h1>Execute via Reply</h1>
      <ApiKeyForm store={store} />
    </main>
  );
}
