import { readFileSync } from "node:fs";
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
