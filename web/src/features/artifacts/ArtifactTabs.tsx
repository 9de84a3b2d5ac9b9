import clsx from "clsx";
import { type KeyboardEvent, useRef } from "react";
import { ArtifactIcon } from "./ArtifactIcon";
import type { PanelTab } from "./useDisplayedArtifact";

/** One tab per artifact in the conversation, with arrow-key movement between them. */
export function ArtifactTabs({
  tabs,
  selected,
  panelId,
  onSelect,
}: {
  tabs: PanelTab[];
  selected: string | null;
  panelId: string;
  onSelect: (id: string) => void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === selected);
    let to = -1;
    if (event.key === "ArrowRight") to = (index + 1) % tabs.length;
    else if (event.key === "ArrowLeft") to = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === "Home") to = 0;
    else if (event.key === "End") to = tabs.length - 1;
    const tab = tabs[to];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-tab="${CSS.escape(tab.id)}"]`)?.focus(),
    );
  };
  return (
    <div
      ref={listRef}
      role="tablist"
      aria-label="Artifacts in this conversation"
      onKeyDown={onKeyDown}
      className="flex shrink-0 gap-1 overflow-x-auto border-b border-line px-2 [scrollbar-width:none]"
    >
      {tabs.map((tab) => {
        const active = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            data-tab={tab.id}
            aria-selected={active}
            aria-controls={panelId}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            className={clsx(
              "-mb-px flex max-w-[14rem] shrink-0 items-center gap-1.5 border-b-2 px-2.5 py-2 text-[0.8125rem] transition-colors",
              active
                ? "border-accent font-medium text-ink"
                : "border-transparent text-muted hover:text-ink",
            )}
          >
            <ArtifactIcon type={tab.type} className="size-3.5 shrink-0" />
            <span className="truncate">{tab.title}</span>
          </button>
        );
      })}
    </div>
  );
}
