/**
 * The script runtime's Intl, with a switch for the zones its ICU data lacks. Apps Script's V8 is
 * not documented to carry the full ICU time-zone database (docs/EMULATOR.md row 53); a runtime
 * without a zone throws RangeError from `new Intl.DateTimeFormat(…, { timeZone })` as V8 does
 * for a zone it does not know. Empty by default: the bundle sees Node's own Intl unchanged.
 */
export interface RuntimeZones {
  /** IANA names the runtime's Intl does not know. */
  missing: Set<string>;
}

export function runtimeIntl(zones: RuntimeZones): typeof Intl {
  const Native = Intl.DateTimeFormat;
  const DateTimeFormat = function (
    locales?: string | string[],
    options?: Intl.DateTimeFormatOptions,
  ): Intl.DateTimeFormat {
    const zone = options?.timeZone;
    if (zone !== undefined && zones.missing.has(zone))
      throw new RangeError(`Invalid time zone specified: ${zone}`);
    return new Native(locales, options);
  } as unknown as typeof Intl.DateTimeFormat;
  Object.assign(DateTimeFormat, {
    supportedLocalesOf: Native.supportedLocalesOf.bind(Native),
  });
  Object.defineProperty(DateTimeFormat, 'prototype', { value: Native.prototype });
  // Intl's own members are not enumerable: the rest are reached through the prototype.
  return Object.create(Intl, { DateTimeFormat: { value: DateTimeFormat } }) as typeof Intl;
}
