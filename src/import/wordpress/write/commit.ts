/**
 * Writes a planned set of files into the project as one atomic step (issue 13, "Nothing
 * half-done"), and keeps a manifest of what the importer wrote so that a later run can
 * update its own files, leave hand-edited ones alone, and remove files it no longer plans.
 *
 * The order is plan, stage, commit: every outcome is decided from the disk and the manifest
 * first (a dry run stops there); then each new content goes into a staging folder; then,
 * without yielding, each replaced or removed file is moved into that folder and each new one
 * renamed into place, manifest last. Any failure rolls back what had moved; a killed run is
 * rolled back by the next one. This module knows nothing of WordPress: files are bytes.
 */
import { join, resolve } from 'node:path';
import { realFs, type CommitFs } from './fs.ts';
import { parseManifest, serializeManifest, sha256 } from './manifest.ts';
import { checkRelativePath, parentsOf } from './paths.ts';
import { describe, Staging, type Journal, type JournalOp } from './staging.ts';

/** What became of one file. */
export type FileOutcomeKind = 'created' | 'updated' | 'unchanged' | 'removed' | 'conflict';

/**
 * Why a file was left alone: edited by hand since the import, someone's own file at a
 * planned path, or edited by hand and no longer planned.
 */
export type ConflictReason = 'edited-since-import' | 'not-from-import' | 'edited-then-removed';

/** One file's outcome; `reason` only on a conflict. */
export interface FileOutcome {
  path: string;
  outcome: FileOutcomeKind;
  reason?: ConflictReason;
}

/** The outcome of every planned or previously imported file, in path order. */
export interface CommitResult {
  outcomes: FileOutcome[];
  /** True when the project changed (false on a dry run and when every file was unchanged). */
  written: boolean;
  /** A SIGINT or SIGTERM that arrived while the renames ran: the commit was finished first. */
  interrupted?: 'SIGINT' | 'SIGTERM';
}

/** What to write, where, and how. */
export interface CommitInput {
  /** The project folder. */
  root: string;
  /** Posix path relative to `root` → content (a string is written as UTF-8). */
  files: ReadonlyMap<string, Uint8Array | string>;
  /** Relative path of the manifest, e.g. `src/content/wordpress-import.json`. */
  manifestPath: string;
  /** Overwrite (or remove) files edited by hand and adopt files that are not the importer's. */
  force: boolean;
  /** Decide every outcome, write nothing. */
  dryRun: boolean;
  /** For tests: the file system to use (one that fails on purpose). */
  fs?: CommitFs;
  /** For tests: called after each file is staged and after each operation's renames. */
  onStep?: (step: 'staged' | 'moved', path: string) => void;
}

interface PlannedOp extends JournalOp {
  bytes?: Uint8Array;
  /** True when a file is at the path now and must be moved aside first. */
  replaces: boolean;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const encoder = new TextEncoder();
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && Buffer.compare(a, b) === 0;
const byPath = (a: { path: string }, b: { path: string }): number =>
  a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/**
 * Commits `files` into `root` whole or not at all; see the module comment. Throws, with the
 * path and the reason, when the plan is impossible (a bad path, a folder where a file should
 * go, an unreadable manifest) or a write fails; the project is then as it was.
 */
export async function commitFiles(input: CommitInput): Promise<CommitResult> {
  const fs = input.fs ?? realFs;
  const root = resolve(input.root);
  if (!input.dryRun) Staging.recoverStale(fs, root);
  const { outcomes, ops, dirs } = plan(input, fs, root);
  if (input.dryRun || ops.length === 0) return { outcomes, written: false };

  let interrupted: CommitResult['interrupted'];
  const onSignal = (signal: 'SIGINT' | 'SIGTERM') => (interrupted ??= signal);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    const staging = Staging.create(fs, root);
    const journal: Journal = { ops: ops.map(({ path, kind }) => ({ path, kind })), dirs };
    let current = 'the staging folder';
    try {
      for (const [i, op] of ops.entries()) {
        if (!op.bytes) continue;
        current = op.path;
        fs.writeFile(staging.newPath(i), op.bytes);
        input.onStep?.('staged', op.path);
        // Let a Ctrl-C in: while only the staging folder has changed, stopping is free.
        if (i % 64 === 63) await new Promise(setImmediate);
        if (interrupted) throw new Error(`interrupted by ${interrupted} before anything was written`);
      }
      if (interrupted) throw new Error(`interrupted by ${interrupted} before anything was written`);
      current = 'the journal';
      staging.writeJournal(journal);
    } catch (error) {
      staging.remove();
      throw new Error(
        `import not written: staging ${current} failed (${describe(error)}); the project is as it was`,
        {
          cause: error,
        },
      );
    }
    moveIntoPlace(fs, root, staging, ops, journal, input.onStep);
    try {
      removeEmptyFolders(fs, root, ops);
      staging.remove();
    } catch {
      // The commit is whole (`done` is written): a staging folder left here is removed by
      // the next run, an empty folder is harmless; neither makes the import a failure.
    }
    // A signal that came during the synchronous renames is delivered now, to our listener.
    await new Promise(setImmediate);
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  }
  return interrupted ? { outcomes, written: true, interrupted } : { outcomes, written: true };
}

/** Decides every outcome and the operations that carry them out; touches nothing. */
function plan(
  input: CommitInput,
  fs: CommitFs,
  root: string,
): { outcomes: FileOutcome[]; ops: PlannedOp[]; dirs: string[] } {
  checkRelativePath(input.manifestPath);
  if (input.files.has(input.manifestPath))
    throw new Error(`refusing to write ${input.manifestPath}: it is the import manifest`);
  const planned = [...input.files.keys()].sort();
  for (const path of planned) checkRelativePath(path);
  for (const path of planned)
    for (const parent of parentsOf(path))
      if (input.files.has(parent))
        throw new Error(`refusing to write ${path}: ${parent} is planned as a file`);

  const manifestAbs = join(root, input.manifestPath);
  const manifestEntry = fs.entry(manifestAbs);
  if (manifestEntry === 'other') throw new Error(`${input.manifestPath} is not a file`);
  const oldManifestBytes = manifestEntry === 'file' ? fs.readFile(manifestAbs) : undefined;
  const oldManifest = oldManifestBytes
    ? parseManifest(new TextDecoder().decode(oldManifestBytes), input.manifestPath)
    : new Map<string, string>();
  const newManifest = new Map<string, string>();
  const outcomes: FileOutcome[] = [];
  const ops: PlannedOp[] = [];

  for (const path of planned) {
    const content = input.files.get(path)!;
    const bytes = typeof content === 'string' ? encoder.encode(content) : content;
    const hash = sha256(bytes);
    const abs = join(root, path);
    const entry = fs.entry(abs);
    if (entry === 'other') throw new Error(`cannot write ${path}: a folder or a link is in the way`);
    if (entry === 'none') {
      outcomes.push({ path, outcome: 'created' });
      ops.push({ path, kind: 'write', bytes, replaces: false });
      newManifest.set(path, hash);
      continue;
    }
    const disk = fs.readFile(abs);
    if (sameBytes(disk, bytes)) {
      // Byte-equal is ours whatever the manifest said: recorded (adopted) and not touched.
      outcomes.push({ path, outcome: 'unchanged' });
      newManifest.set(path, hash);
      continue;
    }
    const recorded = oldManifest.get(path);
    const reason: ConflictReason | undefined =
      recorded === undefined
        ? 'not-from-import'
        : recorded !== sha256(disk)
          ? 'edited-since-import'
          : undefined;
    if (reason && !input.force) {
      outcomes.push({ path, outcome: 'conflict', reason });
      if (recorded !== undefined) newManifest.set(path, recorded);
      continue;
    }
    outcomes.push({ path, outcome: 'updated' });
    ops.push({ path, kind: 'write', bytes, replaces: true });
    newManifest.set(path, hash);
  }

  for (const [path, recorded] of oldManifest) {
    if (input.files.has(path)) continue;
    checkRelativePath(path);
    const abs = join(root, path);
    const entry = fs.entry(abs);
    if (entry === 'none') continue; // already gone: nothing to do, nothing to remember
    if (entry === 'other' || (recorded !== sha256(fs.readFile(abs)) && !input.force)) {
      outcomes.push({ path, outcome: 'conflict', reason: 'edited-then-removed' });
      newManifest.set(path, recorded);
      continue;
    }
    outcomes.push({ path, outcome: 'removed' });
    ops.push({ path, kind: 'remove', replaces: true });
  }

  const manifestBytes = encoder.encode(serializeManifest(newManifest));
  if (!oldManifestBytes || !sameBytes(oldManifestBytes, manifestBytes))
    ops.push({ path: input.manifestPath, kind: 'write', bytes: manifestBytes, replaces: !!oldManifestBytes });

  return { outcomes: outcomes.sort(byPath), ops, dirs: missingFolders(fs, root, ops) };
}

/** The folders the writes need that do not exist yet, outermost first; throws if a file is in the way. */
function missingFolders(fs: CommitFs, root: string, ops: readonly PlannedOp[]): string[] {
  const missing = new Set<string>();
  for (const op of ops) {
    if (op.kind !== 'write') continue;
    for (const parent of parentsOf(op.path)) {
      if (missing.has(parent)) continue;
      const entry = fs.entry(join(root, parent));
      if (entry === 'file') throw new Error(`cannot write ${op.path}: ${parent} is a file, not a folder`);
      if (entry === 'none') missing.add(parent);
    }
  }
  return [...missing].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
}

/**
 * The commit proper, synchronous so that nothing else runs while the project is half
 * changed. On any failure it rolls back and throws; if even the rollback fails, the
 * journal stays for the next run to finish it.
 */
function moveIntoPlace(
  fs: CommitFs,
  root: string,
  staging: Staging,
  ops: readonly PlannedOp[],
  journal: Journal,
  onStep: CommitInput['onStep'],
): void {
  let current = '';
  try {
    for (const dir of journal.dirs) {
      current = dir;
      fs.mkdir(join(root, dir));
    }
    for (const [i, op] of ops.entries()) {
      current = op.path;
      const target = join(root, op.path);
      if (op.replaces) fs.rename(target, staging.backupPath(i));
      if (op.kind === 'write') fs.rename(staging.newPath(i), target);
      onStep?.('moved', op.path);
    }
    staging.markDone();
  } catch (error) {
    try {
      staging.rollback(journal);
      staging.remove();
    } catch (rollbackError) {
      throw new Error(
        `import failed at ${current} (${describe(error)}) and the rollback did not finish: ${describe(rollbackError)}`,
        { cause: error },
      );
    }
    throw new Error(`import not written: ${current} failed (${describe(error)}); the project is as it was`, {
      cause: error,
    });
  }
}

/** Removes the folders that removals left empty, up to (never including) the root. */
function removeEmptyFolders(fs: CommitFs, root: string, ops: readonly PlannedOp[]): void {
  const candidates = new Set<string>();
  for (const op of ops)
    if (op.kind === 'remove') for (const parent of parentsOf(op.path)) candidates.add(parent);
  const deepestFirst = [...candidates].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const dir of deepestFirst) {
    const abs = join(root, dir);
    if (fs.entry(abs) === 'other' && fs.readdir(abs).length === 0) fs.rmdir(abs);
  }
}
