import { useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { useId, useState } from "react";
import type { CustomStyle, SettingsChange, UserSettings } from "../../api/types";
import { IconButton } from "../../components/ui/Button";
import { PencilIcon, PlusIcon } from "../../components/ui/icons";
import { toast } from "../../components/ui/Toast";
import { announce } from "../../lib/announcer";
import { queryKeys } from "../../lib/queryKeys";
import { SaveError } from "./controls";
import { CUSTOM_STYLES_MAX } from "./defaults";
import { StyleDialog, type StyleDraft } from "./StyleDialog";
import { BUILT_IN_STYLES, newStyleId } from "./styles";
import { useShownValue } from "./useShownValue";

const cardClass = (checked: boolean) =>
  clsx(
    "relative flex h-full cursor-pointer flex-col rounded-xl border p-3 pr-11 text-left transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent",
    checked
      ? "border-accent bg-accent-soft/40 ring-1 ring-accent dark:bg-accent-soft/30"
      : "border-line-strong bg-surface hover:border-muted",
  );

function StyleCard({
  id,
  name,
  description,
  checked,
  onChoose,
  onEdit,
}: {
  id: string;
  name: string;
  description: string;
  checked: boolean;
  onChoose: () => void;
  onEdit?: () => void;
}) {
  const inputId = useId();
  return (
    <li className="relative">
      <label htmlFor={inputId} className={cardClass(checked)}>
        <input
          id={inputId}
          type="radio"
          name="style"
          value={id}
          checked={checked}
          onChange={onChoose}
          className="absolute inset-0 z-10 m-0 size-full cursor-pointer appearance-none opacity-0"
        />
        <span className="text-sm font-medium text-ink">{name}</span>
        <span className="mt-0.5 line-clamp-2 text-xs leading-snug text-muted">{description}</span>
      </label>
      {onEdit && (
        <IconButton
          label={`Edit style ${name}`}
          onClick={onEdit}
          className="absolute right-1.5 top-1.5 size-8"
        >
          <PencilIcon className="size-4" />
        </IconButton>
      )}
    </li>
  );
}

/** The style of answers: a built-in one or one of the person's own, which are made here too. */
export function StylePicker({
  settings,
  save,
  labelId,
}: {
  settings: UserSettings;
  save: (change: SettingsChange) => void;
  labelId: string;
}) {
  const queryClient = useQueryClient();
  const custom = settings.custom_styles ?? [];
  const [dialog, setDialog] = useState<{ open: boolean; editing: CustomStyle | null }>({
    open: false,
    editing: null,
  });
  const close = () => setDialog((d) => ({ ...d, open: false }));
  const current = () =>
    queryClient.getQueryData<UserSettings>(queryKeys.settings)?.custom_styles ?? custom;

  const saveStyle = (draft: StyleDraft) => {
    const editing = dialog.editing;
    if (editing) {
      save({
        custom_styles: current().map((s) => (s.id === editing.id ? { ...s, ...draft } : s)),
      });
      announce(`Style ${draft.name} saved.`);
    } else {
      const id = newStyleId(
        draft.name,
        current().map((s) => s.id),
      );
      // A style made is a style wanted: it is chosen at once.
      save({ custom_styles: [...current(), { id, ...draft }], style: id });
      announce(`Style ${draft.name} created and chosen.`);
    }
    close();
  };

  const deleteStyle = (style: CustomStyle) => {
    const wasChosen = settings.style === style.id;
    const at = custom.findIndex((s) => s.id === style.id);
    save({
      custom_styles: current().filter((s) => s.id !== style.id),
      ...(wasChosen ? { style: "normal" } : {}),
    });
    close();
    toast({
      message: wasChosen
        ? `Style “${style.name}” deleted; answers are back to Normal.`
        : `Style “${style.name}” deleted.`,
      action: {
        label: "Undo",
        undo: true,
        onAction: () => {
          const now = current().filter((s) => s.id !== style.id);
          save({
            custom_styles: [...now.slice(0, at), style, ...now.slice(at)],
            ...(wasChosen ? { style: style.id } : {}),
          });
        },
      },
    });
  };

  const [chosen, setChosen] = useShownValue(settings.style);
  const choose = (style: string) => {
    setChosen(style);
    save({ style });
  };
  const full = custom.length >= CUSTOM_STYLES_MAX;
  return (
    <>
      <fieldset aria-labelledby={labelId} className="mt-3 min-w-0">
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {BUILT_IN_STYLES.map((style) => (
            <StyleCard
              key={style.id}
              id={style.id}
              name={style.name}
              description={style.description}
              checked={chosen === style.id}
              onChoose={() => choose(style.id)}
            />
          ))}
          {custom.map((style) => (
            <StyleCard
              key={style.id}
              id={style.id}
              name={style.name}
              description={style.instructions}
              checked={chosen === style.id}
              onChoose={() => choose(style.id)}
              onEdit={() => setDialog({ open: true, editing: style })}
            />
          ))}
          <li>
            <button
              type="button"
              disabled={full}
              onClick={() => setDialog({ open: true, editing: null })}
              className="flex h-full min-h-[4.25rem] w-full items-center justify-center gap-2 rounded-xl border border-dashed border-line-strong px-3 py-3 text-sm font-medium text-ink-soft transition-colors hover:border-muted hover:bg-surface hover:text-ink disabled:cursor-not-allowed disabled:opacity-60"
            >
              <PlusIcon className="size-4" strokeWidth={2.2} />
              {full ? `${CUSTOM_STYLES_MAX} styles: delete one to add another` : "Create style"}
            </button>
          </li>
        </ul>
      </fieldset>
      <SaveError keys={["style", "custom_styles"]} />
      <StyleDialog
        open={dialog.open}
        editing={dialog.editing}
        onClose={close}
        onSave={saveStyle}
        onDelete={deleteStyle}
      />
    </>
  );
}
