/**
 * Source files larger than this are refused, from their size on disk, before
 * a byte is read: a real write-up is a few kilobytes (a whole issue rarely
 * 50 KB), and every bound on the work a submission can cause (time, memory,
 * docs/maintainers/safety.md) holds up to here. `import` refuses to write a
 * submission past it too.
 */
export const MAX_FILE_BYTES = 1024 * 1024;
