import { Injectable, inject } from '@angular/core';
import { PreferencesStore } from '../preferences/preferences.store';

/** The short chime (a bundled WAV made by tools/scripts/generate-notification-sound.mjs), unless muted. */
@Injectable({ providedIn: 'root' })
export class NotificationSound {
  private readonly preferences = inject(PreferencesStore);
  private audio: HTMLAudioElement | null = null;

  play(): void {
    if (this.preferences.soundMuted() || typeof Audio === 'undefined') return;
    this.audio ??= new Audio('sounds/notify.wav');
    this.audio.currentTime = 0;
    // Browsers refuse sound before the first user gesture; a silent miss is fine then.
    this.audio.play().catch(() => undefined);
  }
}
