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

/** This round's offers as recorded: conference, address and record ("sent …", "refused …"). */
export function offerRecords(
  props: Record<string, string>,
  round: string,
): { conferenceId: string; address: string; record: string }[] {
  const prefix = noShowOfferPrefix(round);
  return Object.keys(props)
    .filter((k) => k.startsWith(prefix))
    .map((k) => {
      const [conferenceId = '', address = ''] = k.slice(prefix.length).split('|');
      return { conferenceId, address, record: props[k]! };
    });
}
