import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { npmOutsideVitest } from '../npm-outside-vitest';

/**
 * What `npm run zip` hands to the stores: the Chrome and Firefox zips are exactly the production
 * builds, with one valid manifest each at package.json's version and nothing of the source or the
 * tests; the sources zip Firefox Add-ons asks for rebuilds the same Firefox extension from a clean
 * unpack with the README's commands (`npm ci`, `npm run build:firefox`).
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const output = resolve('.output');
const zipPath = (suffix: string) => join(output, `${pkg.name}-${pkg.version}-${suffix}.zip`);

async function unzip(path: string): Promise<Map<string, Buffer>> {
  const archive = await JSZip.loadAsync(readFileSync(path));
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(archive.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

/** Every file under a folder, by its path relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, path) : [path];
  });
}

const NOT_FOR_STORES = /(\.map$|\.test\.|\.spec\.|(^|\/)tests?\/|\.tsx?$)/;

describe.each([
  ['chrome', 'chrome-mv3'],
  ['firefox', 'firefox-mv3'],
])('the %s store zip', (browser, buildDir) => {
  let files: Map<string, Buffer>;
  beforeAll(async () => {
    files = await unzip(zipPath(browser));
  });

  it('holds exactly the production build, and none of the sources, maps or tests', () => {
    const names = [...files.keys()].sort();
    expect(names).toEqual(filesUnder(join(output, buildDir)).sort());
    expect(names.filter((name) => NOT_FOR_STORES.test(name))).toEqual([]);
  });

  it("carries a valid MV3 manifest at package.json's version, naming files the zip holds", () => {
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? 'null');
    expect(manifest).toMatchObject({ manifest_version: 3, version: pkg.version });
    expect(manifest.name).toBeTruthy();
    expect(manifest.description).toBeTruthy();
    const named: string[] = [
      ...Object.values(manifest.icons as Record<string, string>),
      ...(manifest.content_scripts as { js: string[] }[]).flatMap((script) => script.js),
      manifest.action.default_popup,
      manifest.options_ui?.page ?? manifest.options_page,
      browser === 'firefox' ? manifest.background.scripts[0] : manifest.background.service_worker,
    ];
    for (const file of named) expect(files.has(file), file).toBe(true);
    if (browser === 'firefox') {
      const gecko = manifest.browser_specific_settings.gecko;
      expect(gecko.id).toMatch(/@/);
      // docs/privacy.md says what goes to Reply; the consent Firefox shows must say the same.
      expect(gecko.data_collection_permissions.required).toEqual(
        expect.arrayContaining(['authenticationInfo', 'personallyIdentifyingInfo']),
      );
    }
  });
});

describe('the sources zip for Firefox Add-ons', () => {
  let files: Map<string, Buffer>;
  let unpacked: string;
  beforeAll(async () => {
    files = await unzip(zipPath('sources'));
    unpacked = mkdtempSync(join(tmpdir(), 'evr-sources-'));
    for (const [name, content] of files) {
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), content);
    }
  });
  afterAll(() => {
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
  }, 120_000);

  it('holds what the build needs and nothing of the tests, outputs or dependencies', () => {
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'README.md']) {
      expect(files.has(needed), needed).toBe(true);
    }
    const names = [...files.keys()];
    expect(
      names.filter((name) => /^(tests|node_modules|\.output|\.wxt|\.git)\//.test(name)),
    ).toEqual([]);
    expect(names.some((name) => name.startsWith('entrypoints/'))).toBe(true);
  });

  it('builds the same Firefox extension from a clean unpack with the README commands', () => {
    npmOutsideVitest(unpacked, 'ci', '--no-audit', '--no-fund', '--prefer-offline');
    npmOutsideVitest(unpacked, 'run', 'build:firefox');
    const rebuilt = join(unpacked, '.output', 'firefox-mv3');
    expect(existsSync(join(rebuilt, 'manifest.json'))).toBe(true);
    const ours = join(output, 'firefox-mv3');
    const rebuiltFiles = filesUnder(rebuilt).sort();
    expect(rebuiltFiles).toEqual(filesUnder(ours).sort());
    const differing = rebuiltFiles.filter(
      (file) => !readFileSync(join(rebuilt, file)).equals(readFileSync(join(ours, file))),
    );
    expect(differing).toEqual([]);
  }, 600_000);
});
