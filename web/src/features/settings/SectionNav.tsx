import clsx from "clsx";
import type { ReactNode } from "react";

export interface Section {
  id: string;
  title: string;
  icon: ReactNode;
}

/**
 * Links to the page's sections, the one being read marked: a column beside them on wide
 * screens, links wrapping above them on phones.
 */
export function SectionNav({
  sections,
  current,
  onGo,
}: {
  sections: readonly Section[];
  current: string;
  onGo: (id: string) => void;
}) {
  return (
    <nav aria-label="Settings sections" className="md:sticky md:top-0">
      <ul className="flex flex-wrap gap-1 md:flex-col">
        {sections.map((section) => {
          const active = section.id === current;
          return (
            <li key={section.id} className="shrink-0">
              <a
                href={`#${section.id}`}
                aria-current={active ? "location" : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  onGo(section.id);
                }}
                className={clsx(
                  "flex items-center gap-2.5 whitespace-nowrap rounded-lg px-3 py-2 text-sm transition-colors",
                  active
                    ? "bg-line/70 font-medium text-ink"
                    : "text-ink-soft hover:bg-line/50 hover:text-ink",
                )}
              >
                <span className="size-4 shrink-0 text-muted" aria-hidden="true">
                  {section.icon}
                </span>
                {section.title}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
