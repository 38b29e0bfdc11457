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

parentPort!.on('message', (request: ThreadRequest) => {
  if (request.kind === 'read') {
    // All at once, each folder posted as soon as it is read: the main thread parses while this reads on.
    for (const f of request.folders) post({ kind: 'sources', folder: f.folder, reads: readFolder(request.root, f) });
    return;
  }
  queue = queue.then(async () => (await jobs).handle(request, post, texts));
});
