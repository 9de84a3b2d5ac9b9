import { useCallback, useState } from "react";

const NO_CHOICES: Record<string, string> = {};

/** Which attempt the reader picked at each fork (keyed by parent id), for one conversation only. */
export function useBranchChoices(
  id: string | undefined,
): [Record<string, string>, (key: string, childId: string | null) => void] {
  const [picked, setPicked] = useState<{ id: string | undefined; choices: Record<string, string> }>(
    {
      id,
      choices: {},
    },
  );
  const choices = picked.id === id ? picked.choices : NO_CHOICES;
  const setChoice = useCallback(
    (key: string, childId: string | null) =>
      setPicked((prev) => {
        const base = prev.id === id ? { ...prev.choices } : {};
        if (childId) base[key] = childId;
        else delete base[key];
        return { id, choices: base };
      }),
    [id],
  );
  return [choices, setChoice];
}
