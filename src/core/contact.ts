/**
 * Does a family's questionnaire comment ask to be contacted? A follow-up request a family wrote
 * instead of ticking: "please call me", "can we talk", "llámeme", "¿podemos hablar?". Pure.
 *
 * Conservative on purpose: a wrong "yes" sends a teacher a request nobody made, so only a phrase
 * that is itself a request to be reached counts, in English or Spanish, whatever the case,
 * accents and spacing. A phrase just after a negation ("no need to call me", "no me llamen",
 * "don't contact us") does not count.
 *
 * Caught: call me / us, give me a call, phone me, contact me / us, get in touch, reach me / out to
 * me, email me / us, text me, can / could / may we talk / speak / meet, I would (I'd) like to talk /
 * speak / meet, llámeme / llámenme / llámenos, contácteme / contáctenos, comuníquese conmigo,
 * escríbame, ¿podemos hablar / reunirnos?, quisiera / me gustaría hablar / reunirme.
 * Missed (a person reads the comments on the Summary): other languages, indirect wishes ("I have
 * some worries about reading"), a request spelled with typos ("cal me"), "call me" followed by
 * words other than how or when ("call me Tuesday"), or a request a few words after a negation of
 * something else ("not today, but call me").
 */

/** Requests to be reached, over text folded by `fold` (lower case, no accents, single spaces). */
const REQUESTS = [
  // "call me" ends its sentence or goes on with how or when ("call me back", "call me at 5"):
  // "they call me names" and "everyone calls me Sam" are not requests.
  /\b(?:call|phone|ring|text|email|e-mail) (?:me|us)(?= ?(?:$|[.!?,;:)"'\]»]|(?:back|at|on|please|when|whenever|if|after|about|to|tomorrow|today|anytime|asap|soon)\b))/,
  /\bplease (?:call|phone|ring|text|email|e-mail) (?:me|us)\b/,
  /\bgive (?:me|us) a (?:call|ring)\b/,
  /\b(?:contact|reach) (?:me|us)\b/,
  /\breach out to (?:me|us)\b/,
  /\bget in touch\b/,
  /\b(?:can|could|may) we (?:talk|speak|meet|chat)\b/,
  /\bi(?: would|'d| d) like to (?:talk|speak|meet)\b/,
  /\bllam(?:eme|enme|enos)\b/,
  /\bcontact(?:eme|enme|enos)\b/,
  /\bcomuniquen?se conmigo\b/,
  /\bescrib(?:ame|anme|anos)\b/,
  /\bpodemos (?:hablar|reunirnos)\b/,
  /\b(?:quisiera|quisieramos|me gustaria|nos gustaria) (?:hablar|reunirme|reunirnos)\b/,
];

/** Words that, a few words before a request in the same clause, turn it around. */
const NEGATION =
  /\b(?:no|not|don't|dont|do not|never|no need to|nunca|ni|didn't|didnt|did not|couldn't|couldnt|could not|wasn't|wasnt|hasn't|hasnt|haven't|havent|nobody|no one|nadie)\b[^.!?;,]{0,22}$/;

/** Lower case, accents off, apostrophes straightened, runs of space made one. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}

/** True when the comment asks, in words the list above knows, for the family to be contacted. */
export function asksForContact(comment: string): boolean {
  const text = fold(comment);
  return REQUESTS.some((re) => {
    const all = new RegExp(re.source, 'g');
    for (let m = all.exec(text); m; m = all.exec(text))
      if (!NEGATION.test(text.slice(Math.max(0, m.index - 30), m.index))) return true;
    return false;
  });
}
