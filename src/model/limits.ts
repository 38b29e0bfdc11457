/** Submissions larger than this are refused: a real write-up is a few kilobytes. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
