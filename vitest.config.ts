import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          // The timeout catches hangs, not slowness: the tokenizer's 500-case property test
          // takes ~1.5 s alone and took 5.6-8.9 s on this shared 2-core machine under load.
          testTimeout: 30_000,
          // Files share a worker's loaded modules instead of importing everything afresh:
          // the tests are pure and keep no state between files.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-env.ts"],
          // Hang catchers, not speed checks (speed lives in bench/): on a slow day, beside the
          // browser suite, rescoring a worker's whole database took over 60 s and the
          // 1,000-revision setup over 120 s.
          testTimeout: 180_000,
          hookTimeout: 360_000,
          // Each worker has its own database (setup-env.ts); two workers fill two cores.
          maxWorkers: 2,
          // Files in one worker share its loaded modules (the Prisma client, zod schemas, the
          // policy) instead of evaluating them again for every file: the suite's CPU time
          // halved (101 s → 49 s). They already shared the worker's database; a file that
          // changes process.env restores it in afterEach, and no file mocks modules.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/reliability/global-setup.ts"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One file at a time: these tests put the app under load on purpose (30 concurrent
          // writes, a 10,000-line import, SIGKILL mid-import); beside each other on a busy 2-core
          // machine they failed for want of CPU, not of correctness. npm test runs this suite
          // beside the browser suite (one stream each); their waits are sized for that.
          fileParallelism: false,
        },
      },
    ],
  },
});
