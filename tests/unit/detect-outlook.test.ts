import { describe, expect, it } from 'vitest';
import { MAX_COMPOSES } from '@/utils/detect/context';
import { findOutlookComposes } from '@/utils/detect/outlook';
import { loadSite } from '../fixtures/sites';

describe('findOutlookComposes', () => {
  it.each<
    [
      string,
      {
        recipients: string[];
        unreadable: string[];
        subject: string | null;
        body: string | null;
      }[],
    ]
  >([
    [
      'outlook-compose.html',
      [
        {
          recipients: ['olivia.chen@contoso.com'],
          unreadable: [],
          subject: 'Quarterly review',
          body: 'Message body, press Alt+F10 to exit',
        },
      ],
    ],
    [
      'outlook-reply-and-new.html',
      [
        {
          recipients: ['bob.smith@fabrikam.com', 'carol.diaz@fabrikam.com'],
          unreadable: [],
          subject: null,
          body: 'Message body, press Alt+F10 to exit',
        },
        { recipients: [], unreadable: [], subject: '', body: 'Message body' },
      ],
    ],
    [
      'outlook-deeplink-de.html',
      [
        {
          recipients: ['maria.anders@alfreds.example'],
          unreadable: [],
          subject: 'Lieferung 10648',
          body: 'Nachrichtentext, drücken Sie ALT+F10, um den Vorgang zu beenden',
        },
      ],
    ],
    [
      'outlook-reading-pane-es.html',
      [
        {
          recipients: [],
          unreadable: ['Equipo de compras', 'compras@'],
          subject: null,
          body: 'Cuerpo del mensaje',
        },
      ],
    ],
  ])('%s', (fixture, expected) => {
    const composes = findOutlookComposes(loadSite(fixture));
    expect(
      composes.map((compose) => ({
        recipients: compose.recipients,
        unreadable: compose.unreadable,
        subject: compose.subjectField?.value ?? null,
        body: compose.bodyField?.getAttribute('aria-label') ?? null,
      })),
    ).toEqual(expected);
    for (const compose of composes) {
      expect(compose.kind).toBe('compose');
      expect(compose.site).toBe('outlook');
      expect(compose.bodyField && compose.root.contains(compose.bodyField)).toBe(true);
    }
  });

  it('reads the address from the chip, not the From field or the message list', () => {
    const [compose] = findOutlookComposes(loadSite('outlook-compose.html'));
    expect(compose?.recipients).toEqual(['olivia.chen@contoso.com']);
    expect(compose?.root.querySelector('[id$="_TO"]')).not.toBeNull();
  });

  it('keeps an inline reply and a new message apart', () => {
    const [reply, draft] = findOutlookComposes(loadSite('outlook-reply-and-new.html'));
    expect(reply?.root).not.toBe(draft?.root);
    expect(reply?.root.contains(draft?.bodyField ?? null)).toBe(false);
    expect(draft?.root.contains(reply?.bodyField ?? null)).toBe(false);
    expect(draft?.root.closest('[role="dialog"]')).not.toBeNull();
    // The received message's sender and recipient hover cards are not recipients of the reply.
    expect(reply?.recipients).not.toContain('rep@northwind.example');
  });

  it("never takes another draft's recipients when a draft shows no wells of its own", () => {
    const doc = new DOMParser().parseFromString(
      `<div id="page">
         <div class="reply"><div id="editorParent_1"><div role="textbox" contenteditable="true" aria-label="Message body"></div></div></div>
         <div class="new"><div role="group" id="MSG_2_TO"><span class="_EType_RECIPIENT_ENTITY" aria-label="olivia.chen@contoso.com"></span></div>
           <div id="editorParent_2"><div role="textbox" contenteditable="true" aria-label="Message body"></div></div></div>
       </div>`,
      'text/html',
    );
    const [reply, draft] = findOutlookComposes(doc);
    expect(reply?.recipients).toEqual([]);
    expect(reply?.root.contains(draft?.bodyField ?? null)).toBe(false);
    expect(draft?.recipients).toEqual(['olivia.chen@contoso.com']);
  });

  it('finds a body by its editor container when the label is localised', () => {
    const doc = new DOMParser().parseFromString(
      `<div><div role="group" id="MSG_1_TO"><span class="_EType_RECIPIENT_ENTITY" aria-label="Jeanne Martin &lt;Jeanne.Martin@Exemple.fr&gt;">Jeanne Martin</span></div>
       <input id="MSG_1_SUBJECT" aria-label="Ajouter un objet" value="Devis">
       <div id="editorParent_1"><div role="textbox" contenteditable="true" aria-label="Corps du message"></div></div></div>`,
      'text/html',
    );
    const [compose] = findOutlookComposes(doc);
    expect(compose?.recipients).toEqual(['jeanne.martin@exemple.fr']);
    expect(compose?.subjectField?.value).toBe('Devis');
  });

  it('gives recipients: [] and null fields where a compose has none', () => {
    const doc = new DOMParser().parseFromString(
      '<div role="dialog"><div contenteditable="true" aria-label="Message body"></div></div>',
      'text/html',
    );
    const [compose] = findOutlookComposes(doc);
    expect(compose).toMatchObject({ recipients: [], subjectField: null });
    expect(compose?.root.getAttribute('role')).toBe('dialog');
  });

  it('never guesses a name-only pill from the message above it', () => {
    const [reply] = findOutlookComposes(loadSite('outlook-reading-pane-es.html'));
    expect(reply?.recipients).toEqual([]);
    expect(reply?.root.textContent).not.toContain('Olivia');
    const [popout] = findOutlookComposes(loadSite('outlook-deeplink-de.html'));
    expect(popout?.recipients).not.toContain('rep@northwind.example');
  });

  it.each([
    [
      'an address as its text',
      '<span draggable="true">Lena@Example.de</span>',
      ['lena@example.de'],
      [],
    ],
    [
      'a name, the address in its title',
      '<span draggable="true" title="lena@example.de">Lena Fischer</span>',
      ['lena@example.de'],
      [],
    ],
    ['a name only', '<span draggable="true">Lena Fischer</span>', [], ['Lena Fischer']],
  ])('a pill showing %s', (_, pill, recipients, unreadable) => {
    const doc = new DOMParser().parseFromString(
      `<div><div id="X_TO" role="group"><div contenteditable="true">${pill}</div></div>
       <div id="editorParent_1"><div contenteditable="true" role="textbox"></div></div></div>`,
      'text/html',
    );
    expect(findOutlookComposes(doc)[0]).toMatchObject({ recipients, unreadable });
  });

  it('finds nothing on a page with no draft', () => {
    const doc = new DOMParser().parseFromString(
      '<div aria-label="Message body" id="UniqueMessageBody_1">Hello</div>',
      'text/html',
    );
    expect(findOutlookComposes(doc)).toEqual([]);
  });

  it(`reports at most ${MAX_COMPOSES} drafts`, () => {
    const draft =
      '<section><div role="group" id="X_TO"></div><div contenteditable="true" aria-label="Message body"></div></section>';
    const doc = new DOMParser().parseFromString(draft.repeat(30), 'text/html');
    const composes = findOutlookComposes(doc);
    expect(composes).toHaveLength(MAX_COMPOSES);
    expect(new Set(composes.map((compose) => compose.root)).size).toBe(MAX_COMPOSES);
  });
});
