// `npm run migration:new -- <name>`: an empty migration folder named like the others
// (UTC timestamp + name). Migrations are written as SQL by hand (ADR 002: Prisma's schema
// engine is a downloaded binary this project cannot use); lib/db/migrate.ts applies them.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z][a-z0-9_]{0,60}$/.test(name)) {
  console.error("usage: npm run migration:new -- <name>   (lowercase letters, digits, _)");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
if (existsSync(dir)) {
  console.error(`${dir} exists already`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
writeFileSync(
  path.join(dir, "migration.sql"),
  `-- ${name}\n-- Change prisma/schema.prisma to match, then: npm run generate\n`,
);
console.log(`${dir}/migration.sql`);
