import { diffArrays } from 'diff';
import { sanitizeToFragment } from './sanitize';

/**
 * The body to send after an edit, changed only where the rep changed it. The editor rewrites
 * what it is given into its own canonical form (`<strong>` as `<b>`, whitespace between
 * blocks dropped, styled spans split), so its output differs from the template even where
 * nobody typed. Comparing the editor's output now (`current`) with its output before any edit
 * (`baseline`) block by block says which top-level blocks the rep touched: those are sent as
 * the editor has them, every other block exactly as the (sanitised) template had it, with
 * the whitespace around it. When the template's blocks don't line up one to one with the
 * editor's (loose inline content at the top level), the editor's whole output is sent.
 */
export function keepUntouchedBlocks(original: string, baseline: string, current: string): string {
  const template = sanitizeToFragment(original);
  const kept = segments(template);
  const before = segments(sanitizeToFragment(baseline)).blocks;
  const after = segments(sanitizeToFragment(current)).blocks;
  if (kept.blocks.length !== before.length) return current;

  let out = '';
  let next = 0; // the first template block not yet written or dropped
  /** Template blocks the rep deleted or changed: an edited block takes the first one's place. */
  const freed: Block[] = [];
  for (const change of diffArrays(
    before.map((b) => b.html),
    after.map((b) => b.html),
  )) {
    if (change.removed) {
      freed.push(...kept.blocks.slice(next, next + change.count));
      next += change.count;
    } else if (change.added) {
      for (const html of change.value) out += (freed.shift()?.lead ?? '') + html;
    } else {
      freed.length = 0;
      for (const block of kept.blocks.slice(next, next + change.count)) {
        out += block.lead + block.html;
      }
      next += change.count;
    }
  }
  return out + kept.trailing;
}

interface Block {
  /** Whitespace-only text before the block, as the template had it. */
  lead: string;
  html: string;
}

function segments(fragment: DocumentFragment): { blocks: Block[]; trailing: string } {
  const blocks: Block[] = [];
  let lead = '';
  for (const node of fragment.childNodes) {
    const html = serialize(node);
    if (node.nodeType === Node.TEXT_NODE && !node.textContent?.trim()) lead += html;
    else if (node.nodeType === Node.ELEMENT_NODE || node.nodeType === Node.TEXT_NODE) {
      blocks.push({ lead, html });
      lead = '';
    }
  }
  return { blocks, trailing: lead };
}

function serialize(node: Node): string {
  if (node.nodeType === Node.ELEMENT_NODE) return (node as Element).outerHTML;
  const holder = (node.ownerDocument ?? document).createElement('div');
  holder.append(node.cloneNode(true));
  return holder.innerHTML;
}
