import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

// The embedded database: PGlite (PostgreSQL compiled to WASM) behind its wire-protocol
// socket server, so the app talks to it through the same `pg` driver and Prisma adapter
// as a real server. See docs/decisions/001-embedded-database.md.
export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : 0));
    });
  });
}

/** dataDir "memory://" keeps everything in memory (tests). */
export async function startEmbeddedPostgres(
  dataDir: string,
  port?: number,
): Promise<EmbeddedPostgres> {
  let location = dataDir;
  if (!dataDir.startsWith("memory://")) {
    location = path.resolve(dataDir);
    await mkdir(location, { recursive: true });
  }
  const pglite = await PGlite.create(location);
  const listenPort = port ?? (await freePort());
  const server = new PGLiteSocketServer({
    db: pglite,
    host: "127.0.0.1",
    port: listenPort,
    maxConnections: 100,
  });
  await server.start();
  return {
    url: `postgresql://postgres@127.0.0.1:${listenPort}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}
