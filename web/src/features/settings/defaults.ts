import type { SettingsChange, UserSettings } from "../../api/types";

/** The server's defaults (parley/schemas/settings.py): what a key reads as once set to null. */
export const DEFAULT_SETTINGS: UserSettings = {
  theme: "system",
  locale: null,
  chat_font: "default",
  text_size: "medium",
  reduced_motion: null,
  custom_instructions: "",
  style: "normal",
  custom_styles: [],
  default_model: null,
  permission_mode: null,
  thinking: false,
  thinking_budget: 8_000,
  send_on_enter: true,
  follow_ups: true,
};

export type SettingKey = keyof SettingsChange & keyof UserSettings;

export const CUSTOM_INSTRUCTIONS_MAX = 4_000;
export const STYLE_NAME_MAX = 60;
export const STYLE_INSTRUCTIONS_MAX = 4_000;
export const CUSTOM_STYLES_MAX = 20;
export const THINKING_BUDGET_MIN = 1_024;
export const THINKING_BUDGET_MAX = 64_000;

export function changedKeys(change: SettingsChange): SettingKey[] {
  return Object.keys(change) as SettingKey[];
}

/** The settings as they will be once the server has taken the change: null is the default. */
export function applyChange(settings: UserSettings, change: SettingsChange): UserSettings {
  const next: Record<string, unknown> = { ...settings };
  for (const key of changedKeys(change)) {
    const value = change[key];
    if (value === undefined) continue;
    next[key] = value === null ? DEFAULT_SETTINGS[key] : value;
  }
  return next as unknown as UserSettings;
}

/** `settings` with the given keys put back as they were in `before`. */
export function restoreKeys(
  settings: UserSettings,
  before: UserSettings,
  keys: readonly SettingKey[],
): UserSettings {
  const next: Record<string, unknown> = { ...settings };
  for (const key of keys) next[key] = before[key];
  return next as unknown as UserSettings;
}

const LABELS: Record<SettingKey, string> = {
  theme: "Theme",
  locale: "Language and region",
  chat_font: "Chat font",
  text_size: "Text size",
  reduced_motion: "Reduce motion",
  custom_instructions: "Custom instructions",
  style: "Style",
  custom_styles: "Custom styles",
  default_model: "Default model",
  permission_mode: "Running code",
  thinking: "Extended thinking",
  thinking_budget: "Thinking budget",
  send_on_enter: "Enter to send",
  follow_ups: "Follow-up suggestions",
};

export function settingLabel(key: SettingKey): string {
  return LABELS[key];
}

/**
 * The server's 422 detail ("thinking_budget: Input should be greater than or equal to 1024;
 * …") in the words the page uses ("Thinking budget: Input should be …").
 */
export function readableError(detail: string): string {
  const parts = detail
    .split("; ")
    .map((part) => {
      const match = /^([a-z_]+)((?:\.[\w-]+)*): (.*)$/s.exec(part);
      if (!match) return part;
      const [, key = "", , message = ""] = match;
      const label = key in LABELS ? LABELS[key as SettingKey] : key;
      return `${label}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`;
    })
    .map((part) => (/[.!?]$/.test(part) ? part : `${part}.`));
  return parts.join(" ");
}
