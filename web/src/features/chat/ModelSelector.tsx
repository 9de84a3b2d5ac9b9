import type { Model } from "../../api/types";
import { ChevronDownIcon } from "../../components/ui/icons";
import { Menu } from "../../components/ui/Menu";
import { formatContextWindow, formatPrices } from "../../lib/format";

function capabilities(model: Model): string {
  const caps = [
    model.vision && "Vision",
    model.thinking && "Thinking",
    model.tool_use && "Tools",
  ].filter(Boolean);
  return caps.length ? caps.join(" · ") : "Text only";
}

export function ModelSelector({
  models,
  value,
  onChange,
  disabled,
  opensUp = true,
}: {
  models: Model[];
  value: string | null;
  onChange: (id: string) => void;
  disabled?: boolean;
  opensUp?: boolean;
}) {
  const current = models.find((m) => m.id === value);
  if (models.length === 0) return null;
  return (
    <Menu
      label={`Model: ${current?.name ?? value ?? "choose"}`}
      placement={opensUp ? "above-start" : "below-start"}
      menuClassName="w-80 max-w-[calc(100vw-2rem)] max-h-[min(28rem,55vh)] overflow-y-auto"
      triggerClassName="inline-flex max-w-[14rem] items-center gap-1 rounded-lg px-2 py-1.5 text-sm text-ink-soft transition-colors hover:bg-sidebar hover:text-ink disabled:opacity-50"
      trigger={
        <>
          <span className="truncate">{current?.name ?? value ?? "Model"}</span>
          <ChevronDownIcon className="size-4 shrink-0" />
        </>
      }
      sections={[
        {
          heading: disabled ? "Model (wait for the answer to finish)" : "Model",
          items: models.map((m) => ({
            label: m.name,
            checked: m.id === value,
            onSelect: () => onChange(m.id),
            description: (
              <>
                <span className="block">{capabilities(m)}</span>
                <span className="block">
                  {formatContextWindow(m.context_window)} · {formatPrices(m)}
                </span>
              </>
            ),
          })),
        },
      ]}
    />
  );
}
