/**
 * Files the dev watcher leaves alone: what the build never reads (hidden
 * files, as load ignores them) and what editors and yongzu itself write
 * beside a file while saving it: yongzu's and others' atomic-write temporary
 * files (`.01-jianghua.md.tmp-27408-…`), Vim's swap files and its write
 * test `4913`, Emacs' `.#` locks and `#…#` autosaves, backups ending in `~`,
 * Word's `~$` lock files. A save then reaches the log and the queue as the
 * one file that changed.
 */
export function isScratchFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return (
    name.startsWith('.') ||
    name.endsWith('~') ||
    name.startsWith('~$') ||
    /^#.*#$/.test(name) ||
    name === '4913' ||
    /\.(swp|swx|tmp)$/i.test(name)
  );
}
