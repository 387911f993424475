/**
 * `npm run import:wordpress`, less the terminal: read the export and the project, plan,
 * then write the plan in one step (write/commit.ts) or, on --dry-run, only say what would
 * change. scripts/import-wordpress.ts parses the flags and prints; this returns data.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LegacyRedirect } from '../../lib/seo/redirects.ts';
import type { ReviewPolicy } from '../../site.config.ts';
import { MANIFEST_FILE, planImport, ImportRefused, type ImportPlan } from './plan-import.ts';
import { readProject } from './project/read-project.ts';
import { commitFiles, type CommitResult } from './write/commit.ts';
import { parseManifest } from './write/manifest.ts';
import { readWxr, WxrError } from './wxr.ts';

export interface ImportOptions {
  /** The export file (Tools → Export → All content). */
  exportFile: string;
  /** The project to write into; the current one by default. */
  root: string;
  /** A local copy of wp-content/uploads. */
  uploads?: string;
  reviewedBy?: string;
  reviewedOn?: string;
  dryRun: boolean;
  force: boolean;
  tagsAsTopics: boolean;
  now: Date;
  /** Called as posts are converted: (done, total). */
  progress?: (done: number, total: number) => void;
}

export interface ImportOutcome {
  plan: ImportPlan;
  commit: CommitResult;
  /** Milliseconds spent reading, planning and writing. */
  timings: { read: number; plan: number; write: number };
}

/** Thrown before anything is written: bad flags, an unreadable or malformed export. */
export class ImportNotStarted extends Error {}

export async function runImport(options: ImportOptions): Promise<ImportOutcome> {
  const root = resolve(options.root);
  const started = performance.now();
  if (!existsSync(options.exportFile)) throw new ImportNotStarted(`${options.exportFile}: no such file.`);
  if (options.uploads && !(existsSync(options.uploads) && statSync(options.uploads).isDirectory())) {
    throw new ImportNotStarted(
      `--uploads ${options.uploads}: not a folder (give the copy of wp-content/uploads).`,
    );
  }
  let exp;
  try {
    exp = readWxr(readFileSync(options.exportFile, 'utf8'), options.exportFile);
  } catch (error) {
    if (error instanceof WxrError) throw new ImportNotStarted(error.message);
    throw error;
  }
  const read = performance.now() - started;

  // The project's own settings and hand-written redirects, as the build will read them.
  const { site } = (await import(pathToFileURL(join(root, 'src/site.config.ts')).href)) as {
    site: { name: string; review: ReviewPolicy };
  };
  const { handWrittenUrls } = (await import(pathToFileURL(join(root, 'src/legacy-urls.ts')).href)) as {
    handWrittenUrls: LegacyRedirect[];
  };
  const owned = readManifestPaths(root);
  const project = readProject(root, owned, [...handWrittenUrls]);

  let plan: ImportPlan;
  try {
    const posts = exp.items.filter((i) => i.type === 'post').length;
    plan = await planImport(
      exp,
      project,
      {
        siteName: site.name,
        reviewPolicy: site.review,
        now: options.now,
        uploadsDir: options.uploads ? resolve(options.uploads) : null,
        ...(options.reviewedBy !== undefined ? { reviewedBy: options.reviewedBy } : {}),
        ...(options.reviewedOn !== undefined ? { reviewedOn: options.reviewedOn } : {}),
        tagsAsTopics: options.tagsAsTopics,
      },
      (done) => options.progress?.(done, posts),
    );
  } catch (error) {
    if (error instanceof ImportRefused) throw new ImportNotStarted(error.message);
    throw error;
  }
  const planned = performance.now() - started - read;

  const commit = await commitFiles({
    root,
    files: plan.files,
    manifestPath: MANIFEST_FILE,
    force: options.force,
    dryRun: options.dryRun,
  });
  const write = performance.now() - started - read - planned;
  return { plan, commit, timings: { read, plan: planned, write } };
}

/** Paths the last import wrote, so the project's own files are told apart from them. */
function readManifestPaths(root: string): Set<string> {
  const file = join(root, MANIFEST_FILE);
  if (!existsSync(file)) return new Set();
  try {
    return new Set(parseManifest(readFileSync(file, 'utf8'), MANIFEST_FILE).keys());
  } catch (error) {
    throw new ImportNotStarted((error as Error).message);
  }
}
