import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";
import {
  createTestDatabase,
  dropTestDatabase,
  dropTestDatabasesStartingWith,
} from "../support/test-db";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

// Test files run in parallel workers, each on its own database (see setup-env.ts).
// Migrating once into a template and letting each worker copy it keeps the start-up
// cost of a worker to a file copy. Everything is dropped after the run.
export default async function setup(project: TestProject) {
  const template = await createTestDatabase("galley_it");
  await migrate(template.url);
  project.provide("templateDatabase", template.name);
  return async () => {
    await dropTestDatabasesStartingWith(`${template.name}_w`);
    await dropTestDatabase(template.name);
  };
}
