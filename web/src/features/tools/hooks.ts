import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { api } from "../../api/endpoints";
import { executeArtifact } from "../../api/executions";
import { ApiError } from "../../api/http";
import type {
  Conversation,
  ConversationSettings,
  ExecutionList,
  PermissionMode,
} from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";
import { useConversation } from "../chat/hooks";
import { updateConversationCaches } from "../chat/runManager";
import { finishArtifactRun, startArtifactRunState, updateArtifactRun } from "./artifactRuns";
import { toolKeys } from "./keys";
import { appendOutput } from "./output";

export function useSandbox(enabled = true) {
  return useQuery({
    queryKey: toolKeys.sandbox,
    queryFn: api.sandbox,
    enabled,
    staleTime: 5 * 60_000,
    retry: 1,
  });
}

export type Decision = "approve" | "deny" | "always";

/**
 * Answers a run's request to run code. A 409 means it was answered already (another tab) or the
 * answer ended: not an error for the person; the run's stream, or the refetched message, shows how.
 */
export function useDecideApproval(runId: string | null, conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      toolCallId,
      decision,
    }: {
      toolCallId: string;
      decision: Decision;
    }): Promise<"sent" | "answered"> => {
      if (!runId) throw new ApiError(0, "This answer is no longer running.");
      try {
        await api.decideApproval(runId, toolCallId, {
          approve: decision !== "deny",
          remember: decision === "always",
        });
        return "sent";
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== 409) throw error;
        await queryClient.invalidateQueries({ queryKey: queryKeys.messages(conversationId) });
        return "answered";
      }
    },
  });
}

/** A PATCH replaces all of a conversation's settings: keep the others (the server stores only
 * ConversationSettings keys, without nulls) and set the mode. */
export function withPermissionMode(
  settings: Conversation["settings"],
  mode: PermissionMode,
): ConversationSettings {
  return { ...(settings as ConversationSettings), permission_mode: mode };
}

/** The conversation's own choice, else the server's default (PARLEY_DEFAULT_PERMISSION_MODE). */
export function permissionModeOf(
  conversation: Conversation | undefined,
  serverDefault: PermissionMode = "ask",
): PermissionMode {
  const chosen = conversation?.settings.permission_mode;
  return chosen === "allow" || chosen === "ask" ? chosen : serverDefault;
}

/** Whether code the model wants to run waits for approval in this conversation, and a switch. */
export function usePermissionMode(conversationId: string | undefined) {
  const queryClient = useQueryClient();
  const conversation = useConversation(conversationId);
  const change = useMutation({
    mutationFn: (mode: PermissionMode) => {
      const current = conversation.data;
      if (!current) throw new ApiError(0, "The conversation is still loading.");
      return api.updateConversation(current.id, {
        settings: withPermissionMode(current.settings, mode),
      });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.conversation(updated.id), updated);
      updateConversationCaches(queryClient, updated.id, { settings: updated.settings });
    },
  });
  const serverDefault = useSandbox().data?.default_permission_mode;
  return {
    mode: permissionModeOf(conversation.data, serverDefault),
    loaded: Boolean(conversation.data),
    change,
  };
}

export function useArtifactExecutions(artifactId: string | null, enabled = true) {
  return useQuery({
    queryKey: toolKeys.executions(artifactId ?? ""),
    queryFn: () => api.artifactExecutions(artifactId ?? ""),
    enabled: Boolean(artifactId) && enabled,
    staleTime: 30_000,
  });
}

/**
 * Starts running a code artifact. The run is followed outside any component, so switching tabs or
 * closing the panel keeps its output; the server finishes and records it either way.
 */
export function useRunArtifact() {
  const queryClient = useQueryClient();
  return useCallback(
    (artifactId: string, timeoutSeconds?: number) => {
      startArtifactRunState(artifactId);
      void executeArtifact(artifactId, {
        timeoutSeconds,
        onOutput: (stream, text) =>
          updateArtifactRun(artifactId, (run) => ({
            ...run,
            output: appendOutput(run.output, stream, text),
          })),
      }).then(
        (execution) => {
          finishArtifactRun(artifactId, { status: "done", result: execution, error: null });
          queryClient.setQueryData<ExecutionList>(toolKeys.executions(artifactId), (prev) =>
            prev ? { executions: [execution, ...prev.executions] } : prev,
          );
          void queryClient.invalidateQueries({ queryKey: toolKeys.executions(artifactId) });
        },
        (error: unknown) => {
          const message =
            error instanceof ApiError ? error.message : "The run failed. Please try again.";
          finishArtifactRun(artifactId, { status: "failed", result: null, error: message });
          if (error instanceof ApiError && error.status === 503) {
            void queryClient.invalidateQueries({ queryKey: toolKeys.sandbox });
          }
        },
      );
    },
    [queryClient],
  );
}
