import { post, reportError, reportThrown } from "./report";

/*
 * What the frame's document needs around the artifact: error and size reporting, and a few guards
 * the CSP cannot express. document.open() (how HTML artifacts are written) erases every listener on
 * the document and window, so installListeners() runs again after each one.
 */

// WebRTC is not governed by CSP in Chromium: a peer connection could reach any STUN/TURN host. No
// artifact needs it, so the constructors go before any artifact code runs, and nested frames (a
// fresh realm would bring them back) are removed as soon as they appear.
export function removeNetworkCapableGlobals(): void {
  for (const name of Object.getOwnPropertyNames(window)) {
    if (/^(webkit)?RTC/.test(name)) Reflect.deleteProperty(window, name);
  }
}

const NESTED_CONTEXTS = "iframe, frame, frameset, object, embed, portal, fencedframe";
const PREFETCH_RELS = /\b(preconnect|dns-prefetch|prefetch|prerender|preload|modulepreload)\b/i;

function neutralise(element: Element): void {
  const tag = element.localName;
  if (element.matches(NESTED_CONTEXTS)) {
    element.remove();
  } else if (tag === "link" && PREFETCH_RELS.test(element.getAttribute("rel") ?? "")) {
    element.remove();
  } else if (
    tag === "script" &&
    element.getAttribute("type")?.toLowerCase() === "speculationrules"
  ) {
    element.remove();
  } else if (tag === "meta" && element.getAttribute("http-equiv")?.toLowerCase() === "refresh") {
    element.remove();
  }
}

const GUARDED = `${NESTED_CONTEXTS}, link[rel], script[type], meta[http-equiv]`;

function guardNodes(nodes: Iterable<Node>): void {
  for (const node of nodes) {
    if (!(node instanceof Element)) continue;
    neutralise(node);
    for (const inner of node.querySelectorAll(GUARDED)) neutralise(inner);
  }
}

const GUARD_OPTIONS: MutationObserverInit = {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ["rel", "type", "http-equiv"],
};
const guard = new MutationObserver((records) => {
  for (const record of records) {
    if (record.type === "childList") guardNodes(record.addedNodes);
    else guardNodes([record.target]);
  }
});

function guardDocument(): void {
  guard.observe(document, GUARD_OPTIONS);
  guardNodes(document.children);
}

// Shadow roots are outside the document's subtree: watch each one made by script, and keep markup
// from declaring any (a closed declarative root could not be watched at all), whether it arrives
// in the page, through document.write or through setHTMLUnsafe/parseHTMLUnsafe.
const DECLARATIVE_SHADOW_ROOT = /\bshadowroot(mode)?(?=\s*=)/gi;

export function withoutDeclarativeShadowRoots(markup: string): string {
  return markup.replace(DECLARATIVE_SHADOW_ROOT, "data-parley-inert-shadowroot");
}

export function guardShadowRoots(): void {
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    guard.observe(root, GUARD_OPTIONS);
    return root;
  };
  type HtmlSetter = (this: unknown, html: string, options?: unknown) => void;
  const prototypes = [Element.prototype, ShadowRoot.prototype];
  for (const target of prototypes as unknown as Record<string, unknown>[]) {
    for (const name of ["setHTMLUnsafe", "setHTML"]) {
      const setter = target[name] as HtmlSetter | undefined;
      if (typeof setter !== "function") continue;
      target[name] = function (this: unknown, html: string, options?: unknown) {
        setter.call(this, withoutDeclarativeShadowRoots(String(html)), options);
      };
    }
  }
  const { write, writeln } = Document.prototype;
  Document.prototype.write = function (this: Document, ...text: string[]) {
    write.call(this, withoutDeclarativeShadowRoots(text.join("")));
  };
  Document.prototype.writeln = function (this: Document, ...text: string[]) {
    writeln.call(this, withoutDeclarativeShadowRoots(text.join("")));
  };
  const documentClass = Document as unknown as Record<string, unknown>;
  const parseHTMLUnsafe = documentClass.parseHTMLUnsafe as
    | ((html: string, options?: unknown) => Document)
    | undefined;
  if (typeof parseHTMLUnsafe === "function") {
    documentClass.parseHTMLUnsafe = (html: string, options?: unknown) =>
      parseHTMLUnsafe.call(Document, withoutDeclarativeShadowRoots(String(html)), options);
  }
}

// A link would navigate the frame away from the runtime (and the app's frame-src refuses other
// origins anyway): links inside previews stay inert, except jumps within the page.
function keepLinksInPage(event: MouseEvent): void {
  const target =
    event.target instanceof Element ? event.target.closest("a[href], area[href]") : null;
  if (!target) return;
  const href = target.getAttribute("href") ?? "";
  if (href.startsWith("#") && href.length > 1) return;
  event.preventDefault();
}

let lastHeight = -1;
let heightFrame = 0;
let sizeObserver: ResizeObserver | null = null;

// The content's own height, not the viewport's: a Range around the body's contents measures text
// and elements alike, in standards and quirks mode (where body.scrollHeight is the viewport).
function measure(): number {
  const body = document.body;
  if (!body) return 0;
  const range = document.createRange();
  range.selectNodeContents(body);
  const content = range.getBoundingClientRect();
  const style = getComputedStyle(body);
  const below = Number.parseFloat(style.paddingBottom) + Number.parseFloat(style.marginBottom);
  const bottom = content.bottom + window.scrollY + (Number.isFinite(below) ? below : 0);
  return Math.max(0, Math.ceil(bottom));
}

export function reportHeight(): void {
  cancelAnimationFrame(heightFrame);
  heightFrame = requestAnimationFrame(() => {
    const height = measure();
    if (height !== lastHeight) {
      lastHeight = height;
      post({ parley: 1, type: "height", height });
    }
  });
}

export function observeLayout(): void {
  sizeObserver?.disconnect();
  sizeObserver = new ResizeObserver(reportHeight);
  sizeObserver.observe(document.documentElement);
  if (document.body) sizeObserver.observe(document.body);
  reportHeight();
}

export function installListeners(onMessage: (event: MessageEvent) => void): void {
  window.addEventListener("message", onMessage);
  window.addEventListener("error", (event) => {
    const where = event.filename ? ` (${event.filename.split("/").pop()}:${event.lineno})` : "";
    if (event.error !== undefined && event.error !== null) reportThrown(event.error);
    else reportError(event.message || "Script error", where ? `at${where}` : undefined);
  });
  window.addEventListener("unhandledrejection", (event) => reportThrown(event.reason));
  window.addEventListener("click", keepLinksInPage, true);
  // The sandbox refuses form submission anyway; cancelling it keeps the console quiet and lets
  // the artifact's own submit handlers run.
  window.addEventListener("submit", (event) => event.preventDefault(), true);
  guardDocument();
}

/** Replaces the whole document, keeping this window (and so the runtime) alive. */
export function writeDocument(html: string, onMessage: (event: MessageEvent) => void): void {
  document.open();
  installListeners(onMessage);
  document.write(html);
  document.close();
  lastHeight = -1;
  observeLayout();
}
