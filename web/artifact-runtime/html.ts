import { withoutDeclarativeShadowRoots } from "./document";
import { runtimeUrl } from "./loader";

/*
 * HTML artifacts replace the frame's whole document (document.open/write), so the page runs as
 * written: its scripts in order, DOMContentLoaded and load, its own styles with no runtime CSS.
 * While the artifact streams in, its scripts are left out: half a script would only throw, and
 * side effects would repeat on every update.
 */

// Pages often pull Tailwind from its CDN. The frame cannot reach any CDN, so the tag is pointed at
// the copy Parley ships; the v3 CDN's `tailwind.config = …` then needs a `tailwind` object.
const TAILWIND_CDN =
  /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/(?:cdn\.tailwindcss\.com|[^"'\s>]*@tailwindcss\/browser)[^"'\s>]*["']?[^>]*>\s*<\/script>/gi;

export function usesTailwind(html: string): boolean {
  TAILWIND_CDN.lastIndex = 0;
  return TAILWIND_CDN.test(html);
}

function bundledTailwind(): string {
  return `<script src="${runtimeUrl("tailwind.js")}" crossorigin="anonymous"></script><script>window.tailwind = window.tailwind || { config: {} };</script>`;
}

export function pageToRun(html: string): string {
  return withoutDeclarativeShadowRoots(html).replace(TAILWIND_CDN, () => bundledTailwind());
}

/** The page without its scripts or inline event handlers, for previews while it streams in. */
export function pageToPreview(html: string): string {
  const tailwind = usesTailwind(html);
  const doc = new DOMParser().parseFromString(withoutDeclarativeShadowRoots(html), "text/html");
  for (const script of doc.querySelectorAll("script")) script.remove();
  for (const node of doc.querySelectorAll("*")) {
    for (const attribute of [...node.attributes]) {
      if (attribute.name.toLowerCase().startsWith("on")) node.removeAttribute(attribute.name);
    }
  }
  const head = doc.head.innerHTML;
  const markup = `<!doctype html><html${attributes(doc.documentElement)}><head>${
    tailwind ? `<script src="${runtimeUrl("tailwind.js")}" crossorigin="anonymous"></script>` : ""
  }${head}</head><body${attributes(doc.body)}>${doc.body.innerHTML}</body></html>`;
  return markup;
}

function attributes(element: Element): string {
  let out = "";
  for (const { name, value } of element.attributes) {
    out += ` ${name}="${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`;
  }
  return out;
}
