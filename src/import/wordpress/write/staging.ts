/**
 * The staging folder a commit works in, inside the project root so that every rename into
 * place stays on one file system and is atomic. It holds:
 *
 * - `new/<i>`: the content of operation i, written before anything in the project moves;
 * - `backup/<i>`: the file operation i replaces or removes, moved aside (not copied);
 * - `journal.json`: the operations, written once everything is staged and before the first
 *   rename; its presence means "the project may be half-committed";
 * - `done`: written after the last rename; its presence means "the commit is whole".
 *
 * From those alone a rollback knows what each operation had done, so the same code undoes a
 * failed commit in-process and a killed one at the next run.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CommitFs } from './fs.ts';
import { STAGING_PREFIX } from './paths.ts';

/** One step of a commit: write `path` (creating or replacing it) or remove it. */
export interface JournalOp {
  path: string;
  kind: 'write' | 'remove';
}

/** What a rollback needs: the operations in order, and the folders the commit created. */
export interface Journal {
  ops: JournalOp[];
  /** Relative folders that did not exist before, outermost first. */
  dirs: string[];
}

/** A staging folder under `root`, and the operations on it. */
export class Staging {
  private readonly fs: CommitFs;
  private readonly root: string;
  /** Absolute path of the staging folder. */
  readonly dir: string;

  // Plain fields, not parameter properties: the command runs under Node's type stripping.
  private constructor(fs: CommitFs, root: string, dir: string) {
    this.fs = fs;
    this.root = root;
    this.dir = dir;
  }

  /** Makes a fresh, uniquely named staging folder in `root`. */
  static create(fs: CommitFs, root: string): Staging {
    const staging = new Staging(fs, root, join(root, STAGING_PREFIX + randomBytes(6).toString('hex')));
    fs.mkdir(staging.dir);
    fs.mkdir(join(staging.dir, 'new'));
    fs.mkdir(join(staging.dir, 'backup'));
    return staging;
  }

  /** Where operation i's new content is staged. */
  newPath(i: number): string {
    return join(this.dir, 'new', String(i));
  }

  /** Where operation i moves the file it replaces or removes. */
  backupPath(i: number): string {
    return join(this.dir, 'backup', String(i));
  }

  /** Records the plan; written to a temporary name and renamed, so it is whole or absent. */
  writeJournal(journal: Journal): void {
    const temporary = join(this.dir, 'journal.tmp');
    this.fs.writeFile(temporary, new TextEncoder().encode(JSON.stringify(journal)));
    this.fs.rename(temporary, join(this.dir, 'journal.json'));
  }

  /** Marks the commit whole: from here on nothing is rolled back. */
  markDone(): void {
    this.fs.writeFile(join(this.dir, 'done'), new Uint8Array());
  }

  /**
   * Puts the project back as it was before the journal's operations, whichever of them had
   * run: a replaced or removed file comes back from its backup, a created file goes, and
   * the folders the commit made go if they are empty. Throws, after trying every
   * operation, if any could not be undone.
   */
  rollback(journal: Journal): void {
    const failures: string[] = [];
    for (let i = journal.ops.length - 1; i >= 0; i--) {
      const op = journal.ops[i]!;
      const target = join(this.root, op.path);
      try {
        const hasBackup = this.fs.entry(this.backupPath(i)) === 'file';
        // A write's staged content is gone from new/ exactly when it was renamed into place.
        const installed = op.kind === 'write' && this.fs.entry(this.newPath(i)) === 'none';
        if (hasBackup) this.fs.rename(this.backupPath(i), target);
        else if (installed && this.fs.entry(target) === 'file') this.fs.unlink(target);
      } catch (error) {
        failures.push(`${op.path} (${describe(error)})`);
      }
    }
    for (const dir of [...journal.dirs].reverse()) {
      try {
        this.fs.rmdir(join(this.root, dir));
      } catch {
        // Not empty (someone else's file) or already gone: either way it is not ours to remove.
      }
    }
    if (failures.length > 0)
      throw new Error(
        `could not undo ${failures.join(', ')}; the backups are kept in ${this.dir} and the next run retries`,
      );
  }

  /** Deletes the staging folder and what it holds. */
  remove(): void {
    this.fs.removeTree(this.dir);
  }

  /**
   * Finds staging folders left by a killed run, rolls back any whose commit was under way
   * (journal but no `done`), and removes them. Returns their names.
   */
  static recoverStale(fs: CommitFs, root: string): string[] {
    const stale = fs.readdir(root).filter((name) => name.startsWith(STAGING_PREFIX));
    for (const name of stale) {
      const staging = new Staging(fs, root, join(root, name));
      const journalPath = join(staging.dir, 'journal.json');
      if (fs.entry(journalPath) === 'file' && fs.entry(join(staging.dir, 'done')) === 'none') {
        const journal = JSON.parse(new TextDecoder().decode(fs.readFile(journalPath))) as Journal;
        staging.rollback(journal);
      }
      staging.remove();
    }
    return stale;
  }
}

/** An fs error as "EACCES: permission denied, …" without a stack. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
