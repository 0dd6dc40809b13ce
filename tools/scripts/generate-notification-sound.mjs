// Writes apps/web/public/sounds/notify.wav: a soft two-note chime (8-bit mono, 16 kHz, ~0.35 s),
// generated here so the repo holds no third-party audio. Run: node tools/scripts/generate-notification-sound.mjs
import { writeFileSync } from 'node:fs';

const rate = 16000;
const notes = [
  { hz: 987.77, start: 0, length: 0.16 },
  { hz: 1318.51, start: 0.12, length: 0.23 },
];
const total = Math.ceil(rate * 0.36);
const samples = new Float32Array(total);
for (const note of notes) {
  const from = Math.floor(note.start * rate);
  const count = Math.floor(note.length * rate);
  for (let i = 0; i < count && from + i < total; i++) {
    const t = i / rate;
    const envelope = Math.min(1, i / 80) * Math.exp(-t * 14);
    samples[from + i] += 0.45 * envelope * Math.sin(2 * Math.PI * note.hz * t);
  }
}
const data = Buffer.alloc(total);
samples.forEach((value, i) => data.writeUInt8(Math.round(128 + 127 * Math.max(-1, Math.min(1, value))), i));
const header = Buffer.alloc(44);
header.write('RIFF', 0);
header.writeUInt32LE(36 + data.length, 4);
header.write('WAVEfmt ', 8);
header.writeUInt32LE(16, 16);
header.writeUInt16LE(1, 20); // PCM
header.writeUInt16LE(1, 22); // mono
header.writeUInt32LE(rate, 24);
header.writeUInt32LE(rate, 28); // byte rate (8-bit mono)
header.writeUInt16LE(1, 32); // block align
header.writeUInt16LE(8, 34);
header.write('data', 36);
header.writeUInt32LE(data.length, 40);
writeFileSync('apps/web/public/sounds/notify.wav', Buffer.concat([header, data]));
