import { execFileSync } from 'node:child_process';

/**
 * Runs npm in `cwd` as a shell would, not as a child of Vitest: Vitest sets NODE_ENV=test and
 * its own VITEST* variables, which would make the build under test a different build.
 */
export function npmOutsideVitest(cwd: string, ...args: string[]): void {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'),
    ),
  );
  execFileSync('npm', args, { cwd, stdio: 'pipe', env: { ...env, CI: 'true' } });
}
