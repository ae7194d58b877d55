import proxyaddr from "proxy-addr";
import { z } from "zod";
import { mqmWeightsSchema } from "@/lib/quality/mqm";
import { issuesMessage } from "@/lib/validation/issues";
import { isTimeZone } from "@/lib/format-time";
import { parseRoleMap } from "@/lib/auth/oidc-roles";
import { publicKeyOf } from "@/lib/audit/sth";

// The one place that reads process.env. Everything is validated here so a bad
// value fails at start with a message naming the variable.
const flag = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** A flag that is on unless set to 0/false. */
const flagDefaultOn = z
  .enum(["0", "1", "true", "false", ""])
  .optional()
  .transform((v) => v !== "0" && v !== "false");

/** An env var holding JSON, parsed then validated by `schema`. */
const jsonVar = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be valid JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);

/** Extra literalism rules for the QA checks: [{ "pattern": "regex", "flags"?: "i", "message": "…" }]. */
const literalismPatternsSchema = z
  .array(
    z.object({
      pattern: z
        .string()
        .min(1)
        .max(500)
        .refine((p) => {
          try {
            new RegExp(p, "u");
            return true;
          } catch {
            return false;
          }
        }, "is not a valid regular expression"),
      flags: z
        .string()
        .regex(/^[imsu]*$/, "may only use the flags i, m, s, u")
        .optional(),
      message: z.string().min(1).max(500),
    }),
  )
  .max(100);

const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  /** Set by scripts/start.ts: "embedded" when it runs the embedded PostgreSQL. */
  GALLEY_DATABASE_MODE: z.enum(["embedded", "postgres"]).optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  GALLEY_DATA_DIR: z.string().default(".galley"),
  GALLEY_DEMO: flag,
  GALLEY_FOOTER_PATTERNS: z.string().optional(),
  GALLEY_PUBLIC_SHOWS_UNREVIEWED: flag,
  /** IANA zone for every date shown (workbench users may choose their own on /account). */
  GALLEY_TIME_ZONE: z
    .string()
    .trim()
    .default("UTC")
    .refine(isTimeZone, "must be an IANA time zone name such as UTC or Asia/Seoul"),
  GALLEY_IP_HASH_SALT: z.string().optional(),
  /** Reverse proxies in front of Galley: a hop count or a comma list of addresses/CIDRs (lib/api/client-ip.ts). */
  GALLEY_TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine((v) => {
      const value = v?.trim() ?? "";
      if (value === "" || /^\d+$/.test(value)) return true;
      try {
        proxyaddr.compile(value.split(",").map((s) => s.trim()));
        return true;
      } catch {
        return false;
      }
    }, "must be a hop count (e.g. 1) or a comma-separated list of IP addresses/CIDRs (e.g. 10.0.0.0/8, loopback)"),
  GALLEY_FEEDBACK_LIMIT_PER_READER: z.coerce.number().int().positive().default(10),
  GALLEY_FEEDBACK_LIMIT_PER_ARTICLE: z.coerce.number().int().positive().default(200),
  GALLEY_FEEDBACK_WINDOW_SECONDS: z.coerce.number().int().positive().default(3600),
  GALLEY_LOGIN_LIMIT: z.coerce.number().int().positive().default(10),
  GALLEY_LOGIN_WINDOW_SECONDS: z.coerce.number().int().positive().default(300),
  GALLEY_DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** `1` enables /api/bench/* (the benchmarks' baseline routes); never set it in production. */
  GALLEY_BENCH_ROUTES: flag,
  /** MQM weights as JSON (the full shape of DEFAULT_MQM_WEIGHTS); default: Freitag et al. 2021. */
  GALLEY_MQM_WEIGHTS: jsonVar(mqmWeightsSchema).optional(),
  GALLEY_LITERALISM_PATTERNS: jsonVar(literalismPatternsSchema).optional(),
  /** `1` lets webhooks and chat notifications reach private and loopback addresses (tests). */
  GALLEY_WEBHOOK_ALLOW_PRIVATE: flag,
  /** SMTP server for reader emails, e.g. smtp://user:pass@mail.example:587; unset = none sent. */
  GALLEY_SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL")
    .optional(),
  /** From address of reader emails. */
  GALLEY_SMTP_FROM: z.string().trim().min(3).default("Galley <galley@localhost>"),
  /** Multiplies the job queue's retry delays; tests shrink the 27-hour schedule with e.g. 0.001. */
  GALLEY_JOB_RETRY_SCALE: z.coerce.number().positive().max(1).default(1),
  /** `0`: this instance runs no background work (job queue, audit sealer). */
  GALLEY_BACKGROUND: flagDefaultOn,
  /**
   * The audit log's Ed25519 private key (PKCS#8 PEM; `\n` escapes allowed for one-line env
   * files). Embedded mode keeps one in the data folder; without it an external database's log
   * is not sealed (ADR 015).
   */
  GALLEY_LOG_PRIVATE_KEY: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.replace(/\\n/g, "\n").trim() + "\n" : undefined))
    .refine((v) => {
      if (v === undefined) return true;
      try {
        publicKeyOf(v);
        return true;
      } catch {
        return false;
      }
    }, "must be an Ed25519 private key in PEM (PKCS#8), e.g. from `openssl genpkey -algorithm ed25519`"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Single sign-on (ADR 014): all three set turn on "Sign in with SSO". */
  GALLEY_OIDC_ISSUER: z.string().url().optional(),
  GALLEY_OIDC_CLIENT_ID: z.string().min(1).optional(),
  GALLEY_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The claim holding the user's groups or roles (a name, or a dot path such as realm_access.roles). */
  GALLEY_OIDC_ROLE_CLAIM: z.string().trim().min(1).default("groups"),
  /** Claim value → role: `galley-admins=ADMIN,desk=EDITOR` or a JSON object; unmapped users are VIEWER. */
  GALLEY_OIDC_ROLE_MAP: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      try {
        return parseRoleMap(raw);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return z.NEVER;
      }
    }),
  /** `0` turns email+password sign-in off (SSO only); on by default for embedded/demo use. */
  GALLEY_PASSWORD_LOGIN: flagDefaultOn,
});

const checkedEnvSchema = envSchema.superRefine((e, ctx) => {
  const oidc = [
    ["GALLEY_OIDC_ISSUER", e.GALLEY_OIDC_ISSUER],
    ["GALLEY_OIDC_CLIENT_ID", e.GALLEY_OIDC_CLIENT_ID],
    ["GALLEY_OIDC_CLIENT_SECRET", e.GALLEY_OIDC_CLIENT_SECRET],
  ] as const;
  const set = oidc.filter(([, v]) => v !== undefined);
  if (set.length > 0 && set.length < oidc.length) {
    for (const [name, v] of oidc)
      if (v === undefined)
        ctx.addIssue({
          code: "custom",
          path: [name],
          message: "is required when single sign-on is configured",
        });
  }
  if (!e.GALLEY_PASSWORD_LOGIN && set.length < oidc.length)
    ctx.addIssue({
      code: "custom",
      path: ["GALLEY_PASSWORD_LOGIN"],
      message:
        "can be 0 only when single sign-on (GALLEY_OIDC_*) is configured: nobody could sign in",
    });
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = checkedEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${issuesMessage(parsed.error.issues)}`);
  }
  cached = parsed.data;
  return cached;
}

/** The database URL the app must use; throws with the variable name when absent. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  return url;
}

export function databaseMode(): "embedded" | "postgres" {
  return env().GALLEY_DATABASE_MODE ?? "postgres";
}

/** Secret for sessions, and the default key for IP hashing. */
export function authSecret(): string {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return secret;
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  roleMap: Env["GALLEY_OIDC_ROLE_MAP"];
}

/** Single sign-on settings, or null when it is not configured. */
export function oidcSettings(): OidcSettings | null {
  const e = env();
  if (!e.GALLEY_OIDC_ISSUER || !e.GALLEY_OIDC_CLIENT_ID || !e.GALLEY_OIDC_CLIENT_SECRET)
    return null;
  return {
    // The issuer identifier as the provider spells it, without a trailing slash to double.
    issuer: e.GALLEY_OIDC_ISSUER.replace(/\/+$/, ""),
    clientId: e.GALLEY_OIDC_CLIENT_ID,
    clientSecret: e.GALLEY_OIDC_CLIENT_SECRET,
    roleClaim: e.GALLEY_OIDC_ROLE_CLAIM,
    roleMap: e.GALLEY_OIDC_ROLE_MAP,
  };
}

/**
 * The origin for absolute links that leave the site (JSON-LD, the corrections feed):
 * NEXTAUTH_URL's when set (production sets it), else the one the request came to.
 */
export function siteOrigin(requestOrigin: string): string {
  const configured = env().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : requestOrigin;
}

/** Reset the cache (tests change process.env between cases). */
export function resetEnvCache(): void {
  cached = undefined;
}
