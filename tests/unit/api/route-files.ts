import { readdirSync, statSync } from "node:fs";
import path from "node:path";

// The route files under app/api/v1 and the OpenAPI path each one serves.

export const API_DIR = path.resolve(import.meta.dirname, "../../../app/api/v1");
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/articles/[id]/route.ts → /api/v1/articles/{id} */
export function apiPath(file: string): string {
  const rel = path.relative(API_DIR, path.dirname(file)).split(path.sep).filter(Boolean);
  const segments = rel.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"));
  return ["/api/v1", ...segments].join("/");
}
