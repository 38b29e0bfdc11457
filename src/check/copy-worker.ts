import { parentPort } from 'node:worker_threads';
import { createDiagnosticPacker } from '../diagnostics/pack-diagnostics.js';
import { bodyCopyDiagnostics, type BodyText } from './copy-diagnostics.js';

/** The thread of copy-aside.ts: the copy rules' warnings on each folder's bodies it is sent, packed (see pack-diagnostics.ts). */
parentPort!.on('message', ({ id, bodies }: { id: number; bodies: BodyText[] }) => {
  const packer = createDiagnosticPacker();
  const rows = Int32Array.from(packer.pack(bodies.flatMap(bodyCopyDiagnostics)));
  parentPort!.postMessage({ id, rows, tables: packer.tables() }, [rows.buffer]);
});
