import { readFileSync, readdirSync } from "node:fs";

// Memory of a server process tree from /proc (Linux): the resident set size of the process and
// every descendant, so a worker process would be counted too.

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process ended
  }
}

function descendants(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    try {
      const children = readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim();
      for (const c of children ? children.split(/\s+/) : []) {
        out.push(Number(c), ...descendants(Number(c)));
      }
    } catch {
      // the thread ended
    }
  }
  return out;
}

export function treeRss(pid: number): number {
  return [pid, ...descendants(pid)].reduce((sum, p) => sum + statusField(p, "VmRSS"), 0);
}

/** Peak RSS the kernel recorded for the process itself since it started (VmHWM). */
export function highWaterMark(pid: number): number {
  return statusField(pid, "VmHWM");
}

/** Samples the tree's RSS every `everyMs` until stopped; returns the largest sample. */
export function sampleRss(pid: number, everyMs = 100): { stop: () => number } {
  let peak = treeRss(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, treeRss(pid));
    },
  };
}

export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
