// What every app instance runs beside serving requests (called from instrumentation.ts).
// Each entry starts its own loop and returns; one that fails to start is logged and the
// instance still serves (the others' work does not depend on it).
import "server-only";
import { env } from "@/lib/env";

type Starter = { name: string; start: () => Promise<void> };

const STARTERS: Starter[] = [
  // Webhook deliveries, chat notifications and reader emails (ADR 013).
  {
    name: "job queue",
    start: async () => (await import("./jobs/queue")).startJobQueue(),
  },
  {
    name: "audit sealer",
    start: async () => (await import("./audit-sealer")).startAuditSealer(),
  },
];

let started = false;

export async function startBackgroundWork(): Promise<void> {
  // GALLEY_BACKGROUND=0 turns it off, e.g. for an instance that only serves reads.
  if (started || !env().GALLEY_BACKGROUND) return;
  started = true;
  for (const s of STARTERS) {
    try {
      await s.start();
    } catch (err) {
      console.error(`[galley] background ${s.name} did not start:`, err);
    }
  }
}
