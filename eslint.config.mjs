import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "lib/db/generated/**",
      ".galley/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  ...layerRules(),
];

/**
 * The layers of the README's Architecture section, enforced: app/ and components/ reach the database only
 * through lib/server; the pure domain modules know nothing of the server, the database or
 * Next; only lib/db and lib/server touch the generated Prisma client.
 */
function layerRules() {
  // lib/db/generated/enums is the exception everywhere: the schema's enums as plain
  // constants, no client (lib/domain/types re-exports them).
  const prismaClient = {
    regex: "(^@prisma/client$|/lib/db/generated(?!/enums$)(/|$)|^\\./generated(/|$))",
    message: "Only lib/db and lib/server use the Prisma client; call a lib/server function.",
  };
  const database = {
    regex: "^@/lib/db(/|$)",
    message: "app/ and components/ reach the database through lib/server, never lib/db.",
  };
  const serverLayers = {
    regex:
      "^(@/lib/(server|actions|api|auth/(session|next-auth))(/|$)|@/lib/db(?!/generated/enums$)(/|$)|server-only$)",
    message: "Pure domain code must not depend on the server, the database or the request layer.",
  };
  const framework = {
    regex: "^(next|next-auth|react|react-dom)(/|$)",
    message: "Pure domain code is framework-free: no Next, next-auth or React.",
  };
  const nextLink = {
    name: "next/link",
    message: "Use @/components/link: Galley's links do not prefetch (ADR 018).",
  };
  /** What app/ and components/ may not import, plus `extraPaths`. */
  const appRestrictions = (extraPaths) => ({
    paths: [
      {
        // The connection-error classifier is the one lib/db export the request layer
        // needs (503 rather than 500); it touches no client.
        name: "@/lib/db",
        allowImportNames: ["isDatabaseUnavailable"],
        message: database.message,
      },
      ...extraPaths,
    ],
    patterns: [prismaClient, { ...database, regex: "^@/lib/db/(?!generated/enums$)" }],
  });
  const pure = [
    "lib/audit/**",
    "lib/domain/**",
    "lib/formats/**",
    "lib/ingest/**",
    "lib/quality/**",
    "lib/seed/**",
    "lib/text/**",
    "lib/validation/**",
    "lib/api/schemas/**",
    "lib/auth/policy.ts",
    "lib/errors.ts",
    "lib/env.ts",
    "lib/format-time.ts",
  ];
  return [
    {
      files: ["**/*.{ts,tsx,mts,js,mjs}"],
      ignores: ["lib/db/**", "lib/server/**"],
      rules: { "no-restricted-imports": ["error", { patterns: [prismaClient] }] },
    },
    {
      files: ["app/**", "components/**"],
      rules: { "no-restricted-imports": ["error", appRestrictions([nextLink])] },
    },
    {
      // The one place next/link is wrapped.
      files: ["components/link.tsx"],
      rules: { "no-restricted-imports": ["error", appRestrictions([])] },
    },
    {
      files: pure,
      rules: {
        "no-restricted-imports": ["error", { patterns: [prismaClient, serverLayers, framework] }],
      },
    },
  ];
}

export default config;
