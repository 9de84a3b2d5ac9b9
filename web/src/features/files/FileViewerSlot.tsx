import { lazy, Suspense } from "react";
import { closeFileViewer, useFileViewer } from "./viewerStore";

const FileViewer = lazy(() => import("./FileViewer"));

/** Where the file viewer opens; its code loads the first time a file is opened. */
export function FileViewerSlot() {
  const file = useFileViewer((s) => s.file);
  const place = useFileViewer((s) => s.place);
  if (!file) return null;
  return (
    <Suspense fallback={null}>
      <FileViewer
        // Another place in the same file opens afresh there.
        key={`${file.id}:${place?.page ?? ""}:${place?.excerpt ?? ""}`}
        file={file}
        place={place}
        onClose={closeFileViewer}
      />
    </Suspense>
  );
}
