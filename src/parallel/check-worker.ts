import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/defaults.js';
import { checkFolders } from './check-folders.js';

/** A worker thread of checkInParallel: checks its share of the folders and posts the plain result. */
const { root, folders, config, render } = workerData as { root: string; folders: string[]; config: Config; render: boolean };
parentPort!.postMessage(await checkFolders(root, folders, config, render));
