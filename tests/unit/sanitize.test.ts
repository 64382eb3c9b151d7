import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from '@/utils/sanitize';

describe('sanitizeEmailHtml', () => {
  it.each([
    ['<img src=x onerror="alert(1)">', /onerror/],
    ['<script>alert(1)</script><p>hi</p>', /script/],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['<img src="https://tracker.example/p.gif">', /tracker\.example/],
    ['<p style="background:url(https://tracker.example/bg)">x</p>', /tracker\.example/],
    ['<style>*{display:none}</style><p>x</p>', /display:none/],
    ['<svg><animate onbegin="alert(1)"/></svg>', /onbegin/],
    ['<iframe src="https://evil.example"></iframe>', /iframe/],
    ['<form action="https://evil.example"><input name=q></form>', /form|input/],
    ['<div id="evr-root" class="evr-panel">x</div>', /evr-/],
    ['<img srcset="https://tracker.example/a.gif 1x">', /tracker/],
  ])('neutralises %s', (html, forbidden) => {
    expect(sanitizeEmailHtml(html)).not.toMatch(forbidden);
  });

  it('keeps ordinary email markup, inline data images and safe links', () => {
    const html =
      '<p>Hi <b>Jane</b>,</p><ul><li>one</li></ul><a href="https://acme.example/x">link</a><img src="data:image/png;base64,AAAA" alt="logo">';
    const clean = sanitizeEmailHtml(html);
    expect(clean).toContain('<p>Hi <b>Jane</b>,</p>');
    expect(clean).toContain('<li>one</li>');
    expect(clean).toContain('href="https://acme.example/x"');
    expect(clean).toContain('rel="noopener noreferrer"');
    expect(clean).toContain('src="data:image/png;base64,AAAA"');
  });
});
