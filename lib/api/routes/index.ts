// Every /api/v1 operation, by name. The OpenAPI document is generated from this list, and
// tests/unit/api/routes.test.ts checks that each route file exports exactly these operations.

import * as articles from "./articles";
import * as audit from "./audit";
import * as desk from "./desk";
import * as embed from "./embed";
import * as feedback from "./feedback";
import * as history from "./history";
import * as intel from "./intel";
import * as interchange from "./interchange";
import * as live from "./live";
import * as log from "./log";
import * as meta from "./meta";
import * as outlets from "./outlets";
import * as quality from "./quality";
import * as webhooks from "./webhooks";
import type { RouteContract } from "../contract";

const isContract = (v: unknown): v is RouteContract =>
  typeof v === "object" && v !== null && "method" in v && "path" in v && "responses" in v;

/** Name (the OpenAPI operationId) → contract, collected from the area modules. */
export const ROUTE_CONTRACTS: Readonly<Record<string, RouteContract>> = {};
for (const area of [
  meta,
  articles,
  interchange,
  history,
  quality,
  intel,
  feedback,
  audit,
  desk,
  live,
  webhooks,
  outlets,
  embed,
  log,
]) {
  for (const [name, value] of Object.entries(area)) {
    if (!isContract(value)) continue;
    // Names are operationIds and must be unique; a clash would hide one operation.
    if (name in ROUTE_CONTRACTS) throw new Error(`Two route contracts are named ${name}`);
    (ROUTE_CONTRACTS as Record<string, RouteContract>)[name] = value;
  }
}
