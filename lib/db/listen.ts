import "server-only";
import pg from "pg";
import { databaseUrl } from "@/lib/env";

// PostgreSQL LISTEN on one dedicated connection per app instance (ADR 008). The pool
// cannot be used: a pooled connection is handed to other queries and its LISTEN would
// be lost with it. Subscribers in this process share the one connection; when it
// drops it is re-opened with backoff, and subscribers are told so they can resync
// (NOTIFY is not queued for a listener that was away).

type Handler = (payload: string) => void;

export interface ListenerOptions {
  /** First reconnect delay; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  /** A query on the idle connection this often, so a silently dead socket is noticed. */
  pingMs?: number;
  log?: (message: string) => void;
  /** Shown in pg_stat_activity, so operators (and tests) can find the connection. */
  applicationName?: string;
}

export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly reconnectHandlers = new Set<() => void>();
  private retryMs: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private everConnected = false;

  constructor(
    private readonly url: string,
    private readonly opts: ListenerOptions = {},
  ) {
    this.retryMs = opts.retryMs ?? 500;
  }

  /**
   * Calls `handler` with each payload NOTIFYed on `channel`. Resolves once the LISTEN
   * is in effect, so nothing committed after the promise settles is missed.
   */
  async listen(channel: string, handler: Handler): Promise<() => void> {
    let set = this.handlers.get(channel);
    const fresh = !set;
    if (!set) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    try {
      await this.ensureConnected();
      if (fresh && this.client) await this.client.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (err) {
      set.delete(handler);
      throw err;
    }
    return () => {
      set.delete(handler);
    };
  }

  /** Called after every reconnect: notices sent while the connection was down are lost. */
  onReconnect(fn: () => void): () => void {
    this.reconnectHandlers.add(fn);
    return () => this.reconnectHandlers.delete(fn);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private ensureConnected(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    if (this.closed) throw new Error("listener closed");
    const client = new pg.Client({
      connectionString: this.url,
      keepAlive: true,
      application_name: this.opts.applicationName ?? "galley-live",
    });
    client.on("notification", (msg) => {
      for (const h of this.handlers.get(msg.channel) ?? []) {
        try {
          h(msg.payload ?? "");
        } catch (err) {
          this.opts.log?.(`[live] handler failed: ${(err as Error).message}`);
        }
      }
    });
    client.on("error", (err) => this.lost(client, err));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    this.client = client;
    this.retryMs = this.opts.retryMs ?? 500;
    this.pingTimer = setInterval(() => {
      client.query("SELECT 1").catch((err: Error) => this.lost(client, err));
    }, this.opts.pingMs ?? 30_000);
    this.pingTimer.unref();
    if (this.everConnected) for (const fn of this.reconnectHandlers) fn();
    this.everConnected = true;
  }

  private lost(client: pg.Client, err: Error): void {
    if (this.client !== client) return;
    this.client = null;
    if (this.pingTimer) clearInterval(this.pingTimer);
    client.end().catch(() => {});
    if (this.closed) return;
    this.opts.log?.(`[live] LISTEN connection lost (${err.message}); reconnecting`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.retryTimer || this.closed) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(delay * 2, this.opts.maxRetryMs ?? 10_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ensureConnected().catch(() => this.scheduleReconnect());
    }, delay);
    this.retryTimer.unref();
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const globalForListener = globalThis as unknown as { galleyListener?: PgListener };

/** This instance's one LISTEN connection. */
export function listener(): PgListener {
  globalForListener.galleyListener ??= new PgListener(databaseUrl(), {
    log: (m) => console.warn(m),
  });
  return globalForListener.galleyListener;
}
