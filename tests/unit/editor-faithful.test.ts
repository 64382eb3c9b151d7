import { describe, expect, it } from 'vitest';
import { createRichEditor } from '@/components/editor/editor-module';

/** Types over the first occurrence of `word` in the editor, as a keystroke would. */
function replaceWord(root: HTMLElement, word: string, by: string) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    const at = text.data.indexOf(word);
    if (at >= 0) {
      text.replaceData(at, word.length, by);
      return;
    }
  }
  throw new Error(`${word} not in the editor`);
}

async function editOnce(original: string, word: string, by: string) {
  const root = document.createElement('div');
  document.body.append(root);
  let sent: string | null | undefined;
  const editor = createRichEditor(root, {
    body: original,
    original,
    onChange: (body) => {
      sent = body;
    },
    onFormats: () => undefined,
    onLinkKey: () => undefined,
  });
  await new Promise((r) => setTimeout(r, 0));
  replaceWord(root, word, by);
  await new Promise((r) => setTimeout(r, 0));
  editor.destroy();
  root.remove();
  return sent;
}

describe('x', () => {
  it('y', async () => {
    const out = await editOnce(
      '<p>Hi <strong>Jane</strong>,</p>\n<p style="color:#333">Quick question about pricing.</p>\n<table style="border:0"><tr><td><b>Demo Rep</b><br>Acme</td></tr></table>',
      'Quick',
      'Short',
    );
    console.log(out);
  });
});
