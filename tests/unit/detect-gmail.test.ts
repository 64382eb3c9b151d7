import { describe, expect, it } from 'vitest';
import { MAX_COMPOSES } from '@/utils/detect/context';
import { findGmailComposes } from '@/utils/detect/gmail';
import { loadSite } from '../fixtures/sites';

describe('findGmailComposes', () => {
  it.each<
    [string, { recipients: string[]; unreadable: string[]; subject: string | null; body: string }[]]
  >([
    ['gmail-inbox.html', []],
    [
      'gmail-two-composes.html',
      [
        {
          recipients: ['bob.stone@example.org', 'maria.anders@alfreds.example'],
          unreadable: [],
          subject: 'Order 10643 follow-up',
          body: ':pn',
        },
        { recipients: [], unreadable: [], subject: '', body: ':u8' },
      ],
    ],
    [
      'gmail-inline-reply.html',
      [
        {
          recipients: ['maria.anders@alfreds.example'],
          unreadable: [],
          subject: 'Re: Order 10643',
          body: ':a1',
        },
      ],
    ],
    [
      'gmail-legacy-de.html',
      [
        {
          recipients: ['maria.anders@alfreds.example'],
          unreadable: [],
          subject: 'Lieferung 10648',
          body: ':nb',
        },
        { recipients: [], unreadable: [], subject: '', body: ':o2' },
      ],
    ],
    [
      'gmail-popout-es.html',
      [
        {
          recipients: ['olivia.chen@contoso.com'],
          unreadable: ['Equipo de compras'],
          subject: 'Revisión trimestral',
          body: ':q1',
        },
      ],
    ],
  ])('%s', (fixture, expected) => {
    const composes = findGmailComposes(loadSite(fixture));
    expect(
      composes.map((compose) => ({
        recipients: compose.recipients,
        unreadable: compose.unreadable,
        subject: compose.subjectField?.value ?? null,
        body: compose.bodyField?.id,
      })),
    ).toEqual(expected);
    for (const compose of composes) {
      expect(compose.kind).toBe('compose');
      expect(compose.site).toBe('gmail');
      expect(compose.bodyField && compose.root.contains(compose.bodyField)).toBe(true);
    }
  });

  it('returns each pop-out window separately, rooted at its dialog', () => {
    const [first, second] = findGmailComposes(loadSite('gmail-two-composes.html'));
    expect(first?.root.getAttribute('role')).toBe('dialog');
    expect(second?.root.getAttribute('role')).toBe('dialog');
    expect(first?.root).not.toBe(second?.root);
    expect(first?.root.contains(second?.bodyField ?? null)).toBe(false);
    expect(second?.root.contains(first?.subjectField ?? null)).toBe(false);
  });

  it('lower-cases and de-duplicates chips, ignoring mentions in the body and the inbox', () => {
    const [first] = findGmailComposes(loadSite('gmail-two-composes.html'));
    // Maria appears as a chip and in the summary, in two spellings.
    expect(first?.recipients).toEqual(['bob.stone@example.org', 'maria.anders@alfreds.example']);
    expect(first?.recipients).not.toContain('chris.ops@northwind.example');
    expect(first?.recipients).not.toContain('rep@northwind.example');
  });

  it('roots an inline reply at its compose container, not the conversation', () => {
    const [reply] = findGmailComposes(loadSite('gmail-inline-reply.html'));
    expect(reply?.root.classList.contains('M9')).toBe(true);
    expect(reply?.recipients).not.toContain('rep@northwind.example');
    expect(reply?.recipients).not.toContain('orders@alfreds.example');
  });

  it('never takes suggested recipients, the signature or the inbox for recipients', () => {
    const [popout] = findGmailComposes(loadSite('gmail-popout-es.html'));
    expect(popout?.recipients).not.toContain('bob.stone@example.org');
    expect(popout?.recipients).not.toContain('maria.anders@alfreds.example');
    expect(popout?.recipients).not.toContain('rep@northwind.example');
    const [legacy] = findGmailComposes(loadSite('gmail-legacy-de.html'));
    expect(legacy?.recipients).not.toContain('newsletter@vendor.example');
  });

  it('reports an address typed but not confirmed as a chip as unreadable, never as a recipient', () => {
    const doc = loadSite('gmail-two-composes.html');
    const input = doc.querySelectorAll<HTMLInputElement>('input.agP')[1];
    if (input) input.value = 'ines@exam';
    const [, second] = findGmailComposes(doc);
    expect(second).toMatchObject({ recipients: [], unreadable: ['ines@exam'] });
  });

  it('takes the body by g_editable, not by its translated label, and never the hidden textarea', () => {
    const [legacy] = findGmailComposes(loadSite('gmail-legacy-de.html'));
    expect(legacy?.bodyField?.tagName).toBe('DIV');
    expect(legacy?.root.getAttribute('role')).toBe('dialog');
  });

  it('gives recipients: [] and null fields where a compose has none', () => {
    const doc = new DOMParser().parseFromString(
      '<div role="dialog"><div contenteditable="true" role="textbox" aria-label="Message Body"></div></div>',
      'text/html',
    );
    const [compose] = findGmailComposes(doc);
    expect(compose).toMatchObject({ recipients: [], subjectField: null });
  });

  it(`reports at most ${MAX_COMPOSES} compose windows`, () => {
    const window =
      '<div role="dialog"><div data-hovercard-id="a@example.com"></div><div contenteditable="true" role="textbox" g_editable="true"></div></div>';
    const doc = new DOMParser().parseFromString(window.repeat(30), 'text/html');
    expect(findGmailComposes(doc)).toHaveLength(MAX_COMPOSES);
  });
});
