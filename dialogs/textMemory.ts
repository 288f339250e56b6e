import { randomUUID } from 'node:crypto';

/** How many texts one dialog keeps at most; the oldest goes first (a busy server forgets, never grows). */
const CAPACITY = 1000;

/**
 * What the user wrote, kept in process memory for a dialog that needs it on a later turn (the
 * question behind "Menade du i stället …?" or a choice that narrows an answer). The dialog's
 * persisted state holds only the opaque key, so no utterance reaches the state file
 * (issue 15: store the extracted facts only). After a restart the text is gone and the dialog
 * goes on without it, as after "börja om".
 */
export class TextMemory {
  private readonly texts = new Map<string, string>();

  /** Keeps `text` and returns the key to store in dialog state. */
  keep(text: string): string {
    const key = randomUUID();
    this.texts.set(key, text);
    if (this.texts.size > CAPACITY) this.texts.delete(this.texts.keys().next().value as string);
    return key;
  }

  /** The text kept under `key`, removed from memory; undefined when unknown (e.g. after a restart). */
  take(key: unknown): string | undefined {
    if (typeof key !== 'string') return undefined;
    const text = this.texts.get(key);
    this.texts.delete(key);
    return text;
  }
}
