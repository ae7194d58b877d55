// Preloaded into the Next.js server (`node --require`, see scripts/next-server-args.ts):
// when the server closes (SIGTERM/SIGINT: Next calls server.close() and waits for it), every
// keep-alive connection between requests is closed at once, and one still answering a request
// is closed as soon as that answer is sent.
//
// Why by hand: Galley keeps idle connections open for 65 s (KEEP_ALIVE_TIMEOUT_MS), and
// server.close() waits for every connection. Node's own closeIdleConnections() left a
// connection whose client had not read its last answer open until the keep-alive timeout,
// so a stop took 63 s (tests/reliability/keep-alive.test.ts). Libraries that drain (e.g.
// http-terminator) must own the server and be called instead of close(); Next owns this
// server and calls close() itself.
"use strict";
// A `node --require` preload must be CommonJS.
/* eslint-disable @typescript-eslint/no-require-imports */
const http = require("node:http");
const https = require("node:https");

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
    busy.set(socket, (busy.get(socket) ?? 0) + 1);
    res.once("close", () => {
      const left = (busy.get(socket) ?? 1) - 1;
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

for (const mod of [http, https]) {
  const original = mod.createServer;
  mod.createServer = function createServer(...args) {
    const server = original.apply(this, args);
    drainOnClose(server);
    return server;
  };
}
