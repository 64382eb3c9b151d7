import { describe, expect, it } from 'vitest';
import { createRichEditor } from '@/components/editor/editor-module';

/**
 * The HTML sent after a one-word edit in the real editor (Squire under jsdom): the edited
 * block as the editor writes it, every other block exactly as the template had it.
 */

/** Types over the first occurrence of `word`, as keystrokes would change the text. */
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
  throw new Error(`${word} is not in the editor`);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function editOnce(original: string, edit?: [string, string], body = original) {
  const root = document.createElement('div');
  document.body.append(root);
  const sent: (string | null)[] = [];
  const editor = createRichEditor(root, {
    body,
    original,
    onChange: (next) => sent.push(next),
    onFormats: () => undefined,
    onLinkKey: () => undefined,
  });
  await tick();
  if (edit) replaceWord(root, ...edit);
  await tick();
  editor.destroy();
  root.remove();
  return sent.at(-1);
}

const SIGNATURE =
  '<table cellpadding="0" cellspacing="0" style="font-family:Arial,sans-serif;font-size:12px"><tbody><tr><td style="padding-right:8px;border-right:2px solid #2457d6"><b>Demo Rep</b></td><td style="padding-left:8px">Example Co · <a href="https://example.com" style="color:#2457d6">example.com</a></td></tr></tbody></table>';

const TABLE: { name: string; template: string; edit: [string, string]; sent: string }[] = [
  {
    name: 'plain paragraphs',
    template: '<p>Hi Jane,</p>\n<p>Quick question about pricing.</p>\n<p>Thanks,<br>Demo</p>',
    edit: ['Quick', 'Short'],
    sent: '<p>Hi Jane,</p>\n<p>Short question about pricing.</p>\n<p>Thanks,<br>Demo</p>',
  },
  {
    name: 'a signature table',
    template: `<div>Hi Jane,</div><div>Are you free <strong>Tuesday</strong>?</div><br>${SIGNATURE}`,
    edit: ['free', 'around'],
    sent: `<div>Hi Jane,</div><div>Are you around <b>Tuesday</b>?</div><br>${SIGNATURE}`,
  },
  {
    name: 'lists',
    template:
      '<p>Three things:</p><ul><li>Pricing</li><li>Onboarding</li></ul><ol start="3"><li>Security review</li></ol><p>Best,</p>',
    edit: ['Best', 'Cheers'],
    sent: '<p>Three things:</p><ul><li>Pricing</li><li>Onboarding</li></ul><ol start="3"><li>Security review</li></ol><p>Cheers,</p>',
  },
  {
    name: 'inline styles email clients rely on',
    template:
      '<p style="margin:0 0 12px;font:15px/1.5 Georgia,serif;color:#333333">Hello <span style="color:#d62424;font-weight:bold">Jane</span>,</p>\n<p style="margin:0;color:#555555" align="left">See <a href="https://example.com/pricing" style="color:#1a4fc4;text-decoration:underline" target="_blank" rel="noopener noreferrer">our pricing</a>.</p>',
    edit: ['See', 'Read'],
    sent: '<p style="margin:0 0 12px;font:15px/1.5 Georgia,serif;color:#333333">Hello <span style="color:#d62424;font-weight:bold">Jane</span>,</p>\n<p style="margin:0;color:#555555" align="left">Read <a href="https://example.com/pricing" style="color:#1a4fc4;text-decoration:underline" target="_blank" rel="noopener noreferrer">our pricing</a>.</p>',
  },
];

describe('editing keeps the template', () => {
  it.each(TABLE)(
    '$name: a one-word edit changes that word only',
    async ({ template, edit, sent }) => {
      expect(await editOnce(template, edit)).toBe(sent);
    },
  );

  it('reports no change when the rep changes nothing, so `{}` is sent', async () => {
    for (const { template } of TABLE) {
      const root = document.createElement('div');
      document.body.append(root);
      const sent: (string | null)[] = [];
      const editor = createRichEditor(root, {
        body: template,
        original: template,
        onChange: (next) => sent.push(next),
        onFormats: () => undefined,
        onLinkKey: () => undefined,
      });
      root.setAttribute('contenteditable', 'false'); // a mutation that is no edit
      await tick();
      expect(sent.every((s) => s === null)).toBe(true);
      editor.destroy();
      root.remove();
    }
  });

  it('picks a draft up where it was and still sends untouched blocks as the template has them', async () => {
    const [first] = TABLE;
    if (!first) throw new Error('no template');
    const draft = first.sent;
    expect(await editOnce(first.template, ['Thanks', 'Regards'], draft)).toBe(
      '<p>Hi Jane,</p>\n<p>Short question about pricing.</p>\n<p>Regards,<br>Demo</p>',
    );
  });

  it('puts a held image address back in what is sent, having shown a placeholder', async () => {
    const template = '<p>Logo: <img src="https://cdn.example/logo.png" width="40"></p><p>Hi</p>';
    const root = document.createElement('div');
    document.body.append(root);
    let sent: string | null = null;
    const editor = createRichEditor(root, {
      body: template,
      original: template,
      onChange: (next) => {
        sent = next;
      },
      onFormats: () => undefined,
      onLinkKey: () => undefined,
    });
    const img = root.querySelector('img');
    expect(img?.hasAttribute('src')).toBe(false);
    expect(img?.getAttribute('alt')).toBe('Image (not loaded while editing)');
    await tick();
    replaceWord(root, 'Logo', 'Brand');
    await tick();
    // The edited block is the editor's: the address comes back as the last attribute.
    expect(sent).toBe('<p>Brand: <img width="40" src="https://cdn.example/logo.png"></p><p>Hi</p>');
    editor.destroy();
    root.remove();
  });
});
