import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { METHODS, apiPath, routeFiles } from "./route-files";

/** HTTP methods a route module exports, read from its source (no import: routes need a server). */
function exportedMethods(source: string): string[] {
  return METHODS.filter((m) =>
    new RegExp(
      `export\\s+(?:const|async\\s+function|function)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`,
    ).test(source),
  );
}

describe("OpenAPI document", () => {
  const doc = openApiDocument();
  const routes = routeFiles().map((file) => ({
    file: path.relative(process.cwd(), file),
    path: apiPath(file),
    methods: exportedMethods(readFileSync(file, "utf8")),
  }));

  it("finds the route files it checks", () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.find((r) => r.path === "/api/v1/articles/{id}/export")?.methods).toEqual(["GET"]);
    // A route whose methods this reader cannot see would otherwise pass unchecked.
    expect(routes.filter((r) => r.methods.length === 0).map((r) => r.file)).toEqual([]);
  });

  it("documents every exported method of every route under app/api/v1", () => {
    const missing = routes.flatMap((r) =>
      r.methods
        .filter((m) => !doc.paths?.[r.path]?.[m.toLowerCase() as "get"])
        .map((m) => `${m} ${r.path} (${r.file})`),
    );
    expect(missing, "declare these with defineRoute in lib/api/routes").toEqual([]);
  });

  it("documents nothing that does not exist", () => {
    const real = new Set(routes.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)));
    const documented = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
      Object.keys(item ?? {})
        .filter((k) => (METHODS as readonly string[]).includes(k.toUpperCase()))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(documented.filter((d) => !real.has(d))).toEqual([]);
  });

  it("builds request schemas from the validating zod schemas", () => {
    const bulk = doc.paths?.["/api/v1/articles/bulk"]?.post;
    expect(
      Object.keys(
        bulk?.requestBody && "content" in bulk.requestBody ? bulk.requestBody.content : {},
      ),
    ).toContain("application/x-ndjson");
    const ingest = doc.paths?.["/api/v1/articles"]?.post;
    const schema = JSON.stringify(ingest?.requestBody);
    expect(schema).toContain("sourceLang");
    expect(schema).toContain("engine");
    const exportOp = doc.paths?.["/api/v1/articles/{id}/export"]?.get;
    expect(JSON.stringify(exportOp?.parameters)).toContain("xliff12");
    expect(doc.paths?.["/api/v1/openapi.json"]?.get?.security).toEqual([]);
  });
});
