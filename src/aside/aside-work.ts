import { workerData } from 'node:worker_threads';
import { bodyCopyDiagnostics, type BodyText } from '../check/copy-diagnostics.js';
import { createDiagnosticPacker } from '../diagnostics/pack-diagnostics.js';
import { createSearchTexts } from '../search/search-texts.js';
import { writeFilesInto, type OutputFile } from '../write/write-output.js';
import type { AsideReply, AsideRequest, SectionHtml, SentBody } from './aside-thread.js';

/**
 * The aside thread's work besides reading (aside-worker.ts): per folder, the
 * copy rules' warnings on its bodies, packed (see pack-diagnostics.ts), and
 * its sections' search text; at the end of a build, the search index,
 * written where it is told.
 */
const search = createSearchTexts();
const { gate } = workerData as { gate: SharedArrayBuffer };
let files: OutputFile[] = [];

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
  request: Exclude<AsideRequest, { kind: 'read' }>,
  post: (reply: AsideReply, transfer?: ArrayBuffer[]) => void,
  texts: Map<string, string>,
): void {
  if (request.kind === 'folder') {
    if (request.bodies) {
      const packer = createDiagnosticPacker();
      const rows = Int32Array.from(packer.pack(request.bodies.flatMap((b) => bodyCopyDiagnostics(bodyOf(b, texts)))));
      post({ kind: 'copy', id: request.id, rows, tables: packer.tables() }, [rows.buffer as ArrayBuffer]);
    }
    if (request.sections.length > 0) sections.push(request.sections);
    if (!draining && sections.length > 0) {
      draining = true;
      setImmediate(drainOne);
    }
  } else if (request.kind === 'index') {
    for (const list of sections.splice(0)) for (const s of list) search.add(s.file, s.html);
    files = search.index(request.docs);
  } else {
    try {
      post({ kind: 'written', count: writeFilesInto(request.dir, files, gate) });
    } catch (e) {
      const { code, message } = e as NodeJS.ErrnoException;
      post({ kind: 'write-failed', code, message });
    }
  }
}
