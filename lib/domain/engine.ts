// An MT engine is named by "name@version" in filters and URLs ("name" alone: every
// version) and shown as "name version". One definition of both, for every list and export.

export interface EngineRef {
  name: string;
  version?: string | null;
}

/** The filter key: "Nova MT@3.2", or "Nova MT" when there is no version. */
export function engineKey(e: EngineRef): string {
  return e.version ? `${e.name}@${e.version}` : e.name;
}

/** Reads a key back; everything after the first "@" is the version. */
export function parseEngineKey(key: string): { name: string; version?: string } {
  const at = key.indexOf("@");
  return at < 0 ? { name: key } : { name: key.slice(0, at), version: key.slice(at + 1) };
}

/** For people: "Nova MT 3.2". */
export function engineLabel(e: EngineRef): string {
  return e.version ? `${e.name} ${e.version}` : e.name;
}
