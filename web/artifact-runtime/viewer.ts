/*
 * The published-artifact page (/a/{token}): reads the artifact from the page's JSON data block and
 * hands it to the sandboxed frame, exactly as the app's preview panel does. This script runs before
 * the frame element is parsed, so it is listening before the frame can say it is ready.
 */
import {
  parseArtifact,
  readFrameMessage,
  renderMessage,
} from "../src/features/artifacts/frameProtocol";

function frame(): HTMLIFrameElement | null {
  const node = document.getElementById("parley-frame");
  return node instanceof HTMLIFrameElement ? node : null;
}

function readArtifact() {
  try {
    return parseArtifact(JSON.parse(document.getElementById("parley-artifact")?.textContent ?? ""));
  } catch {
    return null;
  }
}

const artifact = readArtifact();
const dark = window.matchMedia("(prefers-color-scheme: dark)");
let sent = false;

function send(): void {
  const target = frame()?.contentWindow;
  if (sent || !artifact || !target) return;
  sent = true;
  target.postMessage(renderMessage(artifact, true, dark.matches ? "dark" : "light"), "*");
}

function say(text: string): void {
  const status = document.getElementById("parley-status");
  if (!status) return;
  status.textContent = text;
  status.hidden = false;
}

window.addEventListener("message", (event) => {
  const message = readFrameMessage(event, frame());
  if (message?.type === "ready") send();
  else if (message?.type === "error") say(`This artifact reported an error: ${message.message}`);
});
// The frame's load event means its runtime is listening, even if the ready message was missed.
document.addEventListener("load", (event) => event.target === frame() && send(), true);
if (!artifact) say("This artifact could not be read.");
