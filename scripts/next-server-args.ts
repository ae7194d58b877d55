// The one place that says how Galley's Next.js server is started, for `npm start`
// (scripts/start.ts) and for the test suites that start it as a separate process
// (tests/support/app-server.ts), so both serve with the same settings.

/**
 * How long an idle keep-alive connection stays open, in milliseconds.
 *
 * Node's default is 5 s. A client or proxy that pools connections and reuses one just
 * as the server closes it gets ECONNRESET for a request the server never read: nginx
 * and load balancers keep idle upstream connections for 60 s, and Playwright's request
 * client ignores the server's `Keep-Alive: timeout` hint (microsoft/playwright#42698).
 * The server must therefore be the one that waits longer; 65 s is above the 60 s those
 * proxies use. tests/reliability/keep-alive.test.ts holds this.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Preloaded into the server (`node --require`): peer-address.cjs stamps each request with its
 * socket address (lib/api/client-ip.ts); drain-on-close.cjs lets a stop close idle keep-alive
 * connections instead of waiting up to KEEP_ALIVE_TIMEOUT_MS for them.
 */
export const SERVER_PRELOADS = ["peer-address.cjs", "drain-on-close.cjs"].map(
  (file) => new URL(`./${file}`, import.meta.url).pathname,
);

const NEXT_BIN = new URL("../node_modules/next/dist/bin/next", import.meta.url).pathname;

/** Arguments after `node` that serve the app: the production build, or `next dev`. */
export function nextServerArgs(opts: {
  port: number | string;
  dev?: boolean;
  /** e.g. "127.0.0.1" to listen on loopback only (Next's default is every interface). */
  hostname?: string;
}): string[] {
  const args = [NEXT_BIN, opts.dev ? "dev" : "start", "-p", String(opts.port)];
  if (opts.hostname) args.push("-H", opts.hostname);
  // `next dev` has no such option; a development server sits behind no proxy.
  if (!opts.dev) args.push("--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS));
  return args;
}
