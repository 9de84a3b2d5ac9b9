import { useId, useSyncExternalStore } from "react";
import type {
  ChatFont,
  SettingsChange,
  TextSize,
  ThemeSetting,
  UserSettings,
} from "../../api/types";
import { dateFormatter } from "../../lib/locale";
import { type Choice, ChoiceGroup, fieldClass, SaveError, SettingRow } from "./controls";
import { browserLocale, localeChoices } from "./locales";
import { FontPreview, ThemePreview } from "./previews";

const THEMES: readonly Choice<ThemeSetting>[] = [
  { value: "light", label: "Light", preview: <ThemePreview theme="light" /> },
  { value: "dark", label: "Dark", preview: <ThemePreview theme="dark" /> },
  { value: "system", label: "Match system", preview: <ThemePreview theme="system" /> },
];

const FONTS: readonly Choice<ChatFont>[] = [
  {
    value: "default",
    label: "Default",
    description: "Serif answers, easy on long reads",
    preview: <FontPreview font="default" />,
  },
  {
    value: "system",
    label: "System",
    description: "Your device's own interface font",
    preview: <FontPreview font="system" />,
  },
  {
    value: "dyslexic",
    label: "Dyslexia-friendly",
    description: "OpenDyslexic where installed, else Comic Sans or Verdana",
    preview: <FontPreview font="dyslexic" />,
  },
];

const SIZES: readonly Choice<TextSize>[] = [
  { value: "small", label: "Small" },
  { value: "medium", label: "Medium" },
  { value: "large", label: "Large" },
];

type Motion = "system" | "reduce" | "full";
const MOTION: readonly Choice<Motion>[] = [
  { value: "system", label: "Match system" },
  { value: "reduce", label: "Reduce" },
  { value: "full", label: "Don't reduce" },
];

const motionOf = (value: boolean | null | undefined): Motion =>
  value === true ? "reduce" : value === false ? "full" : "system";

function subscribeToMotion(onChange: () => void) {
  const media = window.matchMedia?.("(prefers-reduced-motion: reduce)");
  media?.addEventListener("change", onChange);
  return () => media?.removeEventListener("change", onChange);
}
const systemReducesMotion = () =>
  Boolean(window.matchMedia?.("(prefers-reduced-motion: reduce)").matches);

/** A sample of the chat in the chosen font and size: the same classes the chat uses. */
function ChatSample() {
  return (
    <div
      aria-hidden="true"
      className="mt-4 flex flex-col gap-3 rounded-xl border border-line bg-bg px-4 py-4"
    >
      <div className="chat-text ml-auto max-w-[85%] rounded-2xl bg-user-bubble px-4 py-2.5 leading-relaxed text-ink">
        What makes a good bread starter?
      </div>
      <div className="prose-parley">
        <p>
          Flour, water and patience. Feed it daily and keep it somewhere warm; it is ready when it
          doubles within a few hours of feeding.
        </p>
      </div>
    </div>
  );
}

export function AppearanceSection({
  settings,
  save,
}: {
  settings: UserSettings;
  save: (change: SettingsChange) => void;
}) {
  const ids = {
    size: useId(),
    motion: useId(),
    motionHint: useId(),
    locale: useId(),
    localeHint: useId(),
  };
  const systemReduces = useSyncExternalStore(subscribeToMotion, systemReducesMotion, () => false);
  const locale = settings.locale ?? null;
  const sampleDate = new Date();
  const sample = dateFormatter(
    { dateStyle: "full", timeStyle: "short" },
    locale ?? undefined,
  ).format(sampleDate);

  return (
    <>
      <SettingRow
        label="Theme"
        description="Light, dark, or whatever your device is set to."
        stacked
      >
        <div className="mt-3">
          <ChoiceGroup
            label="Theme"
            name="theme"
            choices={THEMES}
            value={settings.theme}
            onChange={(theme) => save({ theme })}
          />
        </div>
        <SaveError keys={["theme"]} />
      </SettingRow>
      <SettingRow label="Chat font" description="The font of messages and answers." stacked>
        <div className="mt-3">
          <ChoiceGroup
            label="Chat font"
            name="chat-font"
            choices={FONTS}
            value={settings.chat_font}
            onChange={(chat_font) => save({ chat_font })}
          />
        </div>
        <SaveError keys={["chat_font"]} />
      </SettingRow>
      <SettingRow
        label="Text size"
        labelId={ids.size}
        description="The size of messages and answers; the rest of the app keeps its size."
        control={
          <ChoiceGroup
            label="Text size"
            name="text-size"
            compact
            choices={SIZES}
            value={settings.text_size}
            onChange={(text_size) => save({ text_size })}
          />
        }
      >
        <ChatSample />
        <SaveError keys={["text_size"]} />
      </SettingRow>
      <SettingRow
        label="Reduce motion"
        labelId={ids.motion}
        descriptionId={ids.motionHint}
        description={`Turns off animations and transitions. Your device ${systemReduces ? "asks for reduced motion" : "does not ask for reduced motion"}.`}
        control={
          <ChoiceGroup
            label="Reduce motion"
            name="motion"
            compact
            describedBy={ids.motionHint}
            choices={MOTION}
            value={motionOf(settings.reduced_motion)}
            onChange={(motion) =>
              save({ reduced_motion: motion === "system" ? null : motion === "reduce" })
            }
          />
        }
      >
        <SaveError keys={["reduced_motion"]} />
      </SettingRow>
      <SettingRow
        label="Language and region"
        htmlFor={ids.locale}
        descriptionId={ids.localeHint}
        description={
          <>
            How dates and numbers are written: <span className="text-ink-soft">{sample}</span>
          </>
        }
        control={
          <select
            id={ids.locale}
            aria-describedby={ids.localeHint}
            value={locale ?? ""}
            onChange={(event) => save({ locale: event.target.value || null })}
            className={`${fieldClass} sm:w-72`}
          >
            <option value="">Browser default ({browserLocale()})</option>
            {localeChoices(locale).map(({ tag, name }) => (
              <option key={tag} value={tag} lang={tag}>
                {name} ({tag})
              </option>
            ))}
          </select>
        }
      >
        <SaveError keys={["locale"]} />
      </SettingRow>
    </>
  );
}
