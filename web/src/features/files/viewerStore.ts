import { create } from "zustand";
import type { AttachmentPart, ExecutionFile, FileKind, StoredFile } from "../../api/types";
import { guessKind } from "./kinds";

/** What the viewer needs to show a file: from a chip, a message's part or a run's output. */
export interface ViewedFile {
  id: string;
  name: string;
  mediaType: string;
  kind: FileKind;
  size: number;
  width: number | null;
  height: number | null;
  pages: number | null;
  hasPreview: boolean;
  /** Where Download points: the file's content, or the run output's own address. */
  downloadUrl: string | null;
}

export function viewedFromStored(file: StoredFile): ViewedFile {
  return {
    id: file.id,
    name: file.name,
    mediaType: file.media_type,
    kind: file.kind,
    size: file.size,
    width: file.width ?? null,
    height: file.height ?? null,
    pages: file.pages ?? null,
    hasPreview: file.has_preview,
    downloadUrl: null,
  };
}

export function viewedFromPart(part: AttachmentPart): ViewedFile {
  return {
    id: part.file_id,
    name: part.name,
    mediaType: part.media_type,
    kind: part.kind,
    size: part.size,
    width: part.width ?? null,
    height: part.height ?? null,
    pages: part.pages ?? null,
    hasPreview: part.has_preview,
    downloadUrl: null,
  };
}

/** A run's output file, once it is a file of the conversation (null before: download only). */
export function viewedFromOutput(file: ExecutionFile): ViewedFile | null {
  if (!file.file_id) return null;
  return {
    id: file.file_id,
    name: file.name.split("/").pop() ?? file.name,
    mediaType: file.mime_type,
    kind: file.inline_image ? "image" : guessKind(file.name, file.mime_type),
    size: file.size,
    width: null,
    height: null,
    pages: null,
    hasPreview: false,
    downloadUrl: file.url,
  };
}

/** Where in the file to open it: a cited passage's page (PDFs) and its opening words. */
export interface ViewerPlace {
  page: number | null;
  excerpt: string | null;
}

interface ViewerState {
  file: ViewedFile | null;
  place: ViewerPlace | null;
}

export const useFileViewer = create<ViewerState>(() => ({ file: null, place: null }));

export function openFileViewer(file: ViewedFile, place: ViewerPlace | null = null) {
  useFileViewer.setState({ file, place });
}

export function closeFileViewer() {
  useFileViewer.setState({ file: null, place: null });
}
