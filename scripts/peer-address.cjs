// Preloaded into the Next.js server (`node --require`, see scripts/start.ts):
// stamps every request with the TCP peer's address in `x-galley-peer`,
// overwriting whatever a client sent under that name. Next.js gives route
// handlers no access to the socket, and `next start` keeps a client-sent
// X-Forwarded-For as is, so without this the app could not tell a client's
// claimed address from its real one (lib/api/client-ip.ts).
"use strict";
// A `node --require` preload must be CommonJS.
/* eslint-disable @typescript-eslint/no-require-imports */
const http = require("node:http");
const https = require("node:https");

function wrap(listener) {
  if (typeof listener !== "function") return listener;
  return function stampPeer(req, res) {
    req.headers["x-galley-peer"] = req.socket?.remoteAddress ?? "";
    return listener.call(this, req, res);
  };
}

for (const mod of [http, https]) {
  const original = mod.createServer;
  mod.createServer = function createServer(...args) {
    const i = args.findIndex((a) => typeof a === "function");
    if (i >= 0) args[i] = wrap(args[i]);
    const server = original.apply(this, args);
    // Listeners added later (server.on("request", fn)) are stamped too.
    const on = server.on;
    server.on = server.addListener = function (event, fn) {
      return on.call(this, event, event === "request" ? wrap(fn) : fn);
    };
    return server;
  };
}
