import { parentPort, workerData } from 'node:worker_threads';
import type { SearchRecord } from '../site/search-records.js';
import { createSearchIndex } from './create-search-index.js';

/** The thread of createSearchIndexAside: builds the index from the records it was given and posts its files. */
parentPort!.postMessage(createSearchIndex((workerData as { records: SearchRecord[] }).records));
