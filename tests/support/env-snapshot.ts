// Integration test files share their worker's process (vitest isolate: false): a file that
// changes environment variables puts back exactly those it changed when it ends.
export function snapshotEnv(keys: string[]): () => void {
  const before = new Map(keys.map((k) => [k, process.env[k]]));
  return () => {
    for (const [k, v] of before) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}
