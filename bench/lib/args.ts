// Command-line flags every benchmark understands.
export const QUICK = process.argv.includes("--quick");
/** Quick runs only print their report; `--record` appends it to docs/benchmarks.md anyway. */
export const RECORD = !QUICK || process.argv.includes("--record");

/** Picks the full-size or the smoke-run value. */
export const size = <T>(full: T, quick: T): T => (QUICK ? quick : full);
