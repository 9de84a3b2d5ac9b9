import clsx from "clsx";
import type { ChatFont, ThemeSetting } from "../../api/types";

// As in index.css (html[data-chat-font]); here to draw each choice in its own font.
export const FONT_STACKS: Record<ChatFont, string> = {
  default: "var(--font-serif)",
  system: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  dyslexic: '"OpenDyslexic", "Comic Sans MS", "Comic Neue", Verdana, sans-serif',
};

function MiniWindow({ dark }: { dark: boolean }) {
  return (
    <span
      className={clsx("flex h-full w-full overflow-hidden", dark ? "bg-[#262624]" : "bg-[#faf9f5]")}
    >
      <span
        className={clsx(
          "w-1/4 border-r",
          dark ? "border-[#3e3d39] bg-[#1f1e1d]" : "border-[#e6e3d9] bg-[#f3f1ea]",
        )}
      />
      <span className="flex flex-1 flex-col justify-end gap-1 p-1.5">
        <span
          className={clsx(
            "ml-auto h-1.5 w-1/2 rounded-full",
            dark ? "bg-[#141413]" : "bg-[#e6e3d9]",
          )}
        />
        <span
          className={clsx("h-1.5 w-3/4 rounded-full", dark ? "bg-[#55534d]" : "bg-[#d3cfc2]")}
        />
        <span
          className={clsx("h-1.5 w-2/3 rounded-full", dark ? "bg-[#55534d]" : "bg-[#d3cfc2]")}
        />
        <span
          className={clsx(
            "mt-1 h-2.5 rounded",
            dark ? "border border-[#55534d] bg-[#30302e]" : "border border-[#d3cfc2] bg-white",
          )}
        />
      </span>
    </span>
  );
}

/** A small picture of the app in the theme: both halves for "system". */
export function ThemePreview({ theme }: { theme: ThemeSetting }) {
  return (
    <span
      aria-hidden="true"
      className="relative block aspect-[16/9] overflow-hidden rounded-lg border border-line"
    >
      {theme === "system" ? (
        <>
          <span className="absolute inset-0">
            <MiniWindow dark={false} />
          </span>
          <span className="absolute inset-0 [clip-path:polygon(100%_0,100%_100%,0_100%)]">
            <MiniWindow dark />
          </span>
        </>
      ) : (
        <MiniWindow dark={theme === "dark"} />
      )}
    </span>
  );
}

export function FontPreview({ font }: { font: ChatFont }) {
  return (
    <span
      aria-hidden="true"
      className="flex h-14 items-center justify-center rounded-lg border border-line bg-bg text-2xl text-ink"
      style={{ fontFamily: FONT_STACKS[font] }}
    >
      Aa
    </span>
  );
}
