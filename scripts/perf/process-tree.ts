/**
 * Peak resident memory and CPU time of a process and all its descendants, sampled from
 * /proc (Linux). A build may start workers or child processes; summing the tree counts
 * them all (shared pages are counted once per process, so memory errs on the high side).
 *
 * CPU time matters because this machine is shared: when other work runs, wall-clock time
 * grows with the load, while CPU time stays close to what the build itself needs.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE = 4096;
/** USER_HZ: the unit of the CPU times in /proc/<pid>/stat, 100 on Linux. */
const TICKS_PER_SECOND = 100;

interface Sample {
  rss: number;
  /** utime + stime of the live tree, plus cutime + cstime of its reaped children. */
  cpuTicks: number;
}

/** Fields after the command name, which may hold spaces: index 0 is the state (field 3). */
const statFields = (pid: number | string): string[] => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};

function sampleTree(rootPid: number): Sample {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = Number(statFields(name)[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const sample: Sample = { rss: 0, cpuTicks: 0 };
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      const fields = statFields(pid);
      // utime, stime, cutime, cstime are fields 14-17 of /proc/<pid>/stat.
      sample.cpuTicks += fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0);
      sample.rss += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      // Gone already.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return sample;
}

/** Samples every `intervalMs` until `stop()`: peak memory in bytes, CPU time in seconds. */
export function watchProcessTree(
  pid: number,
  intervalMs = 100,
): { stop(): { peakRss: number; cpuSeconds: number } } {
  let peakRss = 0;
  let cpuTicks = 0;
  const sample = () => {
    const now = sampleTree(pid);
    peakRss = Math.max(peakRss, now.rss);
    // The last sample before exit is the largest; ticks never go down while the root lives.
    cpuTicks = Math.max(cpuTicks, now.cpuTicks);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { peakRss, cpuSeconds: cpuTicks / TICKS_PER_SECOND };
    },
  };
}
