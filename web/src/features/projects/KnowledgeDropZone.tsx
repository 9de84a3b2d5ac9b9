import type { ReactNode } from "react";
import { FileDropZone } from "../files/FileDropZone";

/** The project page takes dropped files as knowledge, with a full-page overlay while dragging. */
export function KnowledgeDropZone({
  onFiles,
  children,
  className,
}: {
  onFiles: (files: File[]) => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <FileDropZone
      onFiles={onFiles}
      className={className}
      title="Drop files to add to the project"
      hint="PDFs, documents, spreadsheets, code and text: every chat in the project can use them"
      focusComposer={false}
      testId="knowledge-drop-zone"
    >
      {children}
    </FileDropZone>
  );
}
