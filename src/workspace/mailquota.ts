/**
 * When this user's daily email quota renews, as well as the add-on can tell. Google renews a
 * quota 24 hours after its first use in a quota day (docs/EMULATOR.md row 30) and says neither
 * when that was nor when it renews, so the reminder run remembers, in the sender's user
 * properties (the quota is the user's), when it first sent in the current quota day and how
 * much quota it left. The estimate errs late, which only holds back fewer reminders: unknown,
 * or a quota that grew since (it renewed, maybe used by other mail since), counts the day
 * from now.
 */
import { parseJson } from './props';

const KEY = 'slc:mail:quotaDay';
const DAY_MS = 24 * 3600_000;

interface QuotaDay {
  /** When the current quota day began (ms), or a later moment. */
  start: number;
  /** The quota left after the last run that sent. */
  left: number;
}

export interface QuotaClock {
  /** When the quota renews at the latest (ms). */
  renewsAt: number;
  /** Remembers a run that sent: the quota it left, and when the day began if this run began it. */
  sent(firstSendAt: number, left: number): void;
}

/** The quota day as known before a run that may send, with `quota` recipients left now. */
export function quotaClock(now: number, quota: number): QuotaClock {
  const user = PropertiesService.getUserProperties();
  const known = parseJson<QuotaDay>(user.getProperty(KEY));
  const current = known && now < known.start + DAY_MS && quota <= known.left ? known : null;
  return {
    renewsAt: (current?.start ?? now) + DAY_MS,
    sent(firstSendAt, left) {
      const day: QuotaDay = { start: current?.start ?? firstSendAt, left };
      user.setProperty(KEY, JSON.stringify(day));
    },
  };
}

/** When this user's quota day, as last remembered, renews (ms), or null when none is known. */
export function rememberedRenewal(): number | null {
  const known = parseJson<QuotaDay>(PropertiesService.getUserProperties().getProperty(KEY));
  return known ? known.start + DAY_MS : null;
}
