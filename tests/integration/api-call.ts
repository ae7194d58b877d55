import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { NextRequest } from "next/server";
import { expect } from "vitest";
import type { RouteContract } from "@/lib/api/contract";
import { openApiDocument } from "@/lib/api/openapi";

// Calls an App Router route handler directly, authenticated with a Bearer token
// (the token path needs no Next.js request scope, unlike cookie sessions).
// Every answer of an /api/v1 route is checked against the served OpenAPI document: its status
// must be documented for that operation, and a JSON body must match the documented schema (error
// bodies included). So any integration test that calls a route fails when the code and the
// document disagree.
type Handler<P> = ((req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>) & {
  contract: RouteContract;
};

export async function callRoute<P>(
  handler: Handler<P>,
  opts: {
    url: string;
    params: P;
    token?: string;
    method?: string;
    body?: unknown;
    /** A body that is not JSON (NDJSON, XLIFF), sent as is with its Content-Type. */
    raw?: { contentType: string; text: string };
    /** Extra request headers (Origin, for CORS). */
    headers?: Record<string, string>;
  },
): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (opts.raw) headers["content-type"] = opts.raw.contentType;
  const req = new NextRequest(new URL(opts.url, "http://localhost:3000"), {
    method: opts.method ?? "GET",
    headers,
    body: opts.raw?.text ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const res = await handler(req, { params: Promise.resolve(opts.params) });
  await expectDocumented(handler.contract, req.method, res.clone());
  return res;
}

const DOC_ID = "galley-openapi";
let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

/** The document as one schema resource, so `#/components/schemas/…` refs resolve inside it. */
function validatorAt(pointer: string[]): ValidateFunction {
  const key = pointer.join("/");
  let validate = validators.get(key);
  if (!validate) {
    if (!ajv) {
      // strict off: the document holds OpenAPI keywords (paths, x-permission, …) besides schemas.
      ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
      addFormats(ajv);
      ajv.addSchema(openApiDocument(), DOC_ID);
    }
    const fragment = pointer
      .map((p) => encodeURIComponent(p.replace(/~/g, "~0").replace(/\//g, "~1")))
      .join("/");
    validate = ajv.compile({ $ref: `${DOC_ID}#/${fragment}` });
    validators.set(key, validate);
  }
  return validate;
}

async function expectDocumented(contract: RouteContract, method: string, res: Response) {
  const where = `${method} ${contract.path} answered ${res.status}`;
  expect(method, `${contract.path} is declared for ${contract.method}`).toBe(contract.method);
  const op = openApiDocument().paths?.[contract.path]?.[method.toLowerCase() as "get"];
  const documented = op?.responses?.[String(res.status)];
  expect(documented, `${where}, a status its OpenAPI entry does not list`).toBeDefined();
  const content = documented && "content" in documented ? (documented.content ?? {}) : {};
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
  expect(Object.keys(content), `${where} with Content-Type ${type}`).toContain(type);
  if (type !== "application/json") return;
  const validate = validatorAt([
    "paths",
    contract.path,
    method.toLowerCase(),
    "responses",
    String(res.status),
    "content",
    "application/json",
    "schema",
  ]);
  const body: unknown = await res.json();
  validate(body);
  expect(validate.errors ?? [], `${where} with a body that does not match its schema`).toEqual([]);
}
