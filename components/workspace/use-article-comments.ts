"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { callApi } from "@/lib/api/client";
import { listComments } from "@/lib/api/routes/desk";
import type { ResponseBody } from "@/lib/api/contract";

export type CommentItem = ResponseBody<typeof listComments>["items"][number];

/**
 * The article's comments, read through the API and re-read whenever `version`
 * changes (a live comment event) or after my own writes (`reload`).
 */
export function useArticleComments(articleId: string, version: number) {
  const [items, setItems] = useState<CommentItem[]>([]);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let stale = false;
    callApi(listComments, { id: articleId })
      .then((res) => {
        if (!stale && res.ok) setItems(res.data.items);
      })
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [articleId, version, tick]);

  const bySegment = useMemo(() => {
    const map = new Map<number, CommentItem[]>();
    for (const c of items) {
      if (c.segmentIndex === null) continue;
      map.set(c.segmentIndex, [...(map.get(c.segmentIndex) ?? []), c]);
    }
    return map;
  }, [items]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { bySegment, reload };
}
