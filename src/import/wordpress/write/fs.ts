/**
 * The file operations the writer uses, behind one small interface so that a test can make
 * any one of them fail (disk full, EACCES) in the middle of a commit. Synchronous on
 * purpose: the renames that put a commit in place run without yielding, so no signal
 * handler or other code can observe the project half-committed.
 */
import * as nodeFs from 'node:fs';

/** What the writer sees at a path: nothing, a regular file, or something else (a folder, a link). */
export type Entry = 'none' | 'file' | 'other';

/** The operations the writer needs; paths are absolute. */
export interface CommitFs {
  entry(path: string): Entry;
  readFile(path: string): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  rename(from: string, to: string): void;
  unlink(path: string): void;
  /** Creates one folder; its parent exists. */
  mkdir(path: string): void;
  /** Removes one empty folder. */
  rmdir(path: string): void;
  readdir(path: string): string[];
  /** Removes a folder and all it holds; nothing if it is absent. */
  removeTree(path: string): void;
}

/** The real file system. */
export const realFs: CommitFs = {
  entry(path) {
    try {
      // lstat, so that a symlink is "other" and never followed out of the project.
      return nodeFs.lstatSync(path).isFile() ? 'file' : 'other';
    } catch (error) {
      // ENOTDIR: a file where a folder should be; nothing is at the path itself.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return 'none';
      throw error;
    }
  },
  readFile: (path) => nodeFs.readFileSync(path),
  writeFile: (path, data) => nodeFs.writeFileSync(path, data),
  rename: (from, to) => nodeFs.renameSync(from, to),
  unlink: (path) => nodeFs.unlinkSync(path),
  mkdir: (path) => nodeFs.mkdirSync(path),
  rmdir: (path) => nodeFs.rmdirSync(path),
  readdir: (path) => nodeFs.readdirSync(path),
  removeTree: (path) => nodeFs.rmSync(path, { recursive: true, force: true }),
};
