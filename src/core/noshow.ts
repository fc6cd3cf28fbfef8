/**
 * Offering a no-show family another time: which conferences are due an offer, and the record of
 * each offer (one per conference and address, in document properties). Pure.
 */
import { inRound } from './rounds';

/** The document property recording the offer of another time to one address for one conference. */
export function noShowOfferKey(round: string, conferenceId: string, address: string): string {
  return `${noShowOfferPrefix(round)}${conferenceId}|${address.toLowerCase()}`;
}

export function noShowOfferPrefix(round: string): string {
  return `slc:noshow-offer:${round}|`;
}

/** This round's conferences marked no-show, the only ones offered another time. */
export function noShowConferences<T extends { round: string; status: string }>(
  rows: T[],
  round: string,
): T[] {
  return rows.filter((r) => inRound(r.round, round) && r.status === 'no-show');
}

/** The Conference IDs of this round whose offer went (or was leaving) to at least one address. */
export function conferencesOffered(props: Record<string, string>, round: string): Set<string> {
  const prefix = noShowOfferPrefix(round);
  return new Set(
    Object.keys(props)
      .filter((k) => k.startsWith(prefix) && /^(sent|sending)/.test(props[k] ?? ''))
      .map((k) => k.slice(prefix.length).split('|')[0]!),
  );
}
