import { MessageSquarePlus, Palette, UserRound } from "lucide-react";
import { type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { SettingsChange, UserSettings } from "../../api/types";
import { Button } from "../../components/ui/Button";
import { PageHeader } from "../projects/PageHeader";
import { AppearanceSection } from "./AppearanceSection";
import { DefaultsSection } from "./DefaultsSection";
import { useSaveSettings, useSettings } from "./hooks";
import { PreferencesSection } from "./PreferencesSection";
import { SaveStatus } from "./SaveStatus";
import { type Section, SectionNav } from "./SectionNav";

const iconProps = { className: "size-4", "aria-hidden": true } as const;

type SectionBody = (props: {
  settings: UserSettings;
  save: (change: SettingsChange) => void;
}) => ReactNode;

const SECTIONS: readonly (Section & { intro: string; Body: SectionBody })[] = [
  {
    id: "appearance",
    title: "Appearance",
    icon: <Palette {...iconProps} />,
    intro: "How Parley looks on this and your other devices.",
    Body: AppearanceSection,
  },
  {
    id: "preferences",
    title: "Personal preferences",
    icon: <UserRound {...iconProps} />,
    intro: "What Parley knows about you and how it answers, in every chat.",
    Body: PreferencesSection,
  },
  {
    id: "defaults",
    title: "Defaults for new chats",
    icon: <MessageSquarePlus {...iconProps} />,
    intro: "How a new chat starts. Each chat can still change them.",
    Body: DefaultsSection,
  },
];

// How far below the top of the scroller a section's heading counts as being read.
const READING_LINE_PX = 120;

/** The section being read: the last whose top has passed the reading line, or the last at the bottom. */
function useCurrentSection(scroller: RefObject<HTMLDivElement | null>, ready: boolean) {
  const [current, setCurrent] = useState<string>(SECTIONS[0]?.id ?? "");
  useEffect(() => {
    const root = scroller.current;
    if (!root || !ready) return;
    const update = () => {
      const top = root.getBoundingClientRect().top + READING_LINE_PX;
      const atEnd = root.scrollTop + root.clientHeight >= root.scrollHeight - 4;
      let reading = SECTIONS[0]?.id ?? "";
      for (const section of SECTIONS) {
        const el = document.getElementById(section.id);
        if (el && el.getBoundingClientRect().top <= top) reading = section.id;
      }
      if (atEnd && root.scrollTop > 0) reading = SECTIONS[SECTIONS.length - 1]?.id ?? reading;
      setCurrent(reading);
    };
    update();
    root.addEventListener("scroll", update, { passive: true });
    return () => root.removeEventListener("scroll", update);
  }, [scroller, ready]);
  return [current, setCurrent] as const;
}

/** Every setting on one page, saved as it changes. */
export default function SettingsPage() {
  const settings = useSettings();
  const save = useSaveSettings();
  const scroller = useRef<HTMLDivElement>(null);
  const ready = settings.data !== undefined;
  const [current, setCurrent] = useCurrentSection(scroller, ready);

  useEffect(() => {
    document.title = "Settings — Parley";
    return () => {
      document.title = "Parley";
    };
  }, []);

  const go = useCallback(
    (id: string) => {
      const section = document.getElementById(id);
      if (!section) return;
      section.scrollIntoView({ block: "start" });
      section.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
      window.history.replaceState(window.history.state, "", `#${id}`);
      setCurrent(id);
    },
    [setCurrent],
  );

  // A link to /settings#defaults opens at that section.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the sections are drawn.
  useEffect(() => {
    const id = window.location.hash.slice(1);
    if (ready && SECTIONS.some((s) => s.id === id)) go(id);
  }, [ready]);

  return (
    <>
      <PageHeader />
      <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto">
        <div className="mx-auto w-full max-w-5xl px-4 pb-24 pt-2 sm:px-8 sm:pt-6">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <h1 className="font-serif text-[1.75rem] font-medium tracking-tight text-ink sm:text-3xl">
              Settings
            </h1>
            <SaveStatus />
          </div>
          <p className="mt-1 text-sm text-muted">Changes are saved as you make them.</p>
          {settings.error ? (
            <div
              role="alert"
              className="mt-8 flex items-center justify-between gap-3 rounded-xl bg-danger-soft px-4 py-3 text-sm text-danger"
            >
              {settings.error.message}
              <Button onClick={() => void settings.refetch()}>Try again</Button>
            </div>
          ) : !settings.data ? (
            <p className="py-16 text-center text-sm text-muted" role="status">
              Loading settings…
            </p>
          ) : (
            <div className="mt-6 flex flex-col gap-6 md:mt-8 md:flex-row md:items-start md:gap-10">
              <div className="md:sticky md:top-6 md:w-52 md:shrink-0">
                <SectionNav sections={SECTIONS} current={current} onGo={go} />
              </div>
              <div className="flex min-w-0 flex-1 flex-col gap-10">
                {SECTIONS.map(({ id, title, intro, Body }) => (
                  <section key={id} id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4">
                    <h2
                      id={`${id}-title`}
                      tabIndex={-1}
                      className="text-lg font-semibold text-ink focus-visible:outline-none"
                    >
                      {title}
                    </h2>
                    <p className="mt-1 text-sm text-muted">{intro}</p>
                    <div className="mt-4 rounded-2xl border border-line bg-surface px-4 sm:px-6">
                      <Body settings={settings.data} save={save} />
                    </div>
                  </section>
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
    </>
  );
}
