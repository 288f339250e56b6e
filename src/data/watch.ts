import { watch, type FSWatcher } from 'node:fs';
import { DataError, loadData, type AgreementData, type LoadOptions } from './load.js';

export interface DataWatcher {
  /** Loads data/ again now; on failure the old data stays in use and the problems are returned. */
  reload(): Promise<{ ok: true; version: string } | { ok: false; problems: string[] }>;
  close(): void;
}

/**
 * Keeps `target.data` in step with data/: a changed file is picked up without a restart. A change
 * that does not validate is refused (logged by the caller through `onResult`) and the previous,
 * valid data stays in use, so a half-saved edit never takes the bot down.
 */
export function watchData(
  dir: string,
  target: { data: AgreementData },
  onResult: (result: { ok: true; version: string } | { ok: false; problems: string[] }) => void,
  debounceMs = 300,
  options: LoadOptions = {},
): DataWatcher {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  const reload = async (): Promise<{ ok: true; version: string } | { ok: false; problems: string[] }> => {
    try {
      const fresh = await loadData(dir, options);
      if (fresh.version !== target.data.version) target.data = fresh;
      return { ok: true, version: target.data.version };
    } catch (error) {
      return { ok: false, problems: error instanceof DataError ? error.problems : [String(error)] };
    }
  };

  try {
    watcher = watch(dir, { recursive: true }, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => { void reload().then(onResult); }, debounceMs);
    });
  } catch {
    // Recursive watching is not available on every platform; the reload command still works.
    watcher = undefined;
  }

  return {
    reload,
    close() {
      if (timer) clearTimeout(timer);
      watcher?.close();
    },
  };
}
