import os from "node:os";
import pg from "pg";

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  postgres: string;
  date: string;
  /** 1-minute load average when the benchmark started: other work on the machine skews results. */
  load: number;
}

export async function machineInfo(databaseUrl: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let postgres = "unknown";
  try {
    const res = await client.query<{ server_version: string }>("SHOW server_version");
    postgres = res.rows[0]?.server_version ?? postgres;
  } finally {
    await client.end();
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    date: new Date().toISOString(),
    load: os.loadavg()[0] ?? 0,
  };
}

export function machineLine(m: Machine): string {
  return (
    `${m.date} · ${m.cpu} (${m.cores} cores, ${m.ramGiB} GiB RAM) · Node ${m.node} · ` +
    `PostgreSQL ${m.postgres} · load average at start ${m.load.toFixed(2)}`
  );
}
