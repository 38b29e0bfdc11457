import { spawnSync } from 'node:child_process';

/**
 * Swaps two folders in one step, where the system allows it: Linux's
 * renameat2(RENAME_EXCHANGE), which Node does not expose, called through
 * perl's syscall() (perl-base is Essential on Debian, so it is always there;
 * no compiler, no native addon). At every instant each name holds one of the
 * two folders, so a kill can never leave OUT missing. False when the exchange
 * is not available (another system or architecture, no perl, a file system
 * without it): the caller then swaps with two renames, and the next run
 * repairs a kill between them (output-folder.ts). Why this and not an addon:
 * docs/maintainers/safety.md.
 */

/** renameat2's number by Node's `process.arch`, where Linux has it. */
const RENAMEAT2: Partial<Record<string, number>> = {
  x64: 316,
  arm64: 276,
  riscv64: 276,
  loong64: 276,
  ia32: 353,
  arm: 382,
  ppc64: 357,
  s390x: 347,
};

const AT_FDCWD = -100;
const RENAME_EXCHANGE = 2;

// Prints the errno and exits 1 when the call fails.
const SCRIPT = `my $r = syscall($ARGV[0] + 0, ${AT_FDCWD}, $ARGV[1], ${AT_FDCWD}, $ARGV[2], ${RENAME_EXCHANGE});
if ($r != 0) { print $! + 0; exit 1 } exit 0`;

/** Exchanges folders `a` and `b` atomically; false when this system cannot (nothing was changed then). */
export function exchangeFolders(a: string, b: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const nr = RENAMEAT2[process.arch];
  if (process.platform !== 'linux' || nr === undefined || env['YONGZU_TEST_NO_EXCHANGE'] === '1') return false;
  const run = spawnSync('perl', ['-e', SCRIPT, String(nr), a, b], { encoding: 'utf8', timeout: 10_000 });
  return run.status === 0;
}
