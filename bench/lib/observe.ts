import { readFileSync, readdirSync } from "node:fs";
import pg from "pg";

// What the server and PostgreSQL were doing during a load run, to explain a throughput number.

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Samples pg_stat_activity for the database every `everyMs`: how often its backends were in
 * each state / wait event (e.g. "active / Lock:advisory" = waiting for an advisory lock).
 */
export function sampleWaits(url: string, everyMs = 100) {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // the database may be dropped while we disconnect
  const counts = new Map<string, number>();
  let samples = 0;
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  const ready = client.connect().then(() => {
    timer = setInterval(async () => {
      if (busy) return;
      busy = true;
      try {
        const res = await client.query<{ w: string }>(
          `SELECT state || ' / ' || coalesce(wait_event_type || ':' || wait_event, 'on CPU') AS w
           FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
             AND state IS NOT NULL`,
        );
        samples++;
        for (const { w } of res.rows) counts.set(w, (counts.get(w) ?? 0) + 1);
      } finally {
        busy = false;
      }
    }, everyMs);
  });
  return {
    ready,
    /** Average number of backends in each state per sample, busiest first. */
    async stop(): Promise<{ state: string; backends: number }[]> {
      clearInterval(timer);
      await client.end().catch(() => {});
      return [...counts]
        .map(([state, n]) => ({ state, backends: n / Math.max(1, samples) }))
        .sort((a, b) => b.backends - a.backends);
    },
  };
}

/** CPU seconds used so far by every process named `name` (e.g. all PostgreSQL backends). */
export function cpuSecondsOf(name: string): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (!stat.includes(`(${name})`)) continue;
      const fields = stat.split(") ")[1]!.split(" ");
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Busy CPU seconds of the whole machine so far (all cores), from /proc/stat. */
export function machineBusySeconds(): number {
  const cpu = readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1).map(Number);
  const idle = cpu[3]! + cpu[4]!;
  return (cpu.reduce((a, b) => a + b, 0) - idle) / 100;
}
