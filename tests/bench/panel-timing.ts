// How fast the panel follows the rep around Reply's web app: from clicking an in-app link to a
// task (pushState, no page load) to the panel on screen with the task loaded.

import { type PageSource, sleep } from './browser';
import type { Pacer } from './pacing';
import { type PanelTiming, timePanelAfterClick, waitForPanel } from './panel-probe';
import { type Figure, figure } from './report';
import { median, percentile } from './stats';

/** A Call task: the panel loads it and explains it can't be executed; nothing is sent. */
const TASK_LINK = 'nav a[href="/tasks/104"]';
const HOME_LINK = 'nav a[href="/"]';

export async function measureTimeToPanel(
  bench: PageSource,
  pacer: Pacer,
  navigations: number,
): Promise<Figure[]> {
  const page = await bench.newPage();
  const timings: PanelTiming[] = [];
  try {
    await page.goto('https://run.reply.io/');
    for (let i = 0; i < navigations; i++) {
      // Each panel loads its task from Reply: stay under the extension's rate limit.
      await pacer.makeRoom();
      timings.push(await timePanelAfterClick(page, TASK_LINK));
      await page.click(HOME_LINK);
      await waitForPanel(page, false);
      // Let the page settle, so each navigation starts from the same quiet state.
      await sleep(100);
    }
  } finally {
    await page.close();
  }
  // The first navigation is reported apart too: it is the one that finds the panel's code not
  // yet loaded into the page.
  const summary = (values: number[]) =>
    `p95 ${percentile(values, 0.95).toFixed(1)} ms over ${values.length} navigations, the ` +
    `first ${values[0]?.toFixed(1)} ms`;
  const loaded = timings.map((t) => t.loaded);
  const rendered = timings.map((t) => t.rendered);
  return [
    figure(
      'Time to panel',
      'click → panel with its task loaded (median)',
      median(loaded),
      'ms',
      `${summary(loaded)}; heading shown and the task's facts rendered in the shadow root`,
      { target: 100, samples: loaded },
    ),
    figure(
      'Time to panel',
      'click → panel heading rendered (median)',
      median(rendered),
      'ms',
      `${summary(rendered)}; the panel element and its "Execute via Reply" heading`,
      { samples: rendered },
    ),
  ];
}
