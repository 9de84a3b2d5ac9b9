import { type FormEvent, useId, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api/http";
import { Button } from "../../components/ui/Button";
import { Logo } from "../../components/ui/Logo";
import { useLogin, useMe, useRegister } from "./hooks";

function Field({
  label,
  type,
  value,
  onChange,
  autoComplete,
  hint,
  minLength,
}: {
  label: string;
  type: string;
  value: string;
  onChange: (v: string) => void;
  autoComplete: string;
  hint?: string;
  minLength?: number;
}) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink-soft">
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        required
        minLength={minLength}
        autoComplete={autoComplete}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="w-full rounded-lg border border-line-strong bg-surface px-3.5 py-2.5 text-[0.95rem] text-ink shadow-sm outline-none transition focus:border-accent focus:ring-2 focus:ring-accent/30"
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
    </div>
  );
}

function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function AuthPage({ mode }: { mode: "login" | "signup" }) {
  const me = useMe();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const register = useRegister();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const pending = login.isPending || register.isPending;
  const next = safeNext(params.get("next"));

  if (me.data) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (mode === "signup" && !name.trim()) {
      setError("Enter your name.");
      return;
    }
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) {
      setError("Enter a valid email address.");
      return;
    }
    if (mode === "signup" && password.length < 8) {
      setError("Use a password of at least 8 characters.");
      return;
    }
    try {
      if (mode === "login") await login.mutateAsync({ email, password });
      else await register.mutateAsync({ email, password, name });
      navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError) {
        if (mode === "login" && err.status === 401)
          setError("That email and password don't match.");
        else if (mode === "signup" && err.status === 409)
          setError("An account with this email already exists. Try signing in.");
        else if (mode === "signup" && err.status === 403)
          setError("Sign-up is disabled on this server. Ask an administrator for an account.");
        else setError(err.message);
      } else setError("Something went wrong. Please try again.");
    }
  };

  const isLogin = mode === "login";
  return (
    <main className="flex min-h-full items-center justify-center bg-bg px-4 py-12">
      <div className="w-full max-w-sm animate-fade-in">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="size-11" />
          <h1 className="mt-5 font-serif text-3xl tracking-tight text-ink">
            {isLogin ? "Welcome back" : "Create your account"}
          </h1>
          <p className="mt-2 text-sm text-muted">
            {isLogin
              ? "Sign in to continue to Parley."
              : "Your own private place to think with AI."}
          </p>
        </div>
        <form
          onSubmit={submit}
          noValidate
          className="space-y-4 rounded-2xl border border-line bg-surface p-6 shadow-sm"
          aria-label={isLogin ? "Sign in" : "Sign up"}
        >
          {!isLogin && (
            <Field label="Name" type="text" value={name} onChange={setName} autoComplete="name" />
          )}
          <Field
            label="Email"
            type="email"
            value={email}
            onChange={setEmail}
            autoComplete="email"
          />
          <Field
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete={isLogin ? "current-password" : "new-password"}
            hint={isLogin ? undefined : "At least 8 characters."}
            minLength={isLogin ? undefined : 8}
          />
          {error && (
            <p role="alert" className="rounded-lg bg-danger-soft px-3 py-2 text-sm text-danger">
              {error}
            </p>
          )}
          <Button type="submit" variant="primary" className="w-full py-2.5" disabled={pending}>
            {pending ? "Please wait…" : isLogin ? "Sign in" : "Create account"}
          </Button>
        </form>
        <p className="mt-6 text-center text-sm text-muted">
          {isLogin ? "New to Parley? " : "Already have an account? "}
          <Link
            to={isLogin ? "/signup" : "/login"}
            className="font-medium text-accent-strong underline-offset-2 hover:underline dark:text-[#e8957a]"
          >
            {isLogin ? "Create an account" : "Sign in"}
          </Link>
        </p>
      </div>
    </main>
  );
}
