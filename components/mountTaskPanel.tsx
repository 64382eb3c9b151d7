import { render } from 'preact';
import type { Connector } from '@/utils/connector';
import { createPanelStore } from '@/utils/stores/panel';
import { TaskPanel } from './TaskPanel';

/** Renders the floating panel for one task into a container; returns the unmount. */
export function mountTaskPanel(container: HTMLElement, taskId: number, connector: Connector) {
  const store = createPanelStore(connector, taskId);
  render(<TaskPanel store={store} floating />, container);
  return () => {
    render(null, container);
    store.dispose();
  };
}
