import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { dropTestDatabase, dropTestDatabasesStartingWith } from "../support/test-db";
import { seedTemplate } from "./env";

declare module "vitest" {
  export interface ProvidedContext {
    seededTemplate: { name: string; token: string };
  }
}

// Reliability tests run the production build as separate processes, each file on its own
// copy of one migrated, seeded database (env.ts seededDatabase). Everything is dropped after.
export default async function setup(project: TestProject) {
  const dist = process.env.GALLEY_DIST_DIR ?? ".next";
  if (!existsSync(`${dist}/BUILD_ID`)) {
    throw new Error(
      `No production build in ${dist}/. Run \`npm run build\` first (npm test does).`,
    );
  }
  const template = await seedTemplate("galley_rel");
  project.provide("seededTemplate", { name: template.name, token: template.token });
  return async () => {
    await dropTestDatabasesStartingWith(`${template.name}_`);
    await dropTestDatabase(template.name);
  };
}
