// Every /api/v1 operation, by name. The OpenAPI document is generated from this list, and
// tests/unit/api/routes.test.ts checks that each route file exports exactly these operations.

import * as articles from "./articles";
import * as audit from "./audit";
import * as feedback from "./feedback";
import * as history from "./history";
import * as interchange from "./interchange";
import * as meta from "./meta";
import * as quality from "./quality";
import type { RouteContract } from "../contract";

const isContract = (v: unknown): v is RouteContract =>
  typeof v === "object" && v !== null && "method" in v && "path" in v && "responses" in v;

/** Name (the OpenAPI operationId) → contract, collected from the area modules. */
export const ROUTE_CONTRACTS: Readonly<Record<string, RouteContract>> = Object.fromEntries(
  [meta, articles, interchange, history, quality, feedback, audit].flatMap((area) =>
    Object.entries(area).filter((entry): entry is [string, RouteContract] => isContract(entry[1])),
  ),
);
