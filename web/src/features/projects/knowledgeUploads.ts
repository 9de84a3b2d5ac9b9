import type { QueryClient } from "@tanstack/react-query";
import { create } from "zustand";
import { api } from "../../api/endpoints";
import { uploadFile } from "../../api/files";
import { ApiError } from "../../api/http";
import type { FileLimits, KnowledgeFileList } from "../../api/types";
import { announce } from "../../lib/announcer";
import { formatBytes } from "../../lib/format";
import { projectsKeys } from "./keys";

/** A file on its way into a project's knowledge: uploading, or refused with the reason. */
export interface KnowledgeUpload {
  localId: string;
  name: string;
  size: number;
  /** Share of the body sent, 0 to 1. */
  progress: number;
  error: string | null;
}

interface UploadState {
  byProject: Record<string, KnowledgeUpload[]>;
}

export const useKnowledgeUploads = create<UploadState>(() => ({ byProject: {} }));

const NONE: KnowledgeUpload[] = [];

export function useProjectUploads(projectId: string): KnowledgeUpload[] {
  return useKnowledgeUploads((s) => s.byProject[projectId] ?? NONE);
}

function setList(projectId: string, update: (list: KnowledgeUpload[]) => KnowledgeUpload[]) {
  useKnowledgeUploads.setState((s) => ({
    byProject: { ...s.byProject, [projectId]: update(s.byProject[projectId] ?? NONE) },
  }));
}

function patch(projectId: string, localId: string, change: Partial<KnowledgeUpload>) {
  setList(projectId, (list) => list.map((u) => (u.localId === localId ? { ...u, ...change } : u)));
}

export function dismissUpload(projectId: string, localId: string): void {
  setList(projectId, (list) => list.filter((u) => u.localId !== localId));
}

let sequence = 0;

async function upload(
  queryClient: QueryClient,
  projectId: string,
  localId: string,
  file: File,
): Promise<void> {
  let storedId: string | null = null;
  try {
    const stored = await uploadFile(file, {
      onProgress: (progress) => patch(projectId, localId, { progress }),
    });
    storedId = stored.id;
    const added = await api.addKnowledge(projectId, stored.id);
    // The row moves from the uploads to the knowledge list in one render.
    queryClient.setQueryData<KnowledgeFileList>(projectsKeys.knowledge(projectId), (prev) => ({
      items: [added, ...(prev?.items ?? []).filter((f) => f.file_id !== added.file_id)],
    }));
    dismissUpload(projectId, localId);
    void queryClient.invalidateQueries({ queryKey: projectsKeys.knowledge(projectId) });
    void queryClient.invalidateQueries({ queryKey: projectsKeys.project(projectId) });
  } catch (error) {
    const message = error instanceof ApiError ? error.message : "The upload failed.";
    patch(projectId, localId, { error: message, progress: 0 });
    announce(`${file.name} couldn't be added. ${message}`);
    // Uploaded but refused as knowledge (an image has no text): nothing else refers to it.
    if (storedId) void api.deleteFile(storedId).catch(() => undefined);
  }
}

/** The server's refusal, said before the bytes travel, when a file is over its size limit. */
export function refusalBeforeUpload(file: File, limits: FileLimits | undefined): string | null {
  if (limits && file.size > limits.upload_max_bytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; files may be at most ${formatBytes(limits.upload_max_bytes)}.`;
  }
  return null;
}

/** Uploads files (POST /api/files) and adds each to the project's knowledge as it arrives. */
export function addKnowledgeFiles(
  queryClient: QueryClient,
  projectId: string,
  files: File[],
  limits: FileLimits | undefined,
): void {
  for (const file of files) {
    const localId = `knowledge-${++sequence}`;
    const refusal = refusalBeforeUpload(file, limits);
    setList(projectId, (list) => [
      ...list,
      { localId, name: file.name || "file", size: file.size, progress: 0, error: refusal },
    ]);
    if (refusal) {
      announce(`${file.name} couldn't be added. ${refusal}`);
      continue;
    }
    void upload(queryClient, projectId, localId, file);
  }
}
