import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder's signature, and the names of the files directly in it (as readdir's entries say: symbolic links are not
 * files).
 */
export interface FolderListing {
  sig: string;
  files: string[];
  /** The symbolic links directly in it: never followed, reported (load-project.ts). */
  links: string[];
}

/**
 * Names, sizes, modification times and inodes of everything in a folder, its
 * subfolders included: its signature. The build's input fingerprint is made
 * of these (build-manifest.ts), so one stat pass serves both, and the folder's
 * files are read (load-project.ts) without listing it again.
 */
export function folderListing(root: string, folder: string): FolderListing {
  const files: string[] = [];
  const links: string[] = [];
  const signature = (dir: string, top: boolean): string =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((entry) => {
        const n = entry.name;
        if (top && entry.isFile()) files.push(n);
        if (top && entry.isSymbolicLink()) links.push(n);
        // Times in milliseconds with their fraction (a double keeps about a quarter of a microsecond): two saves
        // within one millisecond still differ. Plain stats: BigInt ones cost twice as much (they make their dates).
        // A link's own stat (links are reported, never followed); paths joined by hand (path.join normalises).
        const p = `${dir}/${n}`;
        const s = lstatSync(p, { throwIfNoEntry: false });
        if (!s) return n;
        return s.isDirectory() ? `${n}/[${signature(p, false)}]` : `${n}:${s.size}:${s.mtimeMs}:${s.ino}`;
      })
      .join('|');
  try {
    return { sig: signature(join(root, 'issues', folder), true), files, links };
  } catch {
    return { sig: '', files: [], links: [] };
  }
}

/** A folder's signature alone (folderListing). */
export function folderSignature(root: string, folder: string): string {
  return folderListing(root, folder).sig;
}
