import { parentPort } from 'node:worker_threads';
import { bodyCopyDiagnostics } from '../check/copy-diagnostics.js';
import { createDiagnosticPacker } from '../diagnostics/pack-diagnostics.js';
import { createSearchTexts } from '../search/search-texts.js';
import type { AsideReply, AsideRequest } from './aside-thread.js';

/**
 * The thread of aside-thread.ts. Per folder: the copy rules' warnings on its
 * bodies, packed (see pack-diagnostics.ts), and its sections' search text;
 * at the end of a build, the search index.
 */
const search = createSearchTexts();
const post = (reply: AsideReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);

parentPort!.on('message', (request: AsideRequest) => {
  if (request.kind === 'folder') {
    if (request.bodies) {
      const packer = createDiagnosticPacker();
      const rows = Int32Array.from(packer.pack(request.bodies.flatMap(bodyCopyDiagnostics)));
      post({ kind: 'copy', id: request.id, rows, tables: packer.tables() }, [rows.buffer as ArrayBuffer]);
    }
    for (const s of request.sections) search.add(s.file, s.html);
  } else {
    post({ kind: 'index', files: search.index(request.docs) });
  }
});
