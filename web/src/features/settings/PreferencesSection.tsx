import { useId } from "react";
import type { SettingsChange, UserSettings } from "../../api/types";
import { formatCount } from "../../lib/format";
import { IS_APPLE } from "../search/shortcut";
import { fieldClass, SaveError, SettingRow, Switch } from "./controls";
import { CUSTOM_INSTRUCTIONS_MAX } from "./defaults";
import { StylePicker } from "./StylePicker";
import { useFailureFor } from "./saveStatus";
import { useDebouncedSetting } from "./useDebouncedSetting";

const SEND_KEYS = IS_APPLE ? "⌘+Enter" : "Ctrl+Enter";

export function PreferencesSection({
  settings,
  save,
}: {
  settings: UserSettings;
  save: (change: SettingsChange) => void;
}) {
  const ids = {
    instructions: useId(),
    instructionsHint: useId(),
    count: useId(),
    error: useId(),
    style: useId(),
    enter: useId(),
    enterHint: useId(),
  };
  const instructions = useDebouncedSetting(
    "custom_instructions",
    settings.custom_instructions,
    save,
  );
  const failed = useFailureFor(["custom_instructions"]) !== null;
  const near = instructions.value.length > CUSTOM_INSTRUCTIONS_MAX * 0.9;

  return (
    <>
      <SettingRow
        label="What should Parley know about you?"
        htmlFor={ids.instructions}
        descriptionId={ids.instructionsHint}
        description="Your work, what you are learning, how you like answers. Sent with every conversation."
        stacked
      >
        <textarea
          id={ids.instructions}
          value={instructions.value}
          onChange={(event) => instructions.change(event.target.value)}
          onBlur={instructions.flush}
          maxLength={CUSTOM_INSTRUCTIONS_MAX}
          rows={5}
          aria-describedby={`${ids.instructionsHint} ${ids.count}${failed ? ` ${ids.error}` : ""}`}
          aria-invalid={failed || undefined}
          placeholder="I teach chemistry to teenagers. Keep explanations short and use everyday examples."
          className={`${fieldClass} mt-3 min-h-32 resize-y text-sm leading-relaxed`}
        />
        <div className="mt-1.5 flex justify-end">
          <span
            id={ids.count}
            className={
              near ? "text-xs tabular-nums text-danger" : "text-xs tabular-nums text-muted"
            }
          >
            {formatCount(instructions.value.length)} / {formatCount(CUSTOM_INSTRUCTIONS_MAX)}
            <span className="sr-only"> characters</span>
          </span>
        </div>
        <SaveError keys={["custom_instructions"]} id={ids.error} />
      </SettingRow>
      <SettingRow
        label="Style"
        labelId={ids.style}
        description="How answers are written. Your own styles are kept here, up to twenty."
        stacked
      >
        <StylePicker settings={settings} save={save} labelId={ids.style} />
      </SettingRow>
      <SettingRow
        label="Enter sends the message"
        labelId={ids.enter}
        descriptionId={ids.enterHint}
        description={`When off, Enter adds a new line and ${SEND_KEYS} sends.`}
        inline
        control={
          <Switch
            checked={settings.send_on_enter}
            onChange={(send_on_enter) => save({ send_on_enter })}
            labelledBy={ids.enter}
            describedBy={ids.enterHint}
          />
        }
      >
        <SaveError keys={["send_on_enter"]} />
      </SettingRow>
    </>
  );
}
