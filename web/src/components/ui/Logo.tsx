export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="9" fill="#CC785C" />
      <path
        d="M9 10.5c0-1.4 1.1-2.5 2.5-2.5h9c1.4 0 2.5 1.1 2.5 2.5v7c0 1.4-1.1 2.5-2.5 2.5H15l-4.2 3.4c-.5.4-1.3 0-1.3-.6V20.4A2.5 2.5 0 0 1 9 18z"
        fill="#FAF9F5"
      />
    </svg>
  );
}
