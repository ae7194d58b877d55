import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * Galley's one link component: next/link without prefetching.
 *
 * Next prefetches every link that scrolls into view. Every Galley page is dynamic (signed in,
 * per-user), so each prefetch is a server render and, for the queue, one per article row: a
 * queue or inbox view fired 12–23 renders nobody asked for, on the server and the database,
 * and the browser parsed them all. A click still fetches the page; a newsroom desk opens the
 * article it picks, not every article it sees. ADR 018. Lint (eslint.config.mjs) keeps
 * next/link out of the rest of app/ and components/.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
