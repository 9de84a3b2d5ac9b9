import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import ProjectsPage from "./ProjectsPage";
import { json, project } from "./testing";

function serveProjects() {
  const asked: URL[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    const url = new URL(String(input), "http://parley.test");
    asked.push(url);
    const q = url.searchParams.get("q") ?? "";
    const items = [
      project({ id: "z", name: "Zebra research", description: "Stripes" }),
      project({ id: "a", name: "Apple orchard", description: "Harvest notes" }),
    ].filter((p) => `${p.name} ${p.description}`.toLowerCase().includes(q.toLowerCase()));
    return json({ items });
  });
  const lists = () => asked.filter((u) => u.pathname === "/api/projects");
  return { last: () => lists()[lists().length - 1]?.searchParams.toString(), lists };
}

function Location() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

function renderPage(at = "/projects") {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[at]}>
        <Routes>
          <Route
            path="/projects"
            element={
              <>
                <ProjectsPage />
                <Location />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const location = () => screen.getByTestId("location").textContent;

beforeAll(() => {
  // jsdom has the element but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
  };
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("ProjectsPage", () => {
  it("shows a card per project with its counts", async () => {
    serveProjects();
    renderPage();
    const cards = await screen.findAllByTestId("project-card");
    expect(cards.map((c) => c.textContent)).toEqual([
      expect.stringContaining("Zebra research"),
      expect.stringContaining("Apple orchard"),
    ]);
    expect(cards[0]).toHaveTextContent(/2 chats\s*·\s*1 file\s*·\s*Updated/);
    expect(cards[0]).toHaveAttribute("href", "/projects/z");
  });

  it("asks the server as the search is typed, and keeps it in the URL", async () => {
    const server = serveProjects();
    const user = userEvent.setup();
    renderPage();
    await screen.findAllByTestId("project-card");
    expect(server.last()).toBe("archived=false&sort=activity");

    await user.type(screen.getByRole("searchbox", { name: "Search projects" }), "stripe");
    await waitFor(() => expect(server.last()).toBe("archived=false&q=stripe&sort=activity"));
    await waitFor(() => expect(screen.getAllByTestId("project-card")).toHaveLength(1));
    expect(location()).toBe("/projects?q=stripe");

    await user.clear(screen.getByRole("searchbox", { name: "Search projects" }));
    await user.type(screen.getByRole("searchbox", { name: "Search projects" }), "nothing");
    expect(await screen.findByRole("status")).toHaveTextContent("No projects match “nothing”.");
  });

  it("sorts by the chosen order and shows the archived ones on request", async () => {
    const server = serveProjects();
    const user = userEvent.setup();
    renderPage();
    await screen.findAllByTestId("project-card");

    await user.click(screen.getByRole("button", { name: "Sort by Recent activity" }));
    await user.click(screen.getByRole("menuitemradio", { name: "Name" }));
    await waitFor(() => expect(server.last()).toBe("archived=false&sort=name"));
    expect(location()).toBe("/projects?sort=name");
    expect(screen.getByRole("button", { name: "Sort by Name" })).toBeVisible();

    const archived = screen.getByRole("button", { name: "Archived" });
    await user.click(archived);
    await waitFor(() => expect(server.last()).toBe("archived=true&sort=name"));
    expect(archived).toHaveAttribute("aria-pressed", "true");
    expect(location()).toBe("/projects?sort=name&archived=true");
  });

  it("opens the New project dialog from ?new=1 and drops it from the URL on close", async () => {
    serveProjects();
    const user = userEvent.setup();
    renderPage("/projects?new=1");
    const dialog = await screen.findByRole("dialog", { name: "Create a project" });
    expect(dialog).toBeVisible();
    expect(screen.getByRole("button", { name: "Create project" })).toBeDisabled();
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(location()).toBe("/projects");
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
