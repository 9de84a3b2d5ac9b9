import type { ProjectSort } from "../../api/types";

/** What the projects page asks the server for: the URL's search params, read and written. */
export interface ProjectListParams {
  q: string;
  sort: ProjectSort;
  archived: boolean;
}

export const SORTS: readonly { value: ProjectSort; label: string }[] = [
  { value: "activity", label: "Recent activity" },
  { value: "name", label: "Name" },
  { value: "created", label: "Date created" },
];

const isSort = (value: string | null): value is ProjectSort => SORTS.some((s) => s.value === value);

export function readListParams(search: URLSearchParams): ProjectListParams {
  const sort = search.get("sort");
  return {
    q: search.get("q") ?? "",
    sort: isSort(sort) ? sort : "activity",
    archived: search.get("archived") === "true",
  };
}

/**
 * The URL's search params with a change applied. Defaults are left out so that /projects stays
 * clean, and everything else on the URL (such as ?new=1) is kept.
 */
export function writeListParams(
  search: URLSearchParams,
  change: Partial<ProjectListParams>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  const merged = { ...readListParams(search), ...change };
  if (merged.q) next.set("q", merged.q);
  else next.delete("q");
  if (merged.sort !== "activity") next.set("sort", merged.sort);
  else next.delete("sort");
  if (merged.archived) next.set("archived", "true");
  else next.delete("archived");
  return next;
}

/** The params as the server is asked for them: the query trimmed, so "  a " and "a" share a cache. */
export function requestParams(params: ProjectListParams): ProjectListParams {
  return { ...params, q: params.q.trim() };
}
