"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { callApi } from "@/lib/api/client";
import { setPresence } from "@/lib/api/routes/live";
import type { LivePerson, PresenceEntry } from "@/lib/domain/live";

// The workspace's live connection (GET /api/v1/articles/:id/events): who else has
// the article open and which segment each edits, others' saves (offered, not
// applied), status changes and comment activity. EventSource reconnects by itself
// when the server ends a stream or the network drops. Focus is read from the
// segment inputs (data-segment-input) so the rows need no extra wiring.

export interface IncomingSave {
  revision: number;
  by: LivePerson;
  segments: number[];
}

export function useLiveArticle(opts: { articleId: string; me: string }) {
  const { articleId, me } = opts;
  const router = useRouter();
  const [connected, setConnected] = useState(false);
  const [presence, setPresenceList] = useState<PresenceEntry[]>([]);
  const [incoming, setIncoming] = useState<IncomingSave | null>(null);
  /** Bumped on every comment event: comment lists re-read when it changes. */
  const [commentsVersion, setCommentsVersion] = useState(0);

  useEffect(() => {
    let connectionId: string | null = null;
    let focus: number | null = null;
    let reported: number | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const report = () => {
      if (!connectionId || reported === focus) return;
      reported = focus;
      void callApi(setPresence, { id: articleId }, { segmentIndex: focus, connectionId }).catch(
        () => undefined,
      );
    };
    // Blur waits a little, so moving from one segment to the next does not flicker.
    const setFocus = (index: number | null) => {
      focus = index;
      clearTimeout(timer);
      timer = setTimeout(report, index === null ? 400 : 50);
    };
    const segmentOf = (t: EventTarget | null) => {
      const raw = t instanceof HTMLElement ? t.dataset.segmentInput : undefined;
      return raw === undefined ? null : Number(raw);
    };
    const onFocusIn = (e: FocusEvent) => {
      const index = segmentOf(e.target);
      if (index !== null) setFocus(index);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (segmentOf(e.target) !== null && segmentOf(e.relatedTarget) === null) setFocus(null);
    };
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);

    const source = new EventSource(`/api/v1/articles/${encodeURIComponent(articleId)}/events`);
    const data = <T>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;
    source.addEventListener("ready", (e) => {
      connectionId = data<{ connectionId: string }>(e).connectionId;
      setConnected(true);
      // A new stream starts unfocused: say again where I am.
      reported = null;
      if (focus !== null) report();
    });
    source.addEventListener("presence", (e) =>
      setPresenceList(data<{ users: PresenceEntry[] }>(e).users),
    );
    source.addEventListener("revision", (e) => {
      const save = data<IncomingSave>(e);
      if (save.by.email !== me) setIncoming(save);
    });
    source.addEventListener("status", (e) => {
      if (data<{ by: LivePerson | null }>(e).by?.email !== me) router.refresh();
    });
    source.addEventListener("comment", () => setCommentsVersion((v) => v + 1));
    source.addEventListener("resync", () => {
      setCommentsVersion((v) => v + 1);
      router.refresh();
    });
    source.onerror = () => setConnected(false);

    return () => {
      source.close();
      clearTimeout(timer);
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
      setConnected(false);
    };
  }, [articleId, me, router]);

  const { others, editing } = useMemo(() => {
    // Everyone but me (my other tabs included), one entry per person.
    const byEmail = new Map<string, PresenceEntry>();
    const editing = new Map<number, string[]>();
    for (const p of presence) {
      if (p.email === me) continue;
      const had = byEmail.get(p.email);
      if (!had || (had.segmentIndex === null && p.segmentIndex !== null)) byEmail.set(p.email, p);
      if (p.segmentIndex === null) continue;
      const names = editing.get(p.segmentIndex) ?? [];
      if (!names.includes(p.name)) editing.set(p.segmentIndex, [...names, p.name]);
    }
    return { others: [...byEmail.values()], editing };
  }, [presence, me]);

  return {
    connected,
    others,
    editing,
    incoming,
    dismissIncoming: () => setIncoming(null),
    commentsVersion,
  };
}
