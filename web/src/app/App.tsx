import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { api } from "../api/endpoints";
import { ApiError } from "../api/http";
import { AuthPage } from "../features/auth/AuthPage";
import { useMe } from "../features/auth/hooks";
import ChatRoute from "../features/chat/ChatRoute";
import { SettingsEffects } from "../features/settings/SettingsEffects";
import { queryKeys } from "../lib/queryKeys";
import { LiveRegion } from "./LiveRegion";
import { Shell } from "./Shell";
import { useApplyTheme } from "./useApplyTheme";

// An expired session anywhere sends the user back to sign in, instead of a screen of errors.
const onApiError = (error: Error) => {
  if (error instanceof ApiError && error.status === 401)
    queryClient.setQueryData(queryKeys.me, null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      refetchOnWindowFocus: false,
      retry: (count, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});

// Opening /chat/:id directly (a reload, a link) fetches the messages alongside the session check
// instead of after it: the longest request of a cold load starts at once.
const openedChat = /^\/chat\/([^/]+)$/.exec(window.location.pathname)?.[1];
if (openedChat) {
  const id = decodeURIComponent(openedChat);
  void queryClient.prefetchQuery({
    queryKey: queryKeys.messages(id),
    queryFn: () => api.messages(id),
  });
}

// Loaded when first opened: the chat screen is what most visits need.
const ProjectsPage = lazy(() => import("../features/projects/ProjectsPage"));
const ProjectPage = lazy(() => import("../features/projects/ProjectPage"));
const SettingsPage = lazy(() => import("../features/settings/SettingsPage"));

function Splash() {
  return (
    <div className="flex h-full items-center justify-center" role="status" aria-label="Loading">
      <span className="streaming-caret" />
    </div>
  );
}

function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Splash />;
  if (!me.data) {
    const next = location.pathname === "/" ? "" : `?next=${encodeURIComponent(location.pathname)}`;
    return <Navigate to={`/login${next}`} replace />;
  }
  return <>{children}</>;
}

function Routed() {
  useApplyTheme();
  return (
    <Routes>
      <Route path="/login" element={<AuthPage mode="login" />} />
      <Route path="/signup" element={<AuthPage mode="signup" />} />
      <Route
        element={
          <RequireAuth>
            <SettingsEffects />
            <Shell />
          </RequireAuth>
        }
      >
        <Route path="/" element={<ChatRoute />} />
        <Route path="/chat/:id" element={<ChatRoute />} />
        <Route
          path="/projects"
          element={
            <Suspense fallback={<Splash />}>
              <ProjectsPage />
            </Suspense>
          }
        />
        <Route
          path="/projects/:id"
          element={
            <Suspense fallback={<Splash />}>
              <ProjectPage />
            </Suspense>
          }
        />
        <Route
          path="/settings"
          element={
            <Suspense fallback={<Splash />}>
              <SettingsPage />
            </Suspense>
          }
        />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routed />
        <LiveRegion />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
