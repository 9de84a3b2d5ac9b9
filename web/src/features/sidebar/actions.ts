import type { QueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints";
import type { Conversation } from "../../api/types";
import { dismissToast, toast } from "../../components/ui/Toast";
import { queryKeys } from "../../lib/queryKeys";
import { updateConversationCaches } from "../chat/runManager";
import {
  type ListKey,
  patchedConversations,
  updateList,
  withConversations,
  withoutConversations,
} from "./cache";

/** The server keeps a deleted chat restorable this long (PARLEY_UNDO_SECONDS, 30 s by default;
 * the client is not told otherwise). The toast leaves a second for the restore to arrive. */
export const UNDO_MS = 30_000;
const UNDO_TOAST_MS = UNDO_MS - 1000;

const chats = (n: number) => (n === 1 ? "Chat" : `${n} chats`);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

function idsOf(conversations: readonly Conversation[]): Set<string> {
  return new Set(conversations.map((c) => c.id));
}

interface DeleteOptions {
  /** Which loaded list they are shown in. */
  list: ListKey;
  /** Called once they leave the list (to leave an open chat that was deleted). */
  onRemoved?: (ids: ReadonlySet<string>) => void;
  onRestored?: (ids: ReadonlySet<string>) => void;
}

/**
 * Deletes at once and offers Undo for the server's window. The rows leave the list before the
 * request answers; Undo puts them back before the restore answers, and takes them out again
 * (with a reason) if it fails.
 */
export function deleteConversations(
  queryClient: QueryClient,
  conversations: readonly Conversation[],
  { list, onRemoved, onRestored }: DeleteOptions,
) {
  const ids = idsOf(conversations);
  if (ids.size === 0) return;
  const first = conversations[0];
  updateList(queryClient, list, (data) => withoutConversations(data, ids));
  onRemoved?.(ids);

  const committed =
    ids.size === 1 && first
      ? api.deleteConversation(first.id)
      : api.bulkConversations({ ids: [...ids], action: "delete" }).then(() => undefined);
  let failed = false;
  let undone = false;

  const forget = () => {
    for (const id of ids) {
      queryClient.removeQueries({ queryKey: queryKeys.conversation(id) });
      queryClient.removeQueries({ queryKey: queryKeys.messages(id) });
    }
  };

  const undo = async () => {
    undone = true;
    updateList(queryClient, list, (data) => withConversations(data, conversations));
    try {
      await committed;
    } catch {
      return; // the delete never happened: the rows are back and its failure was reported
    }
    try {
      const restored = await Promise.all([...ids].map((id) => api.restoreConversation(id)));
      updateList(queryClient, list, (data) => withConversations(data, restored));
      onRestored?.(ids);
    } catch (error) {
      updateList(queryClient, list, (data) => withoutConversations(data, ids));
      forget();
      toast({ tone: "error", message: `Couldn't undo: ${reason(error)}` });
    }
  };

  const undoToast = toast({
    message: `${chats(ids.size)} deleted`,
    action: { label: "Undo", onAction: () => void undo(), undo: true },
    durationMs: UNDO_TOAST_MS,
    onClose: (why) => {
      if (why !== "action" && !failed) forget();
    },
  });

  committed.catch((error: unknown) => {
    failed = true;
    if (!undone) {
      updateList(queryClient, list, (data) => withConversations(data, conversations));
      onRestored?.(ids);
    }
    dismissToast(undoToast);
    toast({ tone: "error", message: `Couldn't delete: ${reason(error)}` });
  });
}

/** Archives (or brings back) at once, with Undo; the rows move between the two loaded lists. */
export function setArchived(
  queryClient: QueryClient,
  conversations: readonly Conversation[],
  archived: boolean,
  { offerUndo = true }: { offerUndo?: boolean } = {},
) {
  const ids = idsOf(conversations);
  if (ids.size === 0) return;
  const source: ListKey = archived ? "active" : "archived";
  const target: ListKey = archived ? "archived" : "active";
  const moved = conversations.map((c) => ({ ...c, archived }));
  updateList(queryClient, source, (data) => withoutConversations(data, ids));
  updateList(queryClient, target, (data) => withConversations(data, moved));
  for (const id of ids) {
    queryClient.setQueryData<Conversation>(queryKeys.conversation(id), (prev) =>
      prev ? { ...prev, archived } : prev,
    );
  }

  const first = conversations[0];
  const committed: Promise<readonly Conversation[]> =
    ids.size === 1 && first
      ? api.updateConversation(first.id, { archived }).then((c) => [c])
      : api
          .bulkConversations({ ids: [...ids], action: archived ? "archive" : "unarchive" })
          .then(() => moved);

  committed.then(
    (saved) => updateList(queryClient, target, (data) => withConversations(data, saved)),
    (error: unknown) => {
      updateList(queryClient, target, (data) => withoutConversations(data, ids));
      updateList(queryClient, source, (data) => withConversations(data, conversations));
      toast({
        tone: "error",
        message: `Couldn't ${archived ? "archive" : "unarchive"}: ${reason(error)}`,
      });
    },
  );

  if (!offerUndo) return;
  toast({
    message: `${chats(ids.size)} ${archived ? "archived" : "unarchived"}`,
    action: {
      label: "Undo",
      undo: true,
      onAction: () => {
        void committed.then(
          (saved) => setArchived(queryClient, saved, !archived, { offerUndo: false }),
          () => undefined,
        );
      },
    },
  });
}

/** Moves into a project (null: out of any); the rows stay where they are in the lists. */
export function moveToProject(
  queryClient: QueryClient,
  conversations: readonly Conversation[],
  project: { id: string; name: string } | null,
) {
  const ids = idsOf(conversations);
  if (ids.size === 0) return;
  const projectId = project?.id ?? null;
  for (const list of ["active", "archived"] as const) {
    updateList(queryClient, list, (data) =>
      patchedConversations(data, ids, { project_id: projectId }),
    );
  }
  const first = conversations[0];
  const committed =
    ids.size === 1 && first
      ? api.updateConversation(first.id, { project_id: projectId })
      : api.bulkConversations({ ids: [...ids], action: "move", project_id: projectId });
  committed.then(
    () => {
      for (const id of ids) {
        queryClient.setQueryData<Conversation>(queryKeys.conversation(id), (prev) =>
          prev ? { ...prev, project_id: projectId } : prev,
        );
      }
      // the projects' counts and their lists of chats (features/projects/keys.ts)
      void queryClient.invalidateQueries({ queryKey: ["projects"] });
      void queryClient.invalidateQueries({ queryKey: ["conversations", "project"] });
      toast({
        message: project
          ? `${chats(ids.size)} moved to ${project.name}`
          : `${chats(ids.size)} taken out of ${ids.size === 1 ? "its project" : "their projects"}`,
      });
    },
    (error: unknown) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
      toast({ tone: "error", message: `Couldn't move: ${reason(error)}` });
    },
  );
}

export function renameConversation(queryClient: QueryClient, id: string, title: string) {
  updateConversationCaches(queryClient, id, { title });
  api.updateConversation(id, { title }).then(
    (saved) => updateConversationCaches(queryClient, id, saved),
    (error: unknown) => {
      toast({ tone: "error", message: `Couldn't rename: ${reason(error)}` });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  );
}

export function pinConversation(queryClient: QueryClient, id: string, pinned: boolean) {
  updateConversationCaches(queryClient, id, { pinned });
  api.updateConversation(id, { pinned }).then(
    (saved) => updateConversationCaches(queryClient, id, saved),
    (error: unknown) => {
      toast({ tone: "error", message: `Couldn't ${pinned ? "pin" : "unpin"}: ${reason(error)}` });
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  );
}

/** Copies the newest branch into "Title (copy)" and opens it. */
export function duplicateConversation(
  queryClient: QueryClient,
  id: string,
  open: (copy: Conversation) => void,
) {
  api.duplicateConversation(id).then(
    (copy) => {
      updateList(queryClient, "active", (data) => withConversations(data, [copy]));
      open(copy);
    },
    (error: unknown) => toast({ tone: "error", message: `Couldn't duplicate: ${reason(error)}` }),
  );
}
