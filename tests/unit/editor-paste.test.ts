import { describe, expect, it } from 'vitest';
import { createRichEditor } from '@/components/editor/editor-module';

/** Pastes into the real editor (Squire under jsdom) and what the body to send becomes. */
async function paste(data: Record<string, string>, original = '<div>Start</div>') {
  const root = document.createElement('div');
  document.body.append(root);
  let sent: string | null = null;
  const editor = createRichEditor(root, {
    body: original,
    original,
    onChange: (next) => {
      sent = next;
    },
    onFormats: () => undefined,
    onLinkKey: () => undefined,
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  root.focus();
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', {
    value: { getData: (type: string) => data[type] ?? '' },
  });
  root.dispatchEvent(event);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const loaded = root.querySelectorAll('[src]').length;
  editor.destroy();
  root.remove();
  return { sent: sent as string | null, loaded, prevented: event.defaultPrevented };
}

describe('pasting', () => {
  it('from Word: keeps bold and the paragraph, drops classes, mso styles and Office tags', async () => {
    const { sent } = await paste({
      'text/html':
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><style>p.MsoNormal{margin:0}</style></head><body><!--StartFragment--><p class=MsoNormal style='margin:0cm;mso-line-height-rule:exactly;font-family:Calibri'><b><span style='font-size:11.0pt'>Bold</span></b> text<o:p></o:p></p><!--EndFragment--></body></html>",
      'text/plain': 'Bold text',
    });
    expect(sent).toContain('<b>Bold</b> text');
    expect(sent).not.toMatch(/Mso|mso-|Calibri|o:p|<style|StartFragment/);
  });

  it('from Google Docs: bold kept from its style, the normal-weight wrapper and fonts dropped', async () => {
    const { sent } = await paste({
      'text/html':
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:700;">Hello</span><span style="font-size:11pt;font-family:Arial,sans-serif;color:#000000;font-weight:400;"> world</span></p></b>',
    });
    expect(sent).toMatch(/<b>Hello<\/b>/);
    expect(sent).not.toMatch(/Arial|docs-internal|font-size|line-height/);
    expect(sent).not.toMatch(/<b[^>]*>[^<]*world/);
  });

  it('from a web page: scripts, handlers and remote images never load; links kept', async () => {
    const { sent, loaded } = await paste({
      'text/html':
        '<div class="article"><img src="https://tracker.example/p.gif" onerror="alert(1)"><a href="https://example.com/a" onclick="alert(2)">a link</a><script>alert(3)</script></div>',
    });
    expect(loaded).toBe(0);
    expect(sent).toContain('<a href="https://example.com/a">a link</a>');
    expect(sent).not.toMatch(/script|onerror|onclick|class=/);
  });

  it('plain text keeps its line breaks', async () => {
    const { sent, prevented } = await paste({ 'text/plain': 'line one\nline two\n\nline four' });
    expect(prevented).toBe(true);
    expect(sent).toMatch(/line one.*<(?:br|\/div)>.*line two/s);
  });
});
