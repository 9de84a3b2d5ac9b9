import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SearchHit, SearchPage } from "../../api/types";
import { useThemeStore } from "../../app/uiStore";
import { SearchPalette } from "./SearchPalette";
import { SearchPaletteSlot } from "./SearchPaletteSlot";
import { closeSearchPalette, useSearchPalette } from "./store";

const hit = (overrides: Partial<SearchHit>): SearchHit => ({
  conversation_id: "c1",
  conversation_title: "Trip planning",
  project_id: null,
  message_id: "m1",
  role: "user",
  snippet: [
    { text: "…pack the ", highlight: false },
    { text: "tent", highlight: true },
    { text: " and stove…", highlight: false },
  ],
  created_at: new Date(Date.now() - 2 * 86_400_000).toISOString(),
  ...overrides,
});

const page = (items: SearchHit[], next_cursor: string | null = null): SearchPage => ({
  items,
  next_cursor,
});

interface Call {
  url: URL;
  signal: AbortSignal | undefined;
  answer: (body: SearchPage, status?: number) => void;
}

/** fetch, answered by hand: each call waits until the test answers it (or aborts it). */
function fakeFetch() {
  const calls: Call[] = [];
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    const url = new URL(String(input), "http://parley.test");
    const signal = init?.signal ?? undefined;
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener("abort", () =>
        reject(new DOMException("The operation was aborted.", "AbortError")),
      );
      calls.push({
        url,
        signal,
        answer: (body, status = 200) =>
          resolve(
            new Response(JSON.stringify(body), {
              status,
              headers: { "Content-Type": "application/json" },
            }),
          ),
      });
    });
  });
  return { calls, spy };
}

function Location() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

function renderPalette(onClose = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={["/"]}>
        <Routes>
          <Route path="*" element={<Location />} />
        </Routes>
        <SearchPalette onClose={onClose} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return {
    onClose,
    box: screen.getByRole("combobox", { name: "Search conversations and actions" }),
  };
}

const location = () => screen.getByTestId("location").textContent;
const options = () => screen.queryAllByRole("option");
const activeOption = (box: HTMLElement) => {
  const id = box.getAttribute("aria-activedescendant");
  return id ? document.getElementById(id) : null;
};

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

describe("SearchPalette", () => {
  beforeEach(() => {
    useThemeStore.setState({ theme: "light" });
    document.documentElement.classList.remove("dark");
  });

  it("opens focused on the search box with the actions listed and no request made", () => {
    const { spy } = fakeFetch();
    const { box } = renderPalette();
    expect(box).toHaveFocus();
    expect(options().map((o) => o.textContent)).toEqual([
      "New chat",
      "New project",
      "Toggle themeSwitch to dark",
      "Settings",
    ]);
    expect(activeOption(box)).toBe(options()[0]);
    expect(spy).not.toHaveBeenCalled();
  });

  it("waits for typing to pause, then asks once for the whole query", async () => {
    const { calls } = fakeFetch();
    const { box } = renderPalette();
    await userEvent.setup().type(box, "tent");
    expect(calls).toHaveLength(0);
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.url.pathname).toBe("/api/search");
    expect(calls[0]?.url.searchParams.get("q")).toBe("tent");
    act(() => calls[0]?.answer(page([hit({})])));
    expect(await screen.findByRole("option", { name: /Trip planning/ })).toBeInTheDocument();
  });

  it("aborts the request for words that have changed since, and keeps the old results meanwhile", async () => {
    const { calls } = fakeFetch();
    const { box } = renderPalette();
    const user = userEvent.setup();
    await user.type(box, "ten");
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() => calls[0]?.answer(page([hit({})])));
    await screen.findByRole("option", { name: /Trip planning/ });

    await user.type(box, "t");
    await waitFor(() => expect(calls).toHaveLength(2));
    await user.type(box, "s");
    await waitFor(() => expect(calls).toHaveLength(3));
    expect(calls[1]?.url.searchParams.get("q")).toBe("tent");
    expect(calls[1]?.signal?.aborted).toBe(true);
    expect(calls[2]?.url.searchParams.get("q")).toBe("tents");
    expect(calls[2]?.signal?.aborted).toBe(false);
    // The results of "ten" stay on screen until the answer for "tents" comes.
    expect(screen.getByRole("option", { name: /Trip planning/ })).toBeInTheDocument();
    act(() => calls[2]?.answer(page([])));
    await waitFor(() =>
      expect(screen.getByRole("status")).toHaveTextContent("No conversations match tents."),
    );
    expect(screen.getByText(/No conversations match “/)).toHaveTextContent(
      "No conversations match “tents”.",
    );
    expect(screen.queryByRole("option", { name: /Trip planning/ })).not.toBeInTheDocument();
  });

  it("moves with the arrow keys, wraps around, and opens the active hit at its message", async () => {
    const { calls } = fakeFetch();
    const { box, onClose } = renderPalette();
    const user = userEvent.setup();
    await user.type(box, "tent");
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() =>
      calls[0]?.answer(
        page([
          hit({}),
          hit({ conversation_id: "c2", conversation_title: "Camping", message_id: "m9" }),
        ]),
      ),
    );
    await screen.findByRole("option", { name: /Camping/ });
    const listed = options();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toHaveTextContent("Trip planning");
    expect(listed[1]).toHaveTextContent("Camping");
    expect(activeOption(box)).toBe(listed[0]);
    expect(listed[0]).toHaveAttribute("aria-selected", "true");

    await user.keyboard("{ArrowDown}");
    expect(activeOption(box)).toBe(listed[1]);
    expect(listed[1]).toHaveAttribute("aria-selected", "true");
    expect(listed[0]).toHaveAttribute("aria-selected", "false");
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(activeOption(box)).toBe(listed[listed.length - 1]);
    await user.keyboard("{ArrowDown}{ArrowDown}{Enter}");

    expect(location()).toBe("/chat/c2?m=m9");
    expect(onClose).toHaveBeenCalled();
  });

  it("follows the pointer and opens a title hit on click", async () => {
    const { calls } = fakeFetch();
    const { box } = renderPalette();
    const user = userEvent.setup();
    await user.type(box, "trip");
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() =>
      calls[0]?.answer(
        page([
          hit({}),
          hit({
            conversation_id: "c3",
            conversation_title: "Trip to Oslo",
            message_id: null,
            role: null,
            snippet: [
              { text: "Trip", highlight: true },
              { text: " to Oslo", highlight: false },
            ],
          }),
        ]),
      ),
    );
    const titleHit = await screen.findByRole("option", { name: /to Oslo/ });
    expect(titleHit.querySelector("mark")).toHaveTextContent("Trip");
    await user.pointer({ target: titleHit, coords: { x: 5, y: 5 } });
    expect(activeOption(box)).toBe(titleHit);
    await user.click(titleHit);
    expect(location()).toBe("/chat/c3");
  });

  it("filters the actions by the query and runs them", async () => {
    fakeFetch();
    const { box, onClose } = renderPalette();
    const user = userEvent.setup();
    await user.type(box, "proj");
    expect(screen.getByRole("group", { name: "Actions" })).toHaveTextContent("New project");
    expect(screen.queryByRole("option", { name: "New chat" })).not.toBeInTheDocument();
    await user.click(screen.getByRole("option", { name: "New project" }));
    expect(location()).toBe("/projects?new=1");
    expect(onClose).toHaveBeenCalled();
  });

  it("opens the settings", async () => {
    fakeFetch();
    const { box, onClose } = renderPalette();
    const user = userEvent.setup();
    await user.type(box, "settings");
    await user.keyboard("{Enter}");
    expect(location()).toBe("/settings");
    expect(onClose).toHaveBeenCalled();
  });

  it("toggles the theme", async () => {
    fakeFetch();
    const { box } = renderPalette();
    const user = userEvent.setup();
    await user.type(box, "dark");
    await user.keyboard("{Enter}");
    expect(useThemeStore.getState().theme).toBe("dark");
  });

  it("says when the search failed and tries again", async () => {
    const { calls } = fakeFetch();
    const { box } = renderPalette();
    const user = userEvent.setup();
    await user.type(box, "tent");
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() =>
      calls[0]?.answer({ detail: "The index is rebuilding." } as unknown as SearchPage, 503),
    );
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Couldn't search. The index is rebuilding.",
    );
    await user.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(calls).toHaveLength(2));
    act(() => calls[1]?.answer(page([hit({})])));
    expect(await screen.findByRole("option", { name: /Trip planning/ })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("loads the next page from the Show more row and moves to its first hit", async () => {
    const { calls } = fakeFetch();
    const { box } = renderPalette();
    const user = userEvent.setup();
    await user.type(box, "tent");
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() => calls[0]?.answer(page([hit({})], "next-1")));
    const more = await screen.findByRole("option", { name: "Show more results" });
    await user.click(more);
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.url.searchParams.get("cursor")).toBe("next-1");
    act(() => calls[1]?.answer(page([hit({ conversation_id: "c7", conversation_title: "Gear" })])));
    const gear = await screen.findByRole("option", { name: /Gear/ });
    expect(activeOption(box)).toBe(gear);
    expect(screen.queryByRole("option", { name: "Show more results" })).not.toBeInTheDocument();
  });
});

describe("Snippet highlighting", () => {
  it("renders markup in a snippet as text, matched words in <mark>", async () => {
    const { calls } = fakeFetch();
    const { box } = renderPalette();
    await userEvent.setup().type(box, "img");
    await waitFor(() => expect(calls).toHaveLength(1));
    act(() =>
      calls[0]?.answer(
        page([
          hit({
            conversation_title: "<b>bold</b> title",
            snippet: [
              { text: "see ", highlight: false },
              { text: '<img src=x onerror="alert(1)">', highlight: true },
              { text: " <script>alert(2)</script>", highlight: false },
            ],
          }),
        ]),
      ),
    );
    const option = await screen.findByRole("option", { name: /bold/ });
    expect(option.querySelector("img, script, b")).toBeNull();
    const marks = option.querySelectorAll("mark");
    expect(marks).toHaveLength(1);
    expect(marks[0]?.textContent).toBe('<img src=x onerror="alert(1)">');
    expect(option).toHaveTextContent("<b>bold</b> title");
    expect(option).toHaveTextContent(
      'You: see <img src=x onerror="alert(1)"> <script>alert(2)</script>',
    );
  });
});

describe("the Ctrl/⌘+K shortcut", () => {
  afterEach(() => closeSearchPalette());

  function renderSlot() {
    const client = new QueryClient();
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <textarea aria-label="Message" />
          <SearchPaletteSlot />
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it("opens the palette from anywhere, even the message box, and closes it again", async () => {
    fakeFetch();
    renderSlot();
    const user = userEvent.setup();
    await user.click(screen.getByRole("textbox", { name: "Message" }));
    await user.keyboard("{Control>}k{/Control}");
    expect(useSearchPalette.getState().open).toBe(true);
    expect(screen.getByRole("combobox")).toHaveFocus();
    await user.keyboard("{Meta>}k{/Meta}");
    expect(useSearchPalette.getState().open).toBe(false);
    expect(screen.queryByRole("combobox")).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveFocus();
  });

  it("leaves the keyboard to another modal that is open", async () => {
    fakeFetch();
    renderSlot();
    const other = document.createElement("dialog");
    other.setAttribute("open", "");
    document.body.append(other);
    await userEvent.setup().keyboard("{Control>}k{/Control}");
    expect(useSearchPalette.getState().open).toBe(false);
    other.remove();
  });

  it("closes on Escape", async () => {
    fakeFetch();
    renderSlot();
    const user = userEvent.setup();
    await user.keyboard("{Control>}k{/Control}");
    const dialog = screen.getByRole("dialog", { name: "Search" });
    dialog.dispatchEvent(new Event("cancel", { cancelable: true }));
    await waitFor(() => expect(useSearchPalette.getState().open).toBe(false));
  });
});
