import type { DiagnosticTables } from '../diagnostics/pack-diagnostics.js';
import type { County } from '../model/config.js';
import type { SourceRead } from '../load/read-source.js';
import type { SentDoc } from '../search/index-in-steps.js';
import type { FolderToRead, SectionHtml } from './executor.js';

/** The messages between the thread executor (main thread) and its worker (thread-main.ts). */

/** A body as sent: where it starts in its file's text when the worker read that file, else the body itself. */
export type SentBody = { file: string; bodyLine: number } & ({ body: string } | { bodyStart: number });

export type ThreadRequest =
  | { kind: 'read'; root: string; folders: FolderToRead[] }
  /** The main thread took the files of the folder at this place in the read order: read on beyond it. */
  | { kind: 'taken'; index: number }
  | { kind: 'copy'; id: number; bodies: SentBody[] }
  | { kind: 'sections'; sections: SectionHtml[] }
  | { kind: 'index'; docs: SentDoc[]; counties: County[] }
  | { kind: 'write'; dir: string };

export type ThreadReply =
  | { kind: 'sources'; folder: string; reads: [string, SourceRead][] }
  | { kind: 'copy'; id: number; rows: Int32Array; tables: DiagnosticTables }
  | { kind: 'written'; count: number }
  | { kind: 'write-failed'; code: string | undefined; message: string };
