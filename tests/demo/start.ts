/**
 * `npm start`: the extension against the built-in Reply sandbox, no Reply account needed.
 * With a display, opens Chromium with the extension, its popup and a Reply task page, and runs
 * until the browser is closed. Without one, walks the same flow headless, saves screenshots
 * under .output/demo/, and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchChromium } from '../e2e/harness/chromium';
import { panel, typeOver } from '../e2e/support';
import { SANDBOX_API_KEY, startSandbox } from '../sandbox/server';

const BUILD = resolve('.output/chrome-mv3');
const SHOTS = resolve('.output/demo');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

async function main() {
  if (!process.argv.includes('--no-build')) {
    console.log('Building the extension for Chromium…');
    execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  }
  const sandbox = await startSandbox();
  const browser = await launchChromium({
    extensionDir: BUILD,
    sandboxPort: sandbox.port,
    headless: !hasDisplay,
  });
  console.log(`Reply sandbox on ${sandbox.origin}; api.reply.io and run.reply.io point at it.`);

  if (hasDisplay) {
    const popup = await browser.openExtensionPage('popup.html');
    await popup.bringToFront();
    await browser.newPage('https://run.reply.io/tasks/101');
    console.log(
      [
        '',
        `1. In the "Execute via Reply" tab (the popup), paste the demo key ${SANDBOX_API_KEY} and Save.`,
        '2. Switch to the run.reply.io tab: the panel shows task 101. Edit it if you like,',
        '   then press "Execute via Reply". The nav links move between sample tasks.',
        'Close the browser to stop.',
      ].join('\n'),
    );
    await new Promise<void>((done) => browser.browser.on('disconnected', () => done()));
    await sandbox.close();
    return;
  }

  console.log('No display here: walking through the flow headless.');
  mkdirSync(SHOTS, { recursive: true });
  const shot = async (page: Page, name: string) => {
    await page.screenshot({ path: resolve(SHOTS, name) });
    console.log(`  screenshot: .output/demo/${name}`);
  };
  try {
    const popup = await browser.openExtensionPage('popup.html');
    await popup.setViewport({ width: 380, height: 320 });
    await popup.locator('input[type="password"]').fill(SANDBOX_API_KEY);
    await popup.locator('button[type="submit"]').click();
    const connected = await popup.waitForSelector('[role="status"]::-p-text(Connected)');
    console.log(`Popup: ${await connected?.evaluate((el) => el.textContent)}`);
    await shot(popup, '1-popup-connected.png');

    const page = await browser.newPage('https://run.reply.io/tasks/101');
    await page.setViewport({ width: 1280, height: 860 });
    await panel.text(page, 'Step 2 - Email');
    console.log('Task page 101: the panel shows the sequence email, ready to send.');
    await shot(page, '2-task-panel.png');

    await typeOver(await panel.field(page, 'Subject'), 'Quick question about Acme, Jane');
    await (await panel.button(page, 'Execute via Reply')).click();
    console.log(`Panel: ${await panel.region(page, 'status', 'Sent.')}`);
    await shot(page, '3-task-sent.png');

    await page.click('nav a[href="/tasks/104"]');
    await panel.text(page, 'Reached: negative');
    await (await panel.button(page, 'Call again')).click();
    console.log(`Task 104 (a call): ${await panel.region(page, 'status', 'Completed in Reply')}`);
    await shot(page, '4-call-task-completed.png');

    const [execute] = sandbox.executeCalls(101);
    console.log(
      `The sandbox received ${sandbox.executeCalls().length} execute call(s); task 101 got ${JSON.stringify(execute?.body)}.`,
    );
  } finally {
    await browser.close();
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
