/**
 * Progress for a long import: on a terminal, one bar redrawn in place with "\r" (at most
 * every 100 ms, and once more at the end); in CI or a log file, plain lines at 0%, 25%,
 * 50%, 75% and 100% only, so a log holds five lines rather than thousands. No dependency.
 */

/** Where progress goes: a terminal stream, or anything with `write`. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

/** A running progress display. */
export interface Progress {
  /** Counts `n` more items done (default 1). */
  tick(n?: number): void;
  /** Draws the final state and ends the line; later calls do nothing. */
  done(): void;
}

/** For tests: the clock and the environment (for `CI`). */
export interface ProgressOptions {
  now?: () => number;
  env?: Readonly<Record<string, string | undefined>>;
}

const REDRAW_MS = 100;
const STEPS = [0, 25, 50, 75, 100];

/** Starts a progress display for `total` items named by `label`. */
export function createProgress(
  stream: ProgressStream,
  total: number,
  label: string,
  { now = Date.now, env = process.env }: ProgressOptions = {},
): Progress {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  const tty = stream.isTTY === true && !ci;
  let count = 0;
  let finished = false;
  let lastDraw = -Infinity;
  let lastStep = -1;
  const percent = () => (total <= 0 ? 100 : Math.floor((Math.min(count, total) * 100) / total));

  const draw = () => {
    lastDraw = now();
    const counts = ` ${Math.min(count, total)}/${total} ${String(percent()).padStart(3)}%`;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    const barWidth = Math.max(10, width - label.length - counts.length - 3);
    const filled = Math.round((barWidth * percent()) / 100);
    const line = `${label} [${'#'.repeat(filled)}${'-'.repeat(barWidth - filled)}]${counts}`;
    stream.write(`\r${line.slice(0, width)}`);
  };
  const line = () => {
    const step = STEPS.filter((s) => s <= percent()).at(-1) ?? 0;
    if (step <= lastStep) return;
    lastStep = step;
    stream.write(`${label}: ${step}% (${Math.min(count, total)}/${total})\n`);
  };

  if (tty) draw();
  else line();
  return {
    tick(n = 1) {
      if (finished) return;
      count += n;
      if (!tty) line();
      else if (now() - lastDraw >= REDRAW_MS) draw();
    },
    done() {
      if (finished) return;
      finished = true;
      count = Math.max(count, total);
      if (tty) {
        draw();
        stream.write('\n');
      } else line();
    },
  };
}
