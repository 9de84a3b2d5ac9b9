import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "../../api/endpoints";
import { ApiError } from "../../api/http";
import type { ModelList, SettingsChange, UserSettings } from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";
import { settingsChannel } from "./crossTab";
import { applyChange, changedKeys, readableError, restoreKeys } from "./defaults";
import { saveFailed, saveStarted, saveSucceeded, useSaveStatus } from "./saveStatus";

// Fetched once per tab; saves, and other tabs' messages, keep it current.
export const settingsQuery = queryOptions({
  queryKey: queryKeys.settings,
  queryFn: api.settings,
  staleTime: Number.POSITIVE_INFINITY,
});

export function useSettings() {
  return useQuery(settingsQuery);
}

/** Whether Enter sends in the message box (true until the settings are known). */
export function useSendOnEnter(): boolean {
  const query = useQuery({ ...settingsQuery, select: (s) => s.send_on_enter });
  return query.data ?? true;
}

/** The model a new chat starts with: the person's choice while the server offers it, else the server's. */
export function useNewChatModel(models: ModelList | undefined): string | null {
  const chosen = useQuery({ ...settingsQuery, select: (s) => s.default_model }).data ?? null;
  if (!models) return null;
  return chosen && models.models.some((m) => m.id === chosen) ? chosen : models.default_model;
}

function describeFailure(error: Error): string {
  if (error instanceof ApiError && error.status === 422) return readableError(error.message);
  return error.message || "The change could not be saved.";
}

/**
 * Saves a change at once and shows it at once. Saves go one after another, so the server
 * applies them in the order made; only the last answer is written back over what is shown.
 */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  const { mutate } = useMutation({
    mutationKey: ["settings", "save"],
    scope: { id: "settings" },
    mutationFn: (change: SettingsChange) => api.updateSettings(change),
    onMutate: (change) => {
      void queryClient.cancelQueries({ queryKey: queryKeys.settings });
      const before = queryClient.getQueryData<UserSettings>(queryKeys.settings);
      if (before) queryClient.setQueryData(queryKeys.settings, applyChange(before, change));
      saveStarted();
      return { before };
    },
    onSuccess: (saved, change) => {
      if (useSaveStatus.getState().pending <= 1) {
        queryClient.setQueryData(queryKeys.settings, saved);
      }
      saveSucceeded(changedKeys(change));
      settingsChannel().notify();
    },
    onError: (error, change, context) => {
      const keys = changedKeys(change);
      const before = context?.before;
      if (before) {
        queryClient.setQueryData<UserSettings>(queryKeys.settings, (now) =>
          now ? restoreKeys(now, before, keys) : now,
        );
      }
      saveFailed({ keys, message: describeFailure(error) });
    },
  });
  return useCallback((change: SettingsChange) => mutate(change), [mutate]);
}
