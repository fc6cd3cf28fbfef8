/**
 * Looking up a key that came from outside (a request, a stored value, a template) only among an
 * object's own keys: `key in object` and `object[key]` also find what every object inherits
 * (__proto__, constructor, toString), which would pass for a setting, a language or a field.
 */
export function hasOwn(object: object, key: PropertyKey): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The object's own value for the key, or undefined. */
export function ownValue<T>(object: Readonly<Record<string, T>>, key: string): T | undefined {
  return hasOwn(object, key) ? object[key] : undefined;
}
