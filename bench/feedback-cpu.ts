// CPU per request (ms, from /proc) of the feedback intake vs the baseline route: the server's,
// PostgreSQL's (all its processes) and the whole machine's (load generator included), in
// alternating 4-second blocks of load on one server, so the shared machine's noise hits both
// alike; the first round is warm-up. Prints only (not recorded in docs/benchmarks.md).
// npx tsx --conditions=react-server bench/feedback-cpu.ts   (ROUNDS=4, CONN=8, ONLY=feedback)
import { loadFeedback, prepareFeedbackBench } from "./lib/feedback-setup";
import { useInProcess, withBenchDatabase } from "./lib/database";
import { cpuSeconds, cpuSecondsOf, machineBusySeconds } from "./lib/observe";
import { ensureBenchBuild, withBenchServer } from "./lib/server";
await ensureBenchBuild();
await withBenchDatabase("cpureq", async (database) => {
  await useInProcess(database.url);
  const { articleId, body } = await prepareFeedbackBench(database.url, "x");
  await withBenchServer(
    database.url,
    3303,
    {
      GALLEY_BENCH_ROUTES: "1",
      GALLEY_FEEDBACK_LIMIT_PER_READER: "1000",
      GALLEY_FEEDBACK_LIMIT_PER_ARTICLE: "100000000",
      GALLEY_TRUSTED_PROXIES: "loopback",
      GALLEY_PUBLIC_SHOWS_UNREVIEWED: "1",
    },
    async (app) => {
      const pid = app.child.pid!;
      const urls = {
        feedback: `${app.url}/api/v1/articles/${articleId}/feedback`,
        baseline: `${app.url}/api/bench/baseline`,
      };
      const zero = () => ({ cpu: 0, pg: 0, machine: 0, n: 0, rps: [] as number[] });
      const acc = { feedback: zero(), baseline: zero() };
      for (let round = 0; round < Number(process.env.ROUNDS ?? 4); round++) {
        for (const k of (process.env.ONLY ? [process.env.ONLY] : ["baseline", "feedback"]) as (
          "baseline" | "feedback"
        )[]) {
          const before = { server: cpuSeconds(pid), pg: cpuSecondsOf("postgres") };
          const machineBefore = machineBusySeconds();
          const r = await loadFeedback({
            url: urls[k],
            body,
            seconds: 4,
            connections: Number(process.env.CONN ?? 8),
          });
          if (round === 0) continue; // warm-up
          acc[k].cpu += cpuSeconds(pid) - before.server;
          acc[k].pg += cpuSecondsOf("postgres") - before.pg;
          acc[k].machine += machineBusySeconds() - machineBefore;
          acc[k].n += r.requests.total;
          acc[k].rps.push(r.requests.average);
        }
      }
      for (const [k, v] of Object.entries(acc))
        console.log(
          k,
          "cpu ms/req",
          ((v.cpu * 1000) / v.n).toFixed(2),
          "postgres ms/req",
          ((v.pg * 1000) / v.n).toFixed(2),
          "machine ms/req",
          ((v.machine * 1000) / v.n).toFixed(2),
          "rps",
          v.rps.map((x) => x.toFixed(0)).join(" "),
        );
    },
  );
});
process.exit(0);
