// Gzip sizes of what the production build ships, found by looking (the build's file names carry
// content hashes, and chunks come and go as the code is split), and of the UI libraries in it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuiltFile {
  /** Relative to the build directory, e.g. `content-scripts/reply.js`. */
  path: string;
  bytes: number;
  gzip: number;
  /** What loads it, from the manifest and popup/options pages. */
  role: string;
  /** Libraries whose code is in this file (see LIBRARIES). */
  contains: string[];
}

export interface LibrarySize {
  name: string;
  /** Gzip of the library's own published ESM files, as a reference for its share of a chunk. */
  gzip: number;
}

interface Library {
  name: string;
  files: string[];
  /**
   * Strings minification keeps (property names), present only when the library's code is in a
   * file. The production build has no source maps to ask instead.
   */
  markers: RegExp[];
}

const LIBRARIES: Library[] = [
  {
    name: 'Preact (core+hooks+compat)',
    files: [
      'node_modules/preact/dist/preact.module.js',
      'node_modules/preact/hooks/dist/hooks.module.js',
      'node_modules/preact/compat/dist/compat.module.js',
    ],
    // Preact's mangled vnode/hook fields and compat's class flag.
    markers: [/\.__k\b/, /\.__H\b/, /isPureReactComponent/],
  },
  {
    name: 'Zustand (vanilla+react)',
    files: ['node_modules/zustand/esm/vanilla.mjs', 'node_modules/zustand/esm/react.mjs'],
    markers: [/getInitialState/],
  },
];

/** Directories of a WXT Chrome build that hold code or styles, and what to take from each. */
const PLACES: { dir: string; pattern: RegExp }[] = [
  { dir: '', pattern: /\.(js|html)$/ },
  { dir: 'content-scripts', pattern: /\.(js|css)$/ },
  { dir: 'chunks', pattern: /\.js$/ },
  { dir: 'assets', pattern: /\.css$/ },
];

interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
  action?: { default_popup?: string };
  options_page?: string;
  options_ui?: { page?: string };
}

export function measureBundle(buildDir: string): { files: BuiltFile[]; libraries: LibrarySize[] } {
  const manifest = JSON.parse(readFileSync(join(buildDir, 'manifest.json'), 'utf8')) as Manifest;
  const roles = rolesFromManifest(buildDir, manifest);
  const files: BuiltFile[] = [];
  for (const { dir, pattern } of PLACES) {
    const full = join(buildDir, dir);
    if (!existsSync(full)) continue;
    for (const name of readdirSync(full).sort()) {
      if (!pattern.test(name)) continue;
      const path = dir ? `${dir}/${name}` : name;
      const content = readFileSync(join(buildDir, path));
      const text = content.toString('utf8');
      files.push({
        path,
        bytes: content.length,
        gzip: gzipSize(content),
        role: roles.get(path) ?? 'loaded on demand',
        contains: LIBRARIES.filter((lib) => lib.markers.every((m) => m.test(text))).map(
          (lib) => lib.name,
        ),
      });
    }
  }
  const libraries = LIBRARIES.map((lib) => ({
    name: lib.name,
    gzip: gzipSize(Buffer.concat(lib.files.map((file) => readFileSync(resolve(file))))),
  }));
  return { files, libraries };
}

/** What loads each file, from the manifest and the extension pages; a shared chunk has several. */
function rolesFromManifest(buildDir: string, manifest: Manifest): Map<string, string> {
  const roles = new Map<string, string[]>();
  const add = (path: string, role: string) => roles.set(path, [...(roles.get(path) ?? []), role]);
  for (const script of manifest.content_scripts ?? []) {
    for (const path of [...(script.js ?? []), ...(script.css ?? [])]) {
      add(path, `content script on every page of ${(script.matches ?? []).join(' ')}`);
    }
  }
  if (manifest.background?.service_worker) {
    add(manifest.background.service_worker, 'background service worker');
  }
  const pages: [string | undefined, string][] = [
    [manifest.action?.default_popup, 'popup'],
    [manifest.options_ui?.page ?? manifest.options_page, 'options'],
  ];
  for (const [page, role] of pages) {
    if (!page || !existsSync(join(buildDir, page))) continue;
    add(page, `${role} page`);
    // The page's scripts, preloaded chunks and styles, as Vite writes them: paths from the root.
    const html = readFileSync(join(buildDir, page), 'utf8');
    for (const [, ref] of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) {
      if (ref) add(ref, role);
    }
  }
  return new Map([...roles].map(([path, list]) => [path, list.join(', ')]));
}

function gzipSize(content: Buffer): number {
  return gzipSync(content, { level: 9 }).length;
}
