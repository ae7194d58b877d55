import { inject } from "vitest";

// Runs in each test worker before the test file imports lib/ modules.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789";
process.env.GALLEY_DATABASE_MODE = "postgres";
