import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { api } from "../../api/endpoints";
import { ApiError } from "../../api/http";
import type { Source } from "../../api/types";
import { announce } from "../../lib/announcer";
import { openFileViewer, viewedFromStored } from "../files/viewerStore";

/**
 * Opens a cited passage in the file viewer: a PDF at its page, text with the passage marked.
 * `problem` says why it couldn't (the file was taken out of the project since).
 */
export function useOpenSource() {
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const open = useCallback(
    async (source: Source) => {
      setProblem(null);
      try {
        const file = await queryClient.fetchQuery({
          queryKey: ["files", source.file_id, "meta"],
          queryFn: () => api.file(source.file_id),
          staleTime: 60_000,
        });
        openFileViewer(viewedFromStored(file), {
          page: source.page ?? null,
          excerpt: source.excerpt,
        });
      } catch (error) {
        const message =
          error instanceof ApiError && error.status === 404
            ? `“${source.file_name}” is no longer in the project's files.`
            : error instanceof ApiError
              ? error.message
              : `“${source.file_name}” couldn't be opened.`;
        setProblem(message);
        announce(message);
      }
    },
    [queryClient],
  );
  return { open, problem };
}
