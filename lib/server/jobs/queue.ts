// The job queue: graphile-worker 0.17 on the app's PostgreSQL (ADR 013). Jobs are added with
// graphile_worker.add_job() inside the transactions that cause them (lib/server/events.ts);
// every app instance runs a worker (lib/server/background.ts), and PostgreSQL's SKIP LOCKED
// hands each job to one of them. New jobs arrive by LISTEN/NOTIFY, scheduled retries by polling.
import "server-only";
import pg from "pg";
import { run, type Runner, type TaskList } from "graphile-worker";
import { quietLogger } from "@/lib/db/migrate";
import { databaseUrl } from "@/lib/env";
import { notifyChat, type ChatPayload } from "./chat-notify";
import { deliverWebhook, type DeliverPayload } from "./deliver-webhook";
import { sendReaderEmail, type ReaderEmailPayload } from "./reader-email";

const TASKS: TaskList = {
  "webhook.deliver": (payload) => deliverWebhook(payload as DeliverPayload),
  "chat.notify": (payload) => notifyChat(payload as ChatPayload),
  "reader.email": (payload) => sendReaderEmail(payload as ReaderEmailPayload),
};

/** How often scheduled jobs (retries) are looked for; new jobs come at once by NOTIFY. */
export const POLL_INTERVAL_MS = 1000;

const globalForQueue = globalThis as unknown as {
  galleyJobQueue?: { runner: Runner; pool: pg.Pool };
};

export async function startJobQueue(): Promise<void> {
  if (globalForQueue.galleyJobQueue) return;
  // Its own small pool: a burst of jobs must not take the connections requests need.
  const pool = new pg.Pool({ connectionString: databaseUrl(), max: 4 });
  const logError = (err: Error) =>
    console.error("[galley] job queue connection error:", err.message);
  pool.on("error", logError);
  pool.on("connect", (client) => client.on("error", logError));
  const runner = await run({
    pgPool: pool,
    taskList: TASKS,
    concurrency: 2,
    pollInterval: POLL_INTERVAL_MS,
    noHandleSignals: true,
    logger: quietLogger,
  });
  // A runner that stops on its own (e.g. the database went away for good) must not take the
  // instance down with an unhandled rejection; it is logged, and requests go on being served.
  runner.promise.catch((err: Error) => console.error("[galley] job queue stopped:", err.message));
  globalForQueue.galleyJobQueue = { runner, pool };
}

export async function stopJobQueue(): Promise<void> {
  const queue = globalForQueue.galleyJobQueue;
  if (!queue) return;
  globalForQueue.galleyJobQueue = undefined;
  await queue.runner.stop();
  await queue.pool.end();
}
