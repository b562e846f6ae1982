import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';

export type ThemeName = 'light' | 'dark' | 'highContrast';
export const themeNames: { name: ThemeName; label: string }[] = [
  { name: 'light', label: 'Light' },
  { name: 'dark', label: 'Dark' },
  { name: 'highContrast', label: 'High contrast' },
];

export const themes: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

const key = 'keyguard.theme';
const listeners = new Set<() => void>();

function read(): ThemeName {
  try {
    const v = localStorage.getItem(key);
    if (v === 'light' || v === 'dark' || v === 'highContrast') return v;
  } catch {
    // storage blocked: fall through to the system preference
  }
  if (typeof window !== 'undefined' && window.matchMedia?.('(forced-colors: active)').matches)
    return 'highContrast';
  return 'light';
}

let current: ThemeName | undefined;

export function setTheme(name: ThemeName): void {
  current = name;
  try {
    localStorage.setItem(key, name);
  } catch {
    // the choice still holds for this tab
  }
  listeners.forEach((l) => l());
}

export function useThemeName(): ThemeName {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => (current ??= read()),
  );
}
