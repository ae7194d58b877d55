// Preloaded into the Next.js server (`node --require`, see scripts/next-server-args.ts):
// when the server closes (SIGTERM/SIGINT: Next calls server.close() and waits for it), every
// keep-alive connection between requests is closed at once, and one still answering a request
// is closed as soon as that answer is sent.
//
// Why by hand: Galley keeps idle connections open for 65 s (KEEP_ALIVE_TIMEOUT_MS), and
// server.close() waits for every connection. In `next start`, a connection whose client had
// not read its last answer stayed open until that timeout, so a stop took 63 s
// (tests/reliability/keep-alive.test.ts); a bare Node server closed the same connection at
// once, and we did not find which part of Next keeps it. Libraries that drain (e.g.
// http-terminator) must own the server and be called instead of close(); Next owns this
// server and calls close() itself.
//
// Plain HTTP only: `next start` serves HTTP, and TLS ends at the load balancer (README). An
// HTTPS server's requests arrive on TLS sockets, not the TCP sockets "connection" reports.
"use strict";
// A `node --require` preload must be CommonJS.
/* eslint-disable @typescript-eslint/no-require-imports */
const http = require("node:http");

function drainOnClose(server) {
  /** Open connections, each with how many of its requests are still being answered. */
  const busy = new Map();
  let closing = false;
  server.prependListener("connection", (socket) => {
    busy.set(socket, 0);
    socket.once("close", () => busy.delete(socket));
  });
  server.prependListener("request", (req, res) => {
    const socket = req.socket;
    if (!busy.has(socket)) return; // closed already: nothing left to drain
    busy.set(socket, busy.get(socket) + 1);
    res.once("close", () => {
      // A connection that dropped mid-answer may close before its answer does: keep it gone.
      if (!busy.has(socket)) return;
      const left = busy.get(socket) - 1;
      busy.set(socket, left);
      // The answer is flushed to the kernel by now; destroying the socket still delivers it.
      if (closing && left === 0) socket.destroy();
    });
  });
  const close = server.close;
  server.close = function closeAndDrain(...args) {
    closing = true;
    for (const [socket, requests] of busy) if (requests === 0) socket.destroy();
    return close.apply(this, args);
  };
}

const createServer = http.createServer;
http.createServer = function createDrainingServer(...args) {
  const server = createServer.apply(this, args);
  drainOnClose(server);
  return server;
};
