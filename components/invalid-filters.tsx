/** Says which filters were ignored; the list below shows unfiltered results. */
export function InvalidFilters({ problems }: { problems: string | null }) {
  if (!problems) return null;
  return (
    <p role="alert" className="mb-3 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm">
      Some filters were invalid and were ignored: {problems}
    </p>
  );
}
