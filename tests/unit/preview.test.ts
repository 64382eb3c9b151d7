import { describe, expect, it } from 'vitest';
import { previewDocument } from '@/utils/preview';

describe('previewDocument', () => {
  it('puts the no-loads policy ahead of any content, so content can only tighten it', () => {
    const doc = previewDocument(
      '<meta http-equiv="Content-Security-Policy" content="img-src *"><p>x</p>',
    );
    const policy = doc.indexOf("default-src 'none'; img-src data:;");
    expect(policy).toBeGreaterThan(0);
    expect(policy).toBeLessThan(doc.indexOf('<body>'));
    expect(doc.indexOf('img-src *')).toBeGreaterThan(doc.indexOf('<body>'));
  });
});
