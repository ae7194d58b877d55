/** The one status line under the workspace toolbar. */
export type WorkspaceMessage = { kind: "ok" | "error" | "info"; text: string } | null;
