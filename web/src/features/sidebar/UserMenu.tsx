import { Settings } from "lucide-react";
import { useNavigate } from "react-router";
import { useThemeStore } from "../../app/uiStore";
import { LogoutIcon, MonitorIcon, MoonIcon, SunIcon } from "../../components/ui/icons";
import { Menu } from "../../components/ui/Menu";
import { useLogout, useMe } from "../auth/hooks";

export function UserMenu() {
  const me = useMe();
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  const logout = useLogout();
  const navigate = useNavigate();
  const user = me.data;
  if (!user) return null;
  const initial = (user.name || user.email).trim().charAt(0).toUpperCase();

  return (
    <Menu
      label="Account menu"
      labelTrigger={false}
      placement="above-start"
      menuClassName="w-64"
      triggerClassName="flex w-full items-center gap-2.5 rounded-xl px-2 py-2 text-left transition-colors hover:bg-line/60"
      trigger={
        <>
          <span className="sr-only">Account menu</span>
          <span
            aria-hidden="true"
            className="flex size-8 shrink-0 items-center justify-center rounded-full bg-ink text-sm font-semibold text-bg"
          >
            {initial}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-medium text-ink">{user.name}</span>
            <span className="block truncate text-xs text-muted">{user.email}</span>
          </span>
        </>
      }
      sections={[
        {
          heading: "Theme",
          items: [
            {
              label: "Light",
              icon: <SunIcon />,
              checked: theme === "light",
              onSelect: () => setTheme("light"),
            },
            {
              label: "Dark",
              icon: <MoonIcon />,
              checked: theme === "dark",
              onSelect: () => setTheme("dark"),
            },
            {
              label: "Auto",
              icon: <MonitorIcon />,
              checked: theme === "auto",
              onSelect: () => setTheme("auto"),
            },
          ],
        },
        {
          items: [
            {
              label: "Settings",
              icon: <Settings className="size-4" aria-hidden="true" />,
              onSelect: () => navigate("/settings"),
            },
            {
              label: "Sign out",
              icon: <LogoutIcon />,
              onSelect: () => logout.mutate(undefined, { onSettled: () => navigate("/login") }),
            },
          ],
        },
      ]}
    />
  );
}
