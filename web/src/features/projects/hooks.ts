import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { api } from "../../api/endpoints";
import type { KnowledgeFileList, Project, ProjectList } from "../../api/types";
import { queryKeys } from "../../lib/queryKeys";
import { prependConversation } from "../sidebar/hooks";
import { projectsKeys } from "./keys";
import { isIndexing, knowledgePollInterval } from "./knowledgeStatus";
import { type ProjectListParams, requestParams } from "./listParams";

type QueryClient = ReturnType<typeof useQueryClient>;

export function useProjects(params: ProjectListParams) {
  const asked = requestParams(params);
  return useQuery({
    queryKey: projectsKeys.list(asked),
    queryFn: () => api.projects(asked),
    // While a search is typed the last answer stays on screen instead of a blank page.
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string | undefined) {
  return useQuery({
    queryKey: projectsKeys.project(id ?? ""),
    queryFn: () => api.project(id ?? ""),
    enabled: Boolean(id),
  });
}

/** A project's latest state in every list it is cached in, and on its own. */
function storeProject(queryClient: QueryClient, project: Project) {
  queryClient.setQueryData(projectsKeys.project(project.id), project);
  queryClient.setQueriesData<ProjectList>({ queryKey: ["projects", "list"] }, (prev) =>
    prev
      ? { items: prev.items.map((p) => (p.id === project.id ? { ...p, ...project } : p)) }
      : prev,
  );
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; description: string }) => api.createProject(body),
    onSuccess: (project) => {
      queryClient.setQueryData(projectsKeys.project(project.id), project);
      void queryClient.invalidateQueries({ queryKey: ["projects", "list"] });
    },
  });
}

export type ProjectChange = Parameters<typeof api.updateProject>[1];

export function useUpdateProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ProjectChange) => api.updateProject(id, change),
    onMutate: (change) => {
      const before = queryClient.getQueryData<Project>(projectsKeys.project(id));
      if (before) queryClient.setQueryData(projectsKeys.project(id), { ...before, ...change });
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(projectsKeys.project(id), context.before);
    },
    onSuccess: (project) => {
      storeProject(queryClient, project);
      // Pinning and archiving move it between lists and within them.
      void queryClient.invalidateQueries({ queryKey: ["projects", "list"] });
    },
  });
}

export function useDeleteProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.deleteProject(id),
    onSuccess: (_void, id) => {
      queryClient.removeQueries({ queryKey: projectsKeys.project(id) });
      queryClient.removeQueries({ queryKey: projectsKeys.knowledge(id) });
      void queryClient.invalidateQueries({ queryKey: ["projects", "list"] });
      // Its chats went with it: the sidebar should no longer show them.
      void queryClient.invalidateQueries({ queryKey: queryKeys.conversations });
    },
  });
}

/** The knowledge files, asked for again every second while any is being read. */
export function useKnowledge(projectId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: projectsKeys.knowledge(projectId),
    queryFn: () => api.knowledge(projectId),
    refetchInterval: (q) => knowledgePollInterval(q.state.data?.items),
  });
  // When the last file is read, the project's file count and token estimate have changed too.
  const wasIndexing = useRef(false);
  const indexing = query.data ? isIndexing(query.data.items) : false;
  useEffect(() => {
    if (wasIndexing.current && !indexing) {
      void queryClient.invalidateQueries({ queryKey: projectsKeys.project(projectId) });
    }
    wasIndexing.current = indexing;
  }, [indexing, projectId, queryClient]);
  return query;
}

export function useRemoveKnowledge(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api.removeKnowledge(projectId, fileId),
    onSuccess: (_void, fileId) => {
      queryClient.setQueryData<KnowledgeFileList>(projectsKeys.knowledge(projectId), (prev) =>
        prev ? { items: prev.items.filter((f) => f.file_id !== fileId) } : prev,
      );
      void queryClient.invalidateQueries({ queryKey: projectsKeys.project(projectId) });
    },
  });
}

export function useProjectConversations(projectId: string) {
  return useInfiniteQuery({
    queryKey: projectsKeys.conversations(projectId),
    queryFn: ({ pageParam }) => api.projectConversations(projectId, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
  });
}

/** Starts a chat inside the project and puts it where the chat screen and the sidebar look. */
export function useStartProjectChat(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (model: string | null) =>
      api.createConversation({ project_id: projectId, ...(model ? { model } : {}) }),
    onSuccess: (conversation) => {
      queryClient.setQueryData(queryKeys.conversation(conversation.id), conversation);
      queryClient.setQueryData(queryKeys.messages(conversation.id), { messages: [] });
      prependConversation(queryClient, conversation);
      void queryClient.invalidateQueries({ queryKey: projectsKeys.conversations(projectId) });
      void queryClient.invalidateQueries({ queryKey: projectsKeys.project(projectId) });
    },
  });
}
