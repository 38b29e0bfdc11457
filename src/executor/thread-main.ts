import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { readSource, type SourceRead } from '../load/read-source.js';
import type { FolderToRead } from './executor.js';
import type { ThreadReply, ThreadRequest } from './thread-protocol.js';

/**
 * The worker thread of thread-executor.ts. First, in a build, the folders'
 * files, read and decoded ahead of the main thread; the rest of its work
 * (thread-jobs.ts: copy rules, search text, the index) is loaded meanwhile
 * and done in the order it was asked for.
 */
const post = (reply: ThreadReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);
const jobs = import('./thread-jobs.js');
let queue: Promise<void> = Promise.resolve();
// The texts read, by file, until their bodies' copy rules have run (thread-jobs.ts takes them).
const texts = new Map<string, string>();

/** Reads a folder's files; one that cannot be read is left out, for the main thread to read and report itself. */
function readFolder(root: string, { folder, names }: FolderToRead): [string, SourceRead][] {
  const reads: [string, SourceRead][] = [];
  for (const name of names) {
    try {
      const read = readSource(join(root, 'issues', folder, name));
      if (read.kind === 'text') texts.set(`issues/${folder}/${name}`, read.text);
      reads.push([name, read]);
    } catch {
      // left out
    }
  }
  return reads;
}

/**
 * How many folders the reading runs ahead of the folder the main thread last
 * took. Reading everything at once kept every text of the archive twice (here
 * until its copy rules ran, and in the main thread's queue of messages until
 * it got to them): 2,000 issues, tens of MB. More than the main thread's 16
 * folders under way (check-folders.ts), so it never waits for a folder not asked for.
 */
export const READ_AHEAD_FOLDERS = 64;

const reading = { folders: [] as (FolderToRead & { root: string })[], next: 0, limit: READ_AHEAD_FOLDERS };

/** Reads and posts folders, in order, up to the limit; each is posted as soon as it is read. */
function readOn(): void {
  const { folders } = reading;
  while (reading.next < folders.length && reading.next < reading.limit) {
    const f = folders[reading.next++]!;
    post({ kind: 'sources', folder: f.folder, reads: readFolder(f.root, f) });
  }
}

parentPort!.on('message', (request: ThreadRequest) => {
  if (request.kind === 'read') {
    // Folders asked for later are read after those asked for before (the main thread numbers them so).
    reading.limit = Math.max(reading.limit, reading.next + READ_AHEAD_FOLDERS);
    for (const f of request.folders) reading.folders.push({ ...f, root: request.root });
    readOn();
    return;
  }
  if (request.kind === 'taken') {
    reading.limit = Math.max(reading.limit, request.index + 1 + READ_AHEAD_FOLDERS);
    readOn();
    return;
  }
  queue = queue.then(async () => (await jobs).handle(request, post, texts));
});
