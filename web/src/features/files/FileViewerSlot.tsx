import { lazy, Suspense } from "react";
import { closeFileViewer, useFileViewer } from "./viewerStore";

const FileViewer = lazy(() => import("./FileViewer"));

/** Where the file viewer opens; its code loads the first time a file is opened. */
export function FileViewerSlot() {
  const file = useFileViewer((s) => s.file);
  if (!file) return null;
  return (
    <Suspense fallback={null}>
      <FileViewer key={file.id} file={file} onClose={closeFileViewer} />
    </Suspense>
  );
}
