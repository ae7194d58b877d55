import { defineConfig } from "prisma/config";

// Prisma's CLI downloads a native schema engine before every command, which this
// offline machine cannot do. `generate` does not need it, so point the CLI at a stub
// that fails loudly; machines that have the real engine keep theirs (??=).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "./scripts/no-schema-engine";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/galley" },
});
