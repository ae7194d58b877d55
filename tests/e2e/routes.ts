import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// The route list, read from app/ on disk: the authorization matrix and the fuzz
// test both start from it, so a new route is covered by both without a list to edit.

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name === "route.ts" || name === "page.tsx") out.push(p);
  }
  return out;
}

export interface DiscoveredRoutes {
  /** "METHOD /path/[param]" for every exported handler. */
  api: string[];
  /** "/path/[param]" for every page. */
  pages: string[];
  /** Source file of each API route ("METHOD /path") and page ("/path"). */
  files: Record<string, string>;
}

export function discover(): DiscoveredRoutes {
  const api: string[] = [];
  const pages: string[] = [];
  const files: Record<string, string> = {};
  for (const file of walk("app")) {
    const route =
      "/" +
      path
        .dirname(path.relative("app", file))
        .split(path.sep)
        .filter((s) => s !== "." && !/^\(.*\)$/.test(s))
        .join("/");
    const clean = route === "/." ? "/" : route.replace(/\/$/, "") || "/";
    if (file.endsWith("page.tsx")) {
      pages.push(clean);
      files[clean] = file;
      continue;
    }
    const src = readFileSync(file, "utf8");
    const methods = new Set(
      [
        ...src.matchAll(
          /export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b|as\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
        ),
      ].map((m) => m[1] ?? m[2]),
    );
    for (const m of methods) {
      api.push(`${m} ${clean}`);
      files[`${m} ${clean}`] = file;
    }
  }
  return { api: api.sort(), pages: pages.sort(), files };
}
