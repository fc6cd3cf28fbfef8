/**
 * In person, online or either: what a teacher's window offers, what a family asks for, and what
 * a conference is. Pure; the Teachers, Availability and Schedule sheets write these in words.
 */
export type Meet = 'in person' | 'online' | 'either';

/** How the sheets write each mode. */
export const MEET_WORDS: Record<Meet, string> = {
  'in person': 'In person',
  online: 'Online',
  either: 'Either',
};

/**
 * Words a person may type, or a form answer in a built-in language, for each mode (compared
 * without case, accents, spacing or punctuation).
 */
const SPOKEN: Record<Meet, string[]> = {
  'in person': ['in person', 'inperson', 'person', 'room', 'en persona', 'presencial'],
  online: ['online', 'on line', 'video', 'video call', 'remote', 'en linea', 'virtual'],
  either: ['either', 'either way', 'both', 'any', 'cualquiera', 'me da igual', 'las dos'],
};

const key = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

const BY_KEY = new Map<string, Meet>(
  (Object.keys(SPOKEN) as Meet[]).flatMap((m) => SPOKEN[m].map((w) => [key(w), m] as const)),
);

/** A mode from a cell or an answer: undefined when blank, null when it reads as none. */
export function parseMeet(value: unknown): Meet | null | undefined {
  const text = String(value ?? '').trim();
  if (!text) return undefined;
  return BY_KEY.get(key(text)) ?? null;
}

/** A window's mode: as written, or, when blank, what its Room and Video Link offer. */
export function windowMeet(written: Meet | undefined, room: string, videoLink: string): Meet {
  if (written) return written;
  if (videoLink) return room ? 'either' : 'online';
  return 'in person';
}

/** True when a window of this mode suits a family asking for that one (no answer: any). */
export function suits(window: Meet | undefined, family: Meet | undefined): boolean {
  if (!window || !family || window === 'either' || family === 'either') return true;
  return window === family;
}

/**
 * What a conference placed in such a window is: the family's choice where the window offers
 * both, and either when the family left it open.
 */
export function conferenceMeet(window: Meet, family: Meet | undefined): Meet {
  return window === 'either' && family ? family : window;
}

/** A Schedule row's Mode cell: undefined when blank or unreadable (the messages then say both). */
export function modeCell(value: unknown): Meet | undefined {
  return parseMeet(value) ?? undefined;
}

/** The room and link a message about a conference of this mode names (only what applies). */
export function placeFor(
  mode: Meet | undefined,
  room: string,
  videoLink: string,
): { room: string; videoLink: string } {
  if (mode === 'in person') return { room, videoLink: '' };
  if (mode === 'online') return { room: '', videoLink };
  return { room, videoLink };
}
