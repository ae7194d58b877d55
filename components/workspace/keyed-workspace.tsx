"use client";
import { useState, type ComponentProps } from "react";
import { Workspace } from "./workspace";

/**
 * The workspace, remounted when a new reader suggestion arrives (its prefill becomes the
 * draft), but not when the suggestion is saved and the URL drops `?feedback=`: a remount then
 * would wipe the "Saved as revision n" message the reviewer is meant to read.
 */
export function KeyedWorkspace(props: ComponentProps<typeof Workspace>) {
  const feedbackId = props.data.prefill?.feedbackId ?? null;
  const [key, setKey] = useState(feedbackId ?? "workspace");
  if (feedbackId !== null && feedbackId !== key) setKey(feedbackId);
  return <Workspace key={feedbackId ?? key} {...props} />;
}
