/** Human explanations of file system errors, for the messages of the data directory's errors (file.ts, recovery.ts). */
/** A short, human explanation of a file system error. */
export function describeFsError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const hint: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EACCES: 'permission denied (check the owner and mode of the data directory)',
    EPERM: 'operation not permitted (check the owner and mode of the data directory)',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is a file, not a directory',
    EISDIR: 'a directory is in the way',
    EIO: 'an I/O error occurred',
  };
  const explanation = code !== undefined ? hint[code] : undefined;
  return explanation === undefined ? String(message ?? error) : `${explanation} (${message})`;
}
