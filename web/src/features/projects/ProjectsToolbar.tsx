import clsx from "clsx";
import { Archive, Search } from "lucide-react";
import { ChevronDownIcon } from "../../components/ui/icons";
import { Menu } from "../../components/ui/Menu";
import { type ProjectListParams, SORTS } from "./listParams";

/** Search, sort and the archived switch above the projects grid. */
export function ProjectsToolbar({
  params,
  onChange,
}: {
  params: ProjectListParams;
  onChange: (change: Partial<ProjectListParams>) => void;
}) {
  const sortLabel = SORTS.find((s) => s.value === params.sort)?.label ?? "";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="relative min-w-0 flex-1 basis-64">
        <Search
          className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted"
          aria-hidden="true"
        />
        <input
          type="search"
          value={params.q}
          onChange={(event) => onChange({ q: event.target.value })}
          placeholder="Search projects…"
          aria-label="Search projects"
          maxLength={200}
          className="h-10 w-full rounded-xl border border-line-strong bg-surface pl-9 pr-3 text-[0.95rem] text-ink placeholder:text-muted focus:border-accent focus:outline-none focus-visible:outline-none focus:ring-2 focus:ring-accent/25"
        />
      </div>
      <div className="flex items-center gap-2">
        <Menu
          label="Sort projects"
          labelTrigger={false}
          triggerClassName="inline-flex h-10 items-center gap-1.5 rounded-xl border border-line-strong bg-surface px-3 text-sm text-ink-soft transition-colors hover:bg-sidebar hover:text-ink"
          trigger={
            <>
              <span className="text-muted">Sort by</span>{" "}
              <span className="font-medium text-ink">{sortLabel}</span>
              <ChevronDownIcon className="size-4 text-muted" />
            </>
          }
          sections={[
            {
              items: SORTS.map((sort) => ({
                label: sort.label,
                checked: sort.value === params.sort,
                onSelect: () => onChange({ sort: sort.value }),
              })),
            },
          ]}
        />
        <button
          type="button"
          aria-pressed={params.archived}
          onClick={() => onChange({ archived: !params.archived })}
          className={clsx(
            "inline-flex h-10 items-center gap-1.5 rounded-xl border px-3 text-sm transition-colors",
            params.archived
              ? "border-accent/60 bg-accent-soft font-medium text-ink"
              : "border-line-strong bg-surface text-ink-soft hover:bg-sidebar hover:text-ink",
          )}
        >
          <Archive className="size-4" aria-hidden="true" />
          Archived
        </button>
      </div>
    </div>
  );
}
