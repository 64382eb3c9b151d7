/**
 * What, on a page where nothing has been found, can make a follower's `detect` find something,
 * and the stylesheet that lets the browser watch for it. Plain data and strings, no extension
 * API: wxt.config.ts builds the content scripts' stylesheets from these same constants.
 */
import { TASK_REFERENCE_ATTRIBUTES, TASK_REFERENCE_ELEMENTS } from '../detect/references';

/**
 * `arrivals`: elements whose appearance (added, shown, or an attribute change that makes them
 * match) can make `detect` find something; the browser sees them, through ARRIVAL_ANIMATION.
 * `attributes`: the attribute changes that count, besides added and removed elements, once
 * something is found and every change is followed.
 */
export interface DomWatch {
  arrivals: string;
  attributes: readonly string[];
}

/** Task references arriving: what can make a page with nothing on it reference a task. */
export const REFERENCE_ARRIVALS: DomWatch = {
  arrivals: TASK_REFERENCE_ELEMENTS,
  attributes: TASK_REFERENCE_ATTRIBUTES,
};

/**
 * What can open a draft on a mailbox with none: a compose body, which in Gmail and Outlook alike
 * is an editable element (utils/detect/gmail.ts, outlook.ts), arriving or becoming one (so
 * `contenteditable="false"` is left out: turning it on then starts a match); or a task
 * reference. Until then the inbox's own churn is not looked at. Gmail gives a body its
 * `g_editable` in the same task as its `contenteditable`, before the check a frame later.
 */
export const MAIL_ARRIVALS: DomWatch = {
  arrivals: `[contenteditable]:not([contenteditable="false" i]), ${REFERENCE_ARRIVALS.arrivals}`,
  attributes: ['contenteditable', 'g_editable', ...REFERENCE_ARRIVALS.attributes],
};

/** The watches whose stylesheets the build makes, by the name content scripts import them by. */
export const ARRIVAL_WATCHES = { mail: MAIL_ARRIVALS, references: REFERENCE_ARRIVALS } as const;

/** A keyframes name no page uses: the one animation the follower listens for. */
export const ARRIVAL_ANIMATION = 'execute-via-reply-arrival';

/**
 * The "animation sentinel": every element matching `arrivals` gets a 1 ms animation that
 * animates nothing, so the browser, matching selectors in its own style recalc, fires an
 * `animationstart` for each arrival and no script runs for the page's other changes.
 *
 * Only `animation-name` and `animation-duration`, under `:where()` (no specificity) and without
 * `!important`: any animation the page gives the same element wins, so the page never looks or
 * moves differently. The price: an arrival the page animates itself starts the page's animation,
 * not ours, and is seen only at the next navigation or other arrival; a page that looks
 * different because of us would be worse than a panel that shows late.
 *
 * An element not rendered (display:none, or inside such an element) runs no animation, so it
 * fires when it is shown: a hidden compose or link is nothing the rep can act on yet. Elements
 * that were there before the content script ran are the first scan's.
 */
export function arrivalStylesheet({ arrivals }: DomWatch): string {
  return (
    `@keyframes ${ARRIVAL_ANIMATION}{}\n` +
    `:where(${arrivals}){animation-name:${ARRIVAL_ANIMATION};animation-duration:1ms}\n`
  );
}
