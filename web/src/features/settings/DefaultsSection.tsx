import { useId } from "react";
import type { PermissionMode, SettingsChange, UserSettings } from "../../api/types";
import { formatCount } from "../../lib/format";
import { useModels } from "../chat/hooks";
import { useSandbox } from "../tools/hooks";
import {
  type Choice,
  ChoiceGroup,
  fieldClass,
  fieldLook,
  SaveError,
  SettingRow,
  Switch,
} from "./controls";
import { THINKING_BUDGET_MAX, THINKING_BUDGET_MIN } from "./defaults";
import { useFailureFor } from "./saveStatus";
import { useDebouncedSetting } from "./useDebouncedSetting";

type Permission = PermissionMode | "server";
const SERVER_MODE: Record<PermissionMode, string> = {
  ask: "this server asks first",
  allow: "this server runs code without asking",
};

function ThinkingBudget({
  budget,
  save,
}: {
  budget: number;
  save: (change: SettingsChange) => void;
}) {
  const ids = { field: useId(), hint: useId(), error: useId() };
  // Kept as typed (possibly half a number); the server says when it is out of range.
  const field = useDebouncedSetting("thinking_budget", String(budget), save, (text) => ({
    thinking_budget: text.trim() === "" ? null : Number(text),
  }));
  const failed = useFailureFor(["thinking_budget"]) !== null;
  return (
    <div className="mt-4 rounded-xl border border-line bg-bg p-4">
      <label htmlFor={ids.field} className="block text-sm font-medium text-ink">
        Thinking budget
      </label>
      <p id={ids.hint} className="mt-1 text-sm text-muted">
        The most tokens the model may think for before answering, from{" "}
        {formatCount(THINKING_BUDGET_MIN)} to {formatCount(THINKING_BUDGET_MAX)}. More thinking
        helps hard problems and costs time.
      </p>
      <div className="mt-3 flex items-center gap-2">
        <input
          id={ids.field}
          type="number"
          inputMode="numeric"
          min={THINKING_BUDGET_MIN}
          max={THINKING_BUDGET_MAX}
          step={1024}
          value={field.value}
          onChange={(event) => field.change(event.target.value)}
          onBlur={field.flush}
          aria-describedby={`${ids.hint}${failed ? ` ${ids.error}` : ""}`}
          aria-invalid={failed || undefined}
          className={`${fieldLook} w-36 tabular-nums`}
        />
        <span className="text-sm text-muted">tokens</span>
      </div>
      <SaveError keys={["thinking_budget"]} id={ids.error} />
    </div>
  );
}

export function DefaultsSection({
  settings,
  save,
}: {
  settings: UserSettings;
  save: (change: SettingsChange) => void;
}) {
  const ids = {
    model: useId(),
    modelHint: useId(),
    thinking: useId(),
    thinkingHint: useId(),
    permission: useId(),
    permissionHint: useId(),
  };
  const models = useModels();
  const sandbox = useSandbox();
  const list = models.data?.models ?? [];
  const serverModel = list.find((m) => m.id === models.data?.default_model);
  const chosen = settings.default_model ?? null;
  const missing =
    chosen !== null && models.data !== undefined && !list.some((m) => m.id === chosen);

  const serverMode = sandbox.data?.default_permission_mode;
  const permissions: readonly Choice<Permission>[] = [
    { value: "server", label: "Server default" },
    { value: "ask", label: "Ask first" },
    { value: "allow", label: "Don't ask" },
  ];

  return (
    <>
      <SettingRow
        label="Model"
        htmlFor={ids.model}
        descriptionId={ids.modelHint}
        description={
          missing
            ? "The model you chose is no longer offered here: new chats use the server's default."
            : "The model a new chat starts with. You can still switch in any chat."
        }
        control={
          <select
            id={ids.model}
            aria-describedby={ids.modelHint}
            value={missing ? "" : (chosen ?? "")}
            disabled={!models.data}
            onChange={(event) => save({ default_model: event.target.value || null })}
            className={`${fieldClass} sm:w-72`}
          >
            <option value="">
              {serverModel ? `Default: ${serverModel.name}` : "Server default"}
            </option>
            {list.map((model) => (
              <option key={model.id} value={model.id}>
                {model.name}
              </option>
            ))}
          </select>
        }
      >
        <SaveError keys={["default_model"]} />
      </SettingRow>
      <SettingRow
        label="Extended thinking"
        labelId={ids.thinking}
        descriptionId={ids.thinkingHint}
        description="New chats think before answering, on models that can."
        inline
        control={
          <Switch
            checked={settings.thinking}
            onChange={(thinking) => save({ thinking })}
            labelledBy={ids.thinking}
            describedBy={ids.thinkingHint}
          />
        }
      >
        <SaveError keys={["thinking"]} />
        {settings.thinking && <ThinkingBudget budget={settings.thinking_budget} save={save} />}
      </SettingRow>
      <SettingRow
        label="Running code"
        labelId={ids.permission}
        descriptionId={ids.permissionHint}
        description={
          sandbox.data && !sandbox.data.available
            ? `Code can't run on this server${sandbox.data.reason ? `: ${sandbox.data.reason}` : "."}`
            : `Whether Parley asks before it runs code it wrote${serverMode ? ` (by default, ${SERVER_MODE[serverMode]})` : ""}. A chat's own choice wins.`
        }
        stacked
      >
        <div className="mt-3">
          <ChoiceGroup
            label="Running code"
            name="permission-mode"
            compact
            describedBy={ids.permissionHint}
            choices={permissions}
            value={settings.permission_mode ?? "server"}
            onChange={(mode) => save({ permission_mode: mode === "server" ? null : mode })}
          />
        </div>
        <SaveError keys={["permission_mode"]} />
      </SettingRow>
    </>
  );
}
