// Outlets as configuration (issue 17): the one module that reads and writes the Outlet table.
// Other features (embed CORS, disclosure, webhooks, chat) read outlets through outletByName.
// Every write is one transaction with its audit event.
import "server-only";
import type { UserActor } from "@/lib/auth/policy";
import { Prisma, db, transaction, type Db, type Tx } from "@/lib/db";
import { badRequest, conflict, notFound } from "@/lib/errors";
import type { OutletCreate, OutletPatch } from "@/lib/validation/outlets";
import { appendAudit } from "./audit";
import { assertOutboundUrl, OutboundRefused } from "./outbound/safe-request";

export type OutletRow = NonNullable<Awaited<ReturnType<Db["outlet"]["findUnique"]>>>;

/** The outlet whose `name` is an article's `outlet`, or null when it is not configured. */
export async function outletByName(
  name: string,
  client: Db | Tx = db(),
): Promise<OutletRow | null> {
  if (!name) return null;
  return client.outlet.findUnique({ where: { name } });
}

export interface OutletView {
  id: string;
  name: string;
  allowedOrigins: string[];
  canonicalUrlPattern: string | null;
  timeZone: string | null;
  disclosures: Record<string, Record<string, string>>;
  chatWebhookUrl: string | null;
  chatEvents: string[];
  notifyReaderOnDecline: boolean;
  createdAt: string;
  updatedAt: string;
}

export function outletView(row: OutletRow): OutletView {
  return {
    id: row.id,
    name: row.name,
    allowedOrigins: row.allowedOrigins,
    canonicalUrlPattern: row.canonicalUrlPattern,
    timeZone: row.timeZone,
    disclosures: (row.disclosures ?? {}) as OutletView["disclosures"],
    chatWebhookUrl: row.chatWebhookUrl,
    chatEvents: row.chatEvents,
    notifyReaderOnDecline: row.notifyReaderOnDecline,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listOutlets(): Promise<OutletView[]> {
  const rows = await db().outlet.findMany({ orderBy: [{ name: "asc" }], take: 1_000 });
  return rows.map(outletView);
}

export async function getOutlet(id: string): Promise<OutletView> {
  const row = await db().outlet.findUnique({ where: { id } });
  if (!row) throw notFound("Outlet");
  return outletView(row);
}

/** Every configured canonical URL pattern, for resolving an embed's `data-url`. */
export async function outletUrlPatterns(client: Db | Tx = db()) {
  return client.outlet.findMany({
    where: { canonicalUrlPattern: { not: null } },
    select: { name: true, canonicalUrlPattern: true },
    orderBy: { name: "asc" },
  });
}

/**
 * What the audit log keeps of a change: a chat incoming-webhook URL is a credential (anyone
 * holding it can post to the channel) and the log is kept forever, so only its host is kept.
 */
function forAudit(fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields };
  if (typeof out.chatWebhookUrl === "string") {
    out.chatWebhookUrl = `${new URL(out.chatWebhookUrl).origin}/…`;
  }
  return out;
}

const isUniqueViolation = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

/**
 * A chat URL Galley could never call (scheme, credentials, a private IP literal) is refused when
 * the outlet is saved, as a webhook URL is. Host names are not resolved here: the send resolves
 * and checks every address again (names can change), as for webhooks (ADR 013).
 */
function checkChatUrl(url: string | null | undefined): void {
  if (!url) return;
  try {
    assertOutboundUrl(url);
  } catch (err) {
    if (err instanceof OutboundRefused) {
      throw badRequest(err.message, { issues: [{ path: "chatWebhookUrl", message: err.message }] });
    }
    throw err;
  }
}

export async function createOutlet(
  input: OutletCreate,
  actor: UserActor,
  requestId?: string,
): Promise<OutletView> {
  checkChatUrl(input.chatWebhookUrl);
  try {
    return await transaction(async (tx) => {
      const row = await tx.outlet.create({ data: input });
      await appendAudit(tx, {
        actor,
        action: "outlet.create",
        entityType: "outlet",
        entityId: row.id,
        data: forAudit(input),
        requestId,
      });
      return outletView(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`An outlet named "${input.name}" already exists`);
    throw err;
  }
}

export async function updateOutlet(
  id: string,
  patch: OutletPatch,
  actor: UserActor,
  requestId?: string,
): Promise<OutletView> {
  checkChatUrl(patch.chatWebhookUrl);
  return transaction(async (tx) => {
    const before = await tx.outlet.findUnique({ where: { id } });
    if (!before) throw notFound("Outlet");
    const row = await tx.outlet.update({
      where: { id },
      data: { ...patch, updatedAt: new Date() },
    });
    const from = Object.fromEntries(
      Object.keys(patch).map((k) => [k, before[k as keyof OutletPatch]]),
    );
    await appendAudit(tx, {
      actor,
      action: "outlet.update",
      entityType: "outlet",
      entityId: id,
      data: { name: before.name, from: forAudit(from), to: forAudit(patch) },
      requestId,
    });
    return outletView(row);
  });
}

/** True when one of the outlets lists `origin` among those whose pages may embed Galley. */
export async function outletAllowsOrigin(outletNames: string[], origin: string): Promise<boolean> {
  if (outletNames.length === 0) return false;
  const row = await db().outlet.findFirst({
    where: { name: { in: outletNames }, allowedOrigins: { has: origin } },
    select: { id: true },
  });
  return row !== null;
}
