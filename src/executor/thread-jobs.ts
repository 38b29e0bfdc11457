import { workerData } from 'node:worker_threads';
import { type BodyText, bodyCopyDiagnostics } from '../check/copy-diagnostics.js';
import { createDiagnosticPacker } from '../diagnostics/pack-diagnostics.js';
import type { County } from '../model/config.js';
import { createSearchTexts, type SentDoc } from '../search/index-in-steps.js';
import type { SectionHtml } from './executor.js';
import type { SentBody, ThreadReply, ThreadRequest } from './thread-protocol.js';
import { writeEach } from './write-each.js';
import { throughGate } from './write-gate.js';

/**
 * The worker's work besides reading (thread-main.ts): per folder, the copy
 * rules' warnings on its bodies, packed (see pack-diagnostics.ts), and its
 * sections indexed for search; at the end of a build, the search index's
 * files, each written where it is told as soon as it is made, through the
 * gate (write-gate.ts).
 */
const search = createSearchTexts();
const { gate } = workerData as { gate: SharedArrayBuffer };
let index: { docs: SentDoc[]; counties: County[] } | undefined;

// Sections wait while copy requests are queued: the main thread waits for
// the copy warnings at the end of checking, not for the search text, which
// is needed only when the index is made.
const sections: SectionHtml[][] = [];
let draining = false;
const drainOne = () => {
  const next = sections.shift();
  if (next) for (const s of next) search.add(s.file, s.html);
  if (sections.length > 0) setImmediate(drainOne);
  else draining = false;
};

/** A body as sent, whole again: the end of the text this thread read (taken from `texts`), or as it came. */
function bodyOf(sent: SentBody, texts: Map<string, string>): BodyText {
  if ('body' in sent) return sent;
  const text = texts.get(sent.file);
  texts.delete(sent.file);
  if (text === undefined) throw new Error(`no text kept for ${sent.file}`);
  return { file: sent.file, body: text.slice(sent.bodyStart), bodyLine: sent.bodyLine };
}

export function handle(
  request: Exclude<ThreadRequest, { kind: 'read' | 'taken' }>,
  post: (reply: ThreadReply, transfer?: ArrayBuffer[]) => void,
  texts: Map<string, string>,
): void {
  if (request.kind === 'copy') {
    const packer = createDiagnosticPacker();
    const rows = Int32Array.from(packer.pack(request.bodies.flatMap((b) => bodyCopyDiagnostics(bodyOf(b, texts)))));
    post({ kind: 'copy', id: request.id, rows, tables: packer.tables() }, [rows.buffer as ArrayBuffer]);
  } else if (request.kind === 'sections') {
    sections.push(request.sections);
    if (!draining) {
      draining = true;
      setImmediate(drainOne);
    }
  } else if (request.kind === 'index') {
    for (const list of sections.splice(0)) for (const s of list) search.add(s.file, s.html);
    index = { docs: request.docs, counties: request.counties };
  } else {
    try {
      const { docs, counties } = index ?? { docs: [], counties: [] };
      index = undefined;
      const files = search.files(docs, counties);
      post({ kind: 'written', count: writeEach(request.dir, files, (write) => throughGate(gate, write)) });
    } catch (e) {
      const { code, message } = e as NodeJS.ErrnoException;
      post({ kind: 'write-failed', code, message });
    }
  }
}
