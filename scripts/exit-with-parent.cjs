// Preloaded into the `next start` child of `npm start` (node --require): when the
// parent dies, even by SIGKILL, the IPC channel closes and this child exits too,
// instead of lingering on the port and blocking the next start.
if (typeof process.send === "function") {
  process.on("disconnect", () => process.exit(0));
}
