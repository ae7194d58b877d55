import { inject } from "vitest";
import { cloneTestDatabase, databaseUrlFor } from "../support/test-db";
import { TEST_LOG_PRIVATE_KEY } from "../support/log-key";

// Runs in each test worker before the test file imports lib/ modules. Files in one
// worker run one after another and share that worker's database, as all files did
// when the suite was serial; files in different workers never see each other's rows.
const template = inject("templateDatabase");
const name = `${template}_w${process.env.VITEST_POOL_ID ?? "0"}`;
// The first file in this worker copies the template; later files find the copy there.
await cloneTestDatabase(template, name).catch((err: { code?: string }) => {
  if (err.code !== "42P04") throw err; // duplicate_database: made by an earlier file
});
process.env.DATABASE_URL = databaseUrlFor(name);
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789";
process.env.GALLEY_DATABASE_MODE = "postgres";
process.env.GALLEY_LOG_PRIVATE_KEY ??= TEST_LOG_PRIVATE_KEY;
