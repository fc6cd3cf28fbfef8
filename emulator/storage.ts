/**
 * PropertiesService and CacheService: small key-value stores, per script, user and document.
 * References: https://developers.google.com/apps-script/reference/properties and
 * https://developers.google.com/apps-script/reference/cache ; limits from
 * https://developers.google.com/apps-script/guides/services/quotas (9 KB per property value,
 * 500 KB per property store; cache keys up to 250 characters, values up to 100 KB, expiry at
 * most 6 hours).
 */
import { registerLatency } from './latency';
import { type Access, AppsScriptException, type Workspace } from './runtime';
import type { SpreadsheetStore } from './sheets/model';

registerLatency('PropertiesService', {
  'Properties.getProperty': { base: 30 },
  'Properties.getProperties': { base: 40 },
  'Properties.setProperty': { base: 60 },
  'Properties.setProperties': { base: 70 },
  'Properties.deleteProperty': { base: 50 },
});
registerLatency('CacheService', {
  'Cache.get': { base: 15 },
  'Cache.put': { base: 20 },
  'Cache.getAll': { base: 20 },
  'Cache.putAll': { base: 25 },
});

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;
const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class KeyValueStores {
  /** Property stores by scope key: "script", "user:<email>", "document:<id>". */
  readonly properties = new Map<string, Map<string, string>>();
  /** Cache entries by scope key, with their expiry on the virtual clock. */
  readonly caches = new Map<string, Map<string, { value: string; expiresAt: number }>>();
}

export function createPropertiesService(
  ws: Workspace,
  stores: KeyValueStores,
  sheets: SpreadsheetStore,
) {
  function store(key: string, access: Access) {
    const map = () => {
      let m = stores.properties.get(key);
      if (!m) stores.properties.set(key, (m = new Map()));
      return m;
    };
    const call = <T>(method: string, body: () => T) =>
      ws.call('PropertiesService', `Properties.${method}`, body, access);
    const checkFits = (next: Map<string, string>) => {
      let total = 0;
      for (const [k, v] of next) {
        if (bytes(v) > PROPERTY_VALUE_LIMIT)
          throw new AppsScriptException('Argument too large: value');
        total += bytes(k) + bytes(v);
      }
      if (total > PROPERTY_STORE_LIMIT) throw new AppsScriptException(STORE_FULL);
    };
    const self = {
      getProperty: (k: string) => call('getProperty', () => map().get(String(k)) ?? null),
      getProperties: () => call('getProperties', () => Object.fromEntries(map())),
      getKeys: () => call('getKeys', () => [...map().keys()]),
      setProperty: (k: string, v: unknown) =>
        call('setProperty', () => {
          const next = new Map(map()).set(String(k), String(v));
          checkFits(next);
          stores.properties.set(key, next);
          return self;
        }),
      setProperties: (props: Record<string, unknown>, deleteAllOthers = false) =>
        call('setProperties', () => {
          const next = new Map(deleteAllOthers ? [] : map());
          for (const [k, v] of Object.entries(props)) next.set(k, String(v));
          checkFits(next);
          stores.properties.set(key, next);
          return self;
        }),
      deleteProperty: (k: string) => call('deleteProperty', () => (map().delete(String(k)), self)),
      deleteAllProperties: () => call('deleteAllProperties', () => (map().clear(), self)),
    };
    return self;
  }
  const user = () => ws.current?.user ?? ws.defaultUser;
  return {
    getScriptProperties: () => store('script', { auth: 'full' }),
    getUserProperties: () => store(`user:${user()}`, { auth: 'full' }),
    /** Null when there is no bound document, as in Apps Script. */
    getDocumentProperties: () =>
      sheets.active ? store(`document:${sheets.active.id}`, { auth: 'limited' }) : null,
  };
}

export function createCacheService(
  ws: Workspace,
  stores: KeyValueStores,
  sheets: SpreadsheetStore,
) {
  function cache(key: string) {
    const map = () => {
      let m = stores.caches.get(key);
      if (!m) stores.caches.set(key, (m = new Map()));
      return m;
    };
    const call = <T>(method: string, body: () => T) =>
      ws.call('CacheService', `Cache.${method}`, body, { auth: 'limited' });
    const live = (k: string) => {
      const e = map().get(k);
      if (!e) return null;
      if (e.expiresAt <= ws.clock.now()) {
        map().delete(k);
        return null;
      }
      return e.value;
    };
    const check = (k: string, v: string, seconds: number) => {
      if (k.length > 250) throw new AppsScriptException('Argument too large: key');
      if (bytes(v) > 100 * 1024) throw new AppsScriptException('Argument too large: value');
      if (!(seconds >= 1)) throw new AppsScriptException('Invalid argument: expirationInSeconds');
    };
    const expiry = (seconds: number) => ws.clock.now() + Math.min(seconds, 21600) * 1000;
    return {
      get: (k: string) => call('get', () => live(String(k))),
      getAll: (keys: string[]) =>
        call('getAll', () =>
          Object.fromEntries(keys.map((k) => [k, live(k)]).filter(([, v]) => v !== null)),
        ),
      put: (k: string, v: string, seconds = 600) =>
        call('put', () => {
          check(String(k), String(v), seconds);
          map().set(String(k), { value: String(v), expiresAt: expiry(seconds) });
        }),
      putAll: (values: Record<string, string>, seconds = 600) =>
        call('putAll', () => {
          for (const [k, v] of Object.entries(values)) check(k, String(v), seconds);
          for (const [k, v] of Object.entries(values))
            map().set(k, { value: String(v), expiresAt: expiry(seconds) });
        }),
      remove: (k: string) => call('remove', () => void map().delete(String(k))),
      removeAll: (keys: string[]) => call('removeAll', () => keys.forEach((k) => map().delete(k))),
    };
  }
  const user = () => ws.current?.user ?? ws.defaultUser;
  return {
    getScriptCache: () => cache('script'),
    getUserCache: () => cache(`user:${user()}`),
    getDocumentCache: () => (sheets.active ? cache(`document:${sheets.active.id}`) : null),
  };
}
