// A per-key cache of database rows that changes drop here and on the other instances (by topic,
// lib/cache/invalidation.ts), bounded by a lifetime (a missed notice) and a size.
// Its generation counter closes a race: a load that read the rows before a change committed may
// finish after that change's invalidation; it must not put the stale rows back. Each invalidation
// bumps the generation, and a load stores what it read only when the generation did not move
// while it ran (it still answers its own caller with what it read).
import { onInvalidate, type CacheTopic } from "./invalidation";

interface State<V> {
  entries: Map<string, V>;
  loadedAt: number;
  generation: number;
}

interface KeyedCache<V> {
  /** Cached values of these keys; `load` reads the missing ones (a key it leaves out stays missing). */
  getMany(keys: readonly string[], load: (missing: string[]) => Promise<Map<string, V>>): Promise<Map<string, V>>;
  /** Drops everything (what an invalidation of the topic does). */
  clear(): void;
}

export function createKeyedCache<V>(options: {
  /** Unique name: the state lives on globalThis, shared by Next's bundles and the custom server. */
  name: string;
  topic: CacheTopic;
  lifetimeMs: number;
  maxEntries: number;
}): KeyedCache<V> {
  const holder = globalThis as unknown as Record<string, State<V> | undefined>;
  const key = `__keyedCache_${options.name}`;
  const fresh = holder[key] === undefined;
  const state = (holder[key] ??= { entries: new Map(), loadedAt: Date.now(), generation: 0 });
  const clear = () => {
    state.entries.clear();
    state.loadedAt = Date.now();
    state.generation++;
  };
  // Once per process: a module evaluated again (another bundle) shares the state and the listener.
  if (fresh) onInvalidate(options.topic, clear);

  return {
    clear,
    async getMany(keys, load) {
      if (Date.now() - state.loadedAt > options.lifetimeMs || state.entries.size > options.maxEntries) clear();
      const missing = [...new Set(keys)].filter((k) => !state.entries.has(k));
      let loaded: Map<string, V> | undefined;
      if (missing.length) {
        const generation = state.generation;
        loaded = await load(missing);
        // Stored whole per key (concurrent misses for one key never append twice), and only if no
        // invalidation happened while loading.
        if (state.generation === generation) for (const [k, value] of loaded) state.entries.set(k, value);
      }
      const result = new Map<string, V>();
      for (const k of keys) {
        const value = loaded?.get(k) ?? state.entries.get(k);
        if (value !== undefined) result.set(k, value);
      }
      return result;
    },
  };
}
