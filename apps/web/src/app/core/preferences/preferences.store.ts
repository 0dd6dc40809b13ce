import { DOCUMENT } from '@angular/common';
import { Injectable, effect, inject, signal, type WritableSignal } from '@angular/core';
import type { Language } from '../i18n/i18n.service';

export type Theme = 'dark' | 'light';

const KEYS = { theme: 'fasto.theme', sidebar: 'fasto.sidebarCollapsed', language: 'fasto.language', muted: 'fasto.soundMuted' } as const;

/** Per-browser preferences kept in localStorage (never anything secret): theme, sidebar, language, sound. */
@Injectable({ providedIn: 'root' })
export class PreferencesStore {
  private readonly document = inject(DOCUMENT);
  private readonly storage: Storage | null = this.document.defaultView?.localStorage ?? null;

  readonly theme = this.persisted<Theme>(KEYS.theme, 'dark', (v) => v === 'dark' || v === 'light');
  readonly sidebarCollapsed = this.persisted<boolean>(KEYS.sidebar, false, (v) => typeof v === 'boolean');
  readonly language = this.persisted<Language>(KEYS.language, 'pt-BR', (v) => v === 'pt-BR' || v === 'en');
  readonly soundMuted = this.persisted<boolean>(KEYS.muted, false, (v) => typeof v === 'boolean');

  constructor() {
    effect(() => {
      const root = this.document.documentElement;
      root.classList.toggle('dark', this.theme() === 'dark');
      root.style.colorScheme = this.theme();
      root.lang = this.language();
    });
  }

  toggleTheme(): void {
    this.theme.update((theme) => (theme === 'dark' ? 'light' : 'dark'));
  }

  private persisted<T>(key: string, fallback: T, valid: (value: unknown) => boolean): WritableSignal<T> {
    const value = signal<T>(this.read(key, fallback, valid));
    effect(() => this.storage?.setItem(key, JSON.stringify(value())));
    return value;
  }

  private read<T>(key: string, fallback: T, valid: (value: unknown) => boolean): T {
    try {
      const stored: unknown = JSON.parse(this.storage?.getItem(key) ?? 'null');
      return valid(stored) ? (stored as T) : fallback;
    } catch {
      return fallback;
    }
  }
}
