import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { npmOutsideVitest } from '../npm-outside-vitest';

/**
 * The previous release, built from this repository's own history: the commit just before
 * `package.json`'s version became the current one. Its production builds are made once per
 * commit (`npm ci`, `npm run build`, `npm run build:firefox` in a clean export of that commit)
 * and kept in `.e2e-tmp/`, so an update test can install what reps have today and update it in
 * place to this tree's build.
 */
export interface PreviousRelease {
  commit: string;
  version: string;
  builds: { chromium: string; firefox: string };
}

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();

function versionAt(commit: string): string | null {
  try {
    return (
      (JSON.parse(git('show', `${commit}:package.json`)) as { version?: string }).version ?? null
    );
  } catch {
    return null; // no package.json there
  }
}

/** The last commit of the version before the current one. */
export function previousReleaseCommit(): { commit: string; version: string } {
  const current = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  for (const commit of git('log', '--format=%H', '--', 'package.json').split('\n')) {
    if (!commit || versionAt(commit) !== current) continue;
    const parent = git('rev-parse', `${commit}^1`);
    const version = versionAt(parent);
    if (version && version !== current) return { commit: parent, version };
  }
  throw new Error(
    `No commit in this clone's history bumps package.json to ${current}; the update test needs ` +
      'the history back to the previous release (a full clone, not a shallow one).',
  );
}

export function buildPreviousRelease(): PreviousRelease {
  const { commit, version } = previousReleaseCommit();
  const dir = resolve('.e2e-tmp', `release-${commit.slice(0, 12)}`);
  const builds = {
    chromium: join(dir, '.output', 'chrome-mv3'),
    firefox: join(dir, '.output', 'firefox-mv3'),
  };
  const built = () =>
    existsSync(join(builds.chromium, 'manifest.json')) &&
    existsSync(join(builds.firefox, 'manifest.json'));
  if (!built()) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`]);
    npmOutsideVitest(dir, 'ci', '--no-audit', '--no-fund', '--prefer-offline');
    npmOutsideVitest(dir, 'run', 'build');
    npmOutsideVitest(dir, 'run', 'build:firefox');
    if (!built()) throw new Error(`Building ${commit} made no extension in ${dir}/.output`);
  }
  return { commit, version, builds };
}
