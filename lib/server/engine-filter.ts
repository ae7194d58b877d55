import "server-only";
import { Prisma } from "@/lib/db";
import { parseEngineKey } from "@/lib/domain/engine";

/** SQL conditions on the engine joined as `e` for an engine filter key ("name" or "name@version"). */
export function engineConditions(key: string): Prisma.Sql[] {
  const { name, version } = parseEngineKey(key);
  const where = [Prisma.sql`e."name" = ${name}`];
  if (version !== undefined) where.push(Prisma.sql`e."version" = ${version}`);
  return where;
}
