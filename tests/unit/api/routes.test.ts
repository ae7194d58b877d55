import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RouteContract } from "@/lib/api/contract";
import { openApiDocument } from "@/lib/api/openapi";
import { METHODS, apiPath, routeFiles } from "./route-files";
import { ROUTE_CONTRACTS } from "@/lib/api/routes";

// Each route file under app/api/v1 exports its methods as `apiRoute(contract, …)`; the contract
// names the method and path it is for. Read from the source (route modules need a server to
// import): every export must use a contract for its own method and path, and every contract
// must be used by exactly one export.

/** Local name → { area module, exported name } for imports from @/lib/api/routes/<area>. */
function contractImports(source: string): Map<string, { area: string; name: string }> {
  const out = new Map<string, { area: string; name: string }>();
  for (const m of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@\/lib\/api\/routes\/(\w+)"/g)) {
    for (const spec of m[1]!
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [name, local] = spec.split(/\s+as\s+/);
      out.set((local ?? name)!, { area: m[2]!, name: name! });
    }
  }
  return out;
}

interface Export {
  file: string;
  method: string;
  path: string;
  contract: string | undefined;
}

function exportsOf(file: string): Export[] {
  const source = readFileSync(file, "utf8");
  const imports = contractImports(source);
  const rel = path.relative(process.cwd(), file);
  const exported = METHODS.filter((m) =>
    new RegExp(`export\\s+(?:const|async\\s+function|function)\\s+${m}\\b`).test(source),
  );
  return exported.map((method) => {
    const local = new RegExp(`export\\s+const\\s+${method}\\s*=\\s*apiRoute\\(\\s*(\\w+)`).exec(
      source,
    )?.[1];
    const imported = local ? imports.get(local) : undefined;
    return {
      file: rel,
      method,
      path: apiPath(file),
      contract: imported && `${imported.area}.${imported.name}`,
    };
  });
}

const areaModules = import.meta.glob<Record<string, unknown>>("../../../lib/api/routes/*.ts", {
  eager: true,
});
function contractByRef(ref: string): RouteContract | undefined {
  const [area, name] = ref.split(".");
  return areaModules[`../../../lib/api/routes/${area}.ts`]?.[name!] as RouteContract | undefined;
}

describe("route contracts", () => {
  const exports = routeFiles().flatMap(exportsOf);

  it("finds the route files it checks", () => {
    expect(exports.length).toBeGreaterThan(30);
    expect(Object.keys(ROUTE_CONTRACTS).length).toBeGreaterThan(30);
  });

  it("every exported method is apiRoute(contract) with a contract from lib/api/routes", () => {
    const without = exports.filter((e) => !e.contract).map((e) => `${e.method} ${e.file}`);
    expect(without).toEqual([]);
  });

  it("each export's contract declares that method and that path, and is indexed", () => {
    const wrong = exports.flatMap((e) => {
      const contract = contractByRef(e.contract!);
      const name = e.contract!.split(".")[1]!;
      const problems: string[] = [];
      if (!contract) problems.push(`${e.contract} is not exported`);
      else if (contract.method !== e.method || contract.path !== e.path)
        problems.push(`${e.contract} is ${contract.method} ${contract.path}`);
      else if (ROUTE_CONTRACTS[name] !== contract) problems.push(`${name} is not in the index`);
      return problems.map((p) => `${e.method} ${e.path} (${e.file}): ${p}`);
    });
    expect(wrong).toEqual([]);
  });

  it("every contract is used by exactly one route export (nothing documented that does not exist)", () => {
    const used = exports.map((e) => e.contract!.split(".")[1]);
    const counts = Object.keys(ROUTE_CONTRACTS).map((name) => [
      name,
      used.filter((u) => u === name).length,
    ]);
    expect(counts.filter(([, n]) => n !== 1)).toEqual([]);
  });

  it("documents a schema for every JSON answer", () => {
    const missing = Object.entries(openApiDocument().paths ?? {}).flatMap(([p, item]) =>
      Object.entries(item ?? {}).flatMap(([method, op]) =>
        Object.entries((op as { responses?: object }).responses ?? {})
          .filter(([, r]) => {
            const json = (r as { content?: Record<string, { schema?: object }> }).content?.[
              "application/json"
            ];
            return json && (!json.schema || Object.keys(json.schema).length === 0);
          })
          .map(([status]) => `${method.toUpperCase()} ${p} ${status}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it("takes each body limit from the contract, not a second literal", () => {
    const bulk = openApiDocument().paths?.["/api/v1/articles/bulk"]?.post;
    expect(bulk?.responses?.["413"]?.description).toBe(
      `Body over ${ROUTE_CONTRACTS.bulkIngest!.maxBodyBytes} bytes`,
    );
    expect(ROUTE_CONTRACTS.bulkIngest!.maxBodyBytes).toBe(50 * 1024 * 1024);
  });
});
