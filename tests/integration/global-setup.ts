import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";
import { createTestDatabase, dropTestDatabase } from "../support/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

// One fresh PostgreSQL database for the integration run, migrated once, dropped after.
export default async function setup(project: TestProject) {
  const { name, url } = await createTestDatabase("galley_it");
  await migrate(url);
  project.provide("databaseUrl", url);
  return async () => {
    await dropTestDatabase(name);
  };
}
