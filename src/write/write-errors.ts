/** What an editor can do about a failed write, by error code. */
const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EROFS: '磁盘是只读的',
  ENOTDIR: '路径中有一段不是文件夹',
  EEXIST: '路径中有一段不是文件夹',
  EIO: '磁盘读写出错',
  EMFILE: '同时打开的文件太多',
  ENAMETOOLONG: '路径太长',
};

/**
 * A file system error, described for an editor: the reason in Chinese and
 * the system's code (`磁盘空间不足，ENOSPC`); undefined for an error that is
 * not the file system's (a bug, to be shown as one).
 */
export function describeWriteError(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return undefined;
  return `${WRITE_ERRORS[code] ?? '文件系统报错'}，${code}`;
}
