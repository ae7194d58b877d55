// Stands in for the `server-only` package under vitest. The real package throws unless it is
// resolved with the react-server condition that Next.js uses for server code; tests run
// lib/server and lib/db directly in Node, where they are server code too.
export {};
