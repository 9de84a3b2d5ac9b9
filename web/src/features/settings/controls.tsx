import clsx from "clsx";
import { type ReactNode, useId } from "react";
import { AlertIcon } from "../../components/ui/icons";
import type { SettingKey } from "./defaults";
import { useFailureFor } from "./saveStatus";
import { useShownValue } from "./useShownValue";

/** A text field's look, without its width. */
export const fieldLook =
  "rounded-lg border border-line-strong bg-bg px-3 py-2 text-[0.95rem] text-ink placeholder:text-muted focus:border-accent focus:outline-none focus-visible:outline-none focus:ring-2 focus:ring-accent/25 aria-invalid:border-danger";
export const fieldClass = `w-full ${fieldLook}`;

/** Why the last change to these settings was not saved, under the control that made it. */
export function SaveError({ keys, id }: { keys: readonly SettingKey[]; id?: string }) {
  const message = useFailureFor(keys);
  if (!message) return null;
  return (
    <p
      id={id}
      role="alert"
      className="mt-2 flex items-start gap-2 rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger"
    >
      <AlertIcon className="mt-0.5 size-4 shrink-0" />
      <span>Not saved. {message}</span>
    </p>
  );
}

/** A titled setting: name and explanation, then its control; side by side where there is room. */
export function SettingRow({
  label,
  description,
  htmlFor,
  labelId,
  descriptionId,
  control,
  children,
  stacked = false,
  inline = false,
}: {
  label: string;
  description?: ReactNode;
  htmlFor?: string;
  labelId?: string;
  descriptionId?: string;
  control?: ReactNode;
  children?: ReactNode;
  /** The control goes under the label at every width (wide controls). */
  stacked?: boolean;
  /** The control stays beside the label at every width (switches). */
  inline?: boolean;
}) {
  const Label = htmlFor ? "label" : "span";
  return (
    <div className="border-t border-line py-5 first:border-t-0">
      <div
        className={clsx(
          inline
            ? "flex items-center justify-between gap-4 sm:gap-6"
            : clsx(
                "flex flex-col gap-3",
                !stacked && "sm:flex-row sm:items-center sm:justify-between sm:gap-6",
              ),
        )}
      >
        <div className="min-w-0">
          <Label id={labelId} htmlFor={htmlFor} className="block text-sm font-medium text-ink">
            {label}
          </Label>
          {description && (
            <p id={descriptionId} className="mt-1 text-sm leading-relaxed text-muted">
              {description}
            </p>
          )}
        </div>
        {control && <div className="shrink-0">{control}</div>}
      </div>
      {children}
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  description?: string;
  /** A picture of the choice above its name (theme swatches, font samples). */
  preview?: ReactNode;
}

/**
 * One of a few choices as native radio buttons (arrow keys move between them), drawn as cards
 * (three to a row, with a picture each) or, with `compact`, as a segmented control.
 */
export function ChoiceGroup<T extends string>({
  label,
  name,
  choices,
  value,
  onChange,
  compact = false,
  describedBy,
}: {
  label: string;
  name: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
  compact?: boolean;
  describedBy?: string;
}) {
  const groupId = useId();
  const [shown, setShown] = useShownValue(value);
  const pick = (next: T) => {
    setShown(next);
    onChange(next);
  };
  return (
    <fieldset aria-describedby={describedBy} className="min-w-0">
      <legend className="sr-only">{label}</legend>
      <div
        className={clsx(
          compact
            ? "flex w-full rounded-xl border border-line-strong bg-bg p-1 sm:inline-flex sm:w-auto"
            : "grid grid-cols-3 gap-2 sm:gap-3",
        )}
      >
        {choices.map((choice) => {
          const id = `${groupId}-${choice.value}`;
          const checked = choice.value === shown;
          return (
            <label
              key={choice.value}
              htmlFor={id}
              className={clsx(
                "relative cursor-pointer select-none transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent",
                compact
                  ? clsx(
                      "flex-1 whitespace-nowrap rounded-lg px-3 py-1.5 text-center text-sm sm:flex-none sm:px-3.5",
                      checked
                        ? "bg-surface font-medium text-ink shadow-sm ring-1 ring-line-strong"
                        : "text-ink-soft hover:text-ink",
                    )
                  : clsx(
                      "flex flex-col rounded-xl border p-2 text-left sm:p-3",
                      checked
                        ? "border-accent bg-accent-soft/40 ring-1 ring-accent dark:bg-accent-soft/30"
                        : "border-line-strong bg-surface hover:border-muted",
                    ),
              )}
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={choice.value}
                checked={checked}
                onChange={() => pick(choice.value)}
                className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0"
              />
              {!compact && choice.preview && <span className="mb-2.5 block">{choice.preview}</span>}
              <span className={clsx(!compact && "text-sm font-medium text-ink")}>
                {choice.label}
              </span>
              {!compact && choice.description && (
                <span className="mt-0.5 text-xs leading-snug text-muted max-sm:sr-only">
                  {choice.description}
                </span>
              )}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** An on/off setting: a switch named by its row's label. */
export function Switch({
  checked,
  onChange,
  labelledBy,
  describedBy,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  labelledBy: string;
  describedBy?: string;
}) {
  const [on, setOn] = useShownValue(checked);
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClick={() => {
        setOn(!on);
        onChange(!on);
      }}
      className={clsx(
        "relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors",
        on ? "bg-accent-strong" : "bg-line-strong",
      )}
    >
      <span
        aria-hidden="true"
        className={clsx(
          "inline-block size-5 rounded-full bg-white shadow transition-transform",
          on ? "translate-x-[1.375rem]" : "translate-x-0.5",
        )}
      />
    </button>
  );
}
