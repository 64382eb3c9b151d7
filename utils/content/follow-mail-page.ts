import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ComposeContext } from '../detect/context';
import { followPageContext, referencedTaskTarget } from './follow-page-context';

/**
 * A mailbox: an explicit Reply task reference wins; otherwise the compose windows that have
 * recipients, whose drafts can go out through Reply. The panel is replaced when recipients
 * change, not while the rep types.
 */
export function followMailPage(
  ctx: ContentScriptContext,
  findComposes: (doc: Document) => ComposeContext[],
) {
  followPageContext(
    ctx,
    () => {
      const referenced = referencedTaskTarget();
      if (referenced) return referenced;
      const composes = findComposes(document).filter((c) => c.recipients.length > 0);
      if (composes.length === 0) return null;
      return {
        key: `compose:${composes.map((c) => c.recipients.join()).join('|')}`,
        show: (panel) => panel.mountComposePanel(composes),
      };
    },
    { observeDom: true },
  );
}
