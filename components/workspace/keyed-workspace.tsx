"use client";
import { useState } from "react";
import { Workspace, type WorkspaceProps } from "./workspace";

/**
 * The workspace, remounted when a new reader suggestion arrives (so its prefill becomes the
 * draft) but not when the suggestion's query leaves the URL after the save that resolved
 * it: that remount used to wipe "Saved as revision N" the moment it appeared.
 */
export function KeyedWorkspace(props: WorkspaceProps) {
  const suggestion = props.data.prefill?.feedbackId ?? null;
  const [key, setKey] = useState(suggestion ?? "workspace");
  // Derived from the previous render, as React documents for such state.
  if (suggestion && suggestion !== key) setKey(suggestion);
  return <Workspace key={suggestion ?? key} {...props} />;
}
