import DOMPurify from 'dompurify';

/**
 * Task bodies come from templates and contact data anyone may have written. The preview must
 * not run script, load remote resources (tracking pixels see the rep open it), or restyle the
 * panel, so only inert markup and inline `data:` images survive.
 */
const URL_ATTRIBUTES = ['src', 'srcset', 'background', 'poster', 'lowsrc', 'dynsrc', 'xlink:href'];

let purifier: ReturnType<typeof DOMPurify> | undefined;

function getPurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value !== null && !/^data:image\//i.test(value.trim())) node.removeAttribute(name);
    }
    if (node.tagName === 'A') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purifier;
}

export function sanitizeEmailHtml(html: string): string {
  return getPurifier().sanitize(html, {
    FORBID_TAGS: [
      'style',
      'link',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'video',
      'audio',
      'source',
      'picture',
    ],
    FORBID_ATTR: ['style', 'class', 'id'],
    ALLOW_DATA_ATTR: false,
  });
}
