import { SparkIcon } from "../../components/ui/icons";

const EXAMPLES = [
  {
    title: "Explain a concept",
    prompt: "Explain how public-key cryptography works, with a simple analogy.",
  },
  {
    title: "Write some code",
    prompt: "Write a Python function that merges overlapping intervals, with tests.",
  },
  { title: "Plan something", prompt: "Help me plan a relaxed three-day trip to Lisbon in spring." },
  { title: "Improve my writing", prompt: "Make this paragraph clearer and more concise:\n\n" },
];

function greeting(date = new Date()): string {
  const hour = date.getHours();
  if (hour < 5) return "Good evening";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

export function WelcomeHeading({ name }: { name: string | undefined }) {
  const first = name?.trim().split(/\s+/)[0];
  return (
    <h1 className="flex items-center justify-center gap-3 text-center font-serif text-3xl tracking-tight text-ink sm:text-[2.4rem]">
      <SparkIcon className="size-8 shrink-0 text-accent" strokeWidth={2.2} />
      <span>
        {greeting()}
        {first ? `, ${first}` : ""}
      </span>
    </h1>
  );
}

export function ExamplePrompts({ onPick }: { onPick: (prompt: string) => void }) {
  return (
    <ul className="mt-4 grid grid-cols-1 gap-2 sm:grid-cols-2" aria-label="Example prompts">
      {EXAMPLES.map((example) => (
        <li key={example.title}>
          <button
            type="button"
            onClick={() => onPick(example.prompt)}
            className="h-full w-full rounded-xl border border-line bg-surface/60 px-3.5 py-2.5 text-left transition-colors hover:border-line-strong hover:bg-surface"
          >
            <span className="block text-sm font-medium text-ink">{example.title}</span>
            <span className="mt-0.5 block truncate text-sm text-muted">
              {example.prompt.trim()}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
