import { describe, expect, it } from 'vitest';
import { MAX_CANDIDATES, visibleAddresses } from '@/utils/detect/candidates';
import { createChooserStore } from '@/utils/stores/chooser';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('visibleAddresses', () => {
  it('offers what the page shows, the compose window’s first, never Smart BCC or hidden views', () => {
    const doc = page(`
      <a href="mailto:Page@Example.com">x</a>
      <div id="compose"><span email="chip@example.com"></span><span title="Name &lt;pill@example.com&gt;"></span></div>
      <a href="mailto:nordlicht+person1@pipedrivemail.com">bcc</a>
      <div style="display: none"><a href="mailto:stale@example.com">x</a></div>
      <input type="email" value="field@example.com">`);
    const compose = doc.getElementById('compose');
    expect(visibleAddresses(doc, compose ? [compose] : [])).toEqual([
      'chip@example.com',
      'pill@example.com',
      'page@example.com',
      'field@example.com',
    ]);
  });

  it(`offers at most ${MAX_CANDIDATES}`, () => {
    const links = Array.from({ length: 30 }, (_, i) => `<a href="mailto:p${i}@example.com">x</a>`);
    expect(visibleAddresses(page(links.join('')))).toHaveLength(MAX_CANDIDATES);
  });
});

describe('createChooserStore', () => {
  it('picks only offered addresses and typed ones that are addresses', () => {
    const store = createChooserStore({
      reason: 'unreadable',
      candidates: ['a@example.com'],
      unreadable: [],
    });
    store.getState().pick('b@example.com');
    expect(store.getState().chosen).toBeNull();
    store.getState().submitTyped();
    expect(store.getState().error).toBe('Type the email address to look up.');
    store.getState().setTyped('B@Example.com');
    expect(store.getState().error).toBeNull();
    store.getState().submitTyped();
    expect(store.getState().chosen).toBe('b@example.com');
  });
});
