/**
 * `npm run import:wordpress -- <export.xml> [--uploads <folder>]
 *   [--reviewed-by <people entry> --reviewed-on <YYYY-MM-DD>] [--dry-run] [--strict] [--force]
 *   [--tags-as-topics] [--report <file>]`
 *
 * Flags and terminal only: src/import/wordpress/import.ts does the work. Prints a progress
 * bar (plain lines in CI), the summary, what needs review, and writes the JSON report
 * (reports/wordpress-import.json unless --report says otherwise). Exit codes: README,
 * "Moving from WordPress".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ImportNotStarted, runImport } from '../src/import/wordpress/import.ts';
import { createProgress } from '../src/import/wordpress/report/progress.ts';
import {
  EXIT_CODE_MEANINGS,
  EXIT_CODES,
  exitCode,
  jsonReport,
  renderReviewList,
  renderSummary,
} from '../src/import/wordpress/report/summary.ts';
import { accountedFor, summarize } from '../src/import/wordpress/summarize.ts';

const USAGE = `Usage: npm run import:wordpress -- <export.xml> [options]

  --uploads <folder>        a local copy of the old site's wp-content/uploads
  --reviewed-by <id>        a people entry allowed to review (with --reviewed-on): attests
                            that every post of this export was clinically reviewed
  --reviewed-on <date>      the day of that review, YYYY-MM-DD
  --dry-run                 say what would change, write nothing
  --strict                  exit 3 when anything needs review
  --force                   overwrite files edited by hand since the last import
  --tags-as-topics          tags become topics too, not only categories
  --report <file>           the JSON report (default reports/wordpress-import.json)

Exit codes:
${Object.entries(EXIT_CODE_MEANINGS)
  .map(([code, meaning]) => `  ${code}  ${meaning}`)
  .join('\n')}
`;

const root = join(import.meta.dirname, '..');

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        uploads: { type: 'string' },
        'reviewed-by': { type: 'string' },
        'reviewed-on': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'tags-as-topics': { type: 'boolean', default: false },
        report: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return EXIT_CODES.notStarted;
  }
  const { values, positionals } = args;
  if (values.help) {
    process.stdout.write(USAGE);
    return EXIT_CODES.done;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`Give exactly one export file.\n\n${USAGE}`);
    return EXIT_CODES.notStarted;
  }
  const exportFile = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0]!);
  const uploads = values.uploads && resolve(process.env.INIT_CWD ?? process.cwd(), values.uploads);
  let bar: ReturnType<typeof createProgress> | undefined;

  try {
    const outcome = await runImport({
      exportFile,
      root: process.env.IMPORT_ROOT ?? root,
      ...(uploads ? { uploads } : {}),
      ...(values['reviewed-by'] !== undefined ? { reviewedBy: values['reviewed-by'] } : {}),
      ...(values['reviewed-on'] !== undefined ? { reviewedOn: values['reviewed-on'] } : {}),
      dryRun: values['dry-run'],
      force: values.force,
      tagsAsTopics: values['tags-as-topics'],
      now: new Date(),
      progress: (done, total) => {
        bar ??= createProgress(process.stderr, total, 'Converting posts');
        bar.tick();
        if (done === total) bar.done();
      },
    });
    const told = summarize(outcome.plan, outcome.commit);
    if (!accountedFor(outcome.plan)) throw new Error('Some items of the export were not accounted for.');
    const code = exitCode({ started: true, strict: values.strict, summary: told.summary });
    const counts = new Map<string, number>();
    for (const s of told.skipped) counts.set(s.reason ?? s.type, (counts.get(s.reason ?? s.type) ?? 0) + 1);
    const articles = outcome.plan.entries.filter((e) => e.kind === 'article').length;
    const out = process.stdout;
    out.write(`\n${values['dry-run'] ? 'Dry run: nothing was written.\n' : ''}`);
    out.write(
      `${outcome.plan.itemCount} items in the export: ${articles} posts planned as articles, ` +
        `${[...counts].map(([reason, n]) => `${n} ${reason}`).join(', ')} not imported.\n\n`,
    );
    out.write(renderSummary(told.summary));
    const reviewList = renderReviewList(told.review);
    if (reviewList.trim()) out.write(`\n${reviewList}`);
    const reportFile = resolve(
      process.env.INIT_CWD ?? process.cwd(),
      values.report ?? join(root, 'reports/wordpress-import.json'),
    );
    mkdirSync(dirname(reportFile), { recursive: true });
    writeFileSync(
      reportFile,
      jsonReport({
        summary: told.summary,
        review: told.review,
        skipped: told.skipped,
        files: outcome.commit.outcomes,
        exitCode: code,
        dryRun: values['dry-run'],
      }),
    );
    const ms = (n: number) => `${Math.round(n)} ms`;
    out.write(
      `\nReport: ${reportFile}\nTime: read ${ms(outcome.timings.read)}, plan ${ms(outcome.timings.plan)}, ` +
        `write ${ms(outcome.timings.write)}.\n`,
    );
    if (outcome.commit.interrupted) return 130;
    return code;
  } catch (error) {
    if (error instanceof ImportNotStarted) {
      process.stderr.write(`\nNot imported: ${error.message}\nNothing was written.\n`);
      return EXIT_CODES.notStarted;
    }
    process.stderr.write(`\nThe import stopped: ${(error as Error).message}\nThe project is as it was.\n`);
    return EXIT_CODES.failed;
  }
}

process.exitCode = await main();
