import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints";
import { filesKeys } from "./keys";

/** The text the server extracted from a file (what models read); 404 when it has none. */
export function useFileText(fileId: string, enabled = true) {
  return useQuery({
    queryKey: filesKeys.text(fileId),
    queryFn: () => api.fileText(fileId),
    enabled,
    // A file's text never changes once stored.
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
