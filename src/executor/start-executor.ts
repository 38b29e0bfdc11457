import type { Executor } from './executor.js';
import { MIN_FOLDERS_FOR_THREAD } from './executor.js';
import { createInlineExecutor } from './inline-executor.js';
import { startThreadExecutor } from './thread-executor.js';

/**
 * The executor for a run over `folders` issue folders: a worker thread when
 * there are enough of them to pay for one (and the compiled worker exists),
 * else inline. YONGZU_EXECUTOR=inline forces the plain path (to compare).
 */
export function startExecutor(folders: number, env: NodeJS.ProcessEnv = process.env): Executor {
  if (folders < MIN_FOLDERS_FOR_THREAD || env['YONGZU_EXECUTOR'] === 'inline') return createInlineExecutor();
  return startThreadExecutor() ?? createInlineExecutor();
}
