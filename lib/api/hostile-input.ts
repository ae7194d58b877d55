// Checks every request gets before any handler: PostgreSQL text cannot hold
// U+0000 and a path that is not valid percent-encoded UTF-8 cannot be a route
// parameter, so both are a 400 naming the problem here rather than a driver or
// framework error (a 500) deep inside.

/** Why a raw URL path cannot be routed, or null when it is fine. */
export function badPathReason(rawPath: string): string | null {
  for (const segment of rawPath.split("/")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return "The URL path is not valid percent-encoded UTF-8";
    }
    if (decoded.includes("\u0000")) return "The URL path must not contain NUL characters";
  }
  return null;
}

/** The dotted path of the first string or key holding NUL in a parsed JSON value, or null. */
export function findNul(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path || "(root)" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (hit) return hit;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const here = path ? `${path}.${k}` : k;
      if (k.includes("\u0000")) return here;
      const hit = findNul(v, here);
      if (hit) return hit;
    }
  }
  return null;
}
