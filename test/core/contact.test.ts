/**
 * Which questionnaire comments ask for contact: the phrases families write in English and
 * Spanish, the ones that look alike but ask nothing, and hostile text around them.
 */
import fc from 'fast-check';
import { asksForContact } from '../../src/core/contact';
import { checkProperty } from './property';

const ASKING = [
  'Please call me.',
  'call me back when you can',
  'Call us at 555-0134 after 5pm',
  'Could you give me a call?',
  'Can we talk about his reading?',
  'could we meet again in January',
  "I'd like to talk with Ms. Rivera privately",
  'I would like to speak to the teacher',
  'Please contact me',
  'get in touch, thanks',
  'Email me please',
  'Llámeme por favor',
  'LLAMENME al 555-0134',
  '¿Podemos hablar?',
  'Me gustaría hablar con la maestra sobre matemáticas',
  'Contáctenos cuando pueda',
  'Comuníquese conmigo, gracias',
  'Thanks. I don’t mind how, please call me',
];

const NOT_ASKING = [
  '',
  'Thank you, it went well!',
  'Other kids call me names, he says',
  'Everyone calls me Sam',
  'No need to call me, all is well',
  "Don't contact us, we are fine",
  'no me llamen, todo bien',
  'Gracias por todo',
  'We talked a lot at home afterwards',
  'The teacher called us last week',
  // A complaint that nobody reached the family is not a request to be reached.
  "The teacher didn't contact us about the reading plan.",
  'Nobody could reach us last week.',
  "She wasn't able to reach me",
  "Hasn't anyone tried to reach us?",
];

describe('asksForContact', () => {
  it.each(ASKING)('catches a request to be contacted: %s', (comment) => {
    expect(asksForContact(comment)).toBe(true);
  });

  it.each(NOT_ASKING)('leaves alone a comment that asks nothing: %s', (comment) => {
    expect(asksForContact(comment)).toBe(false);
  });

  it('never fails on hostile text: formulas, markup, control characters, very long text', () => {
    checkProperty(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(typeof asksForContact(text)).toBe('boolean');
      }),
    );
    expect(asksForContact(`${'x'.repeat(50_000)} can we talk`)).toBe(true);
    expect(asksForContact('=HYPERLINK("https://evil.example","hi")<script>')).toBe(false);
  });

  /** Text that cannot make or break a phrase: no letters, and ends no sentence before it. */
  const filler = fc.string({ maxLength: 30 }).map((s) => s.replace(/[\p{L}\p{N}'’.!?;]/gu, ' '));

  it('catches a request wherever it sits among other text, in any case and spacing', () => {
    checkProperty(
      fc.property(
        filler,
        fc.constantFrom(...ASKING),
        filler,
        fc.boolean(),
        (before, request, after, upper) => {
          const text = `${before} ${request} ${after}`;
          expect(asksForContact(upper ? text.toUpperCase() : text)).toBe(true);
          expect(asksForContact(text.replace(/ /g, '  \n '))).toBe(true);
        },
      ),
      {
        pastFailures: [
          {
            seed: 388535267,
            path: '24:0:2:1:1:3:2:2:3',
            found:
              'a request followed by a quote mark was read as negated by a "don’t" earlier in the sentence',
          },
        ],
      },
    );
  });

  it('does not count a request just after a negation', () => {
    checkProperty(
      fc.property(
        fc.constantFrom('no need to', "don't", 'please do not', 'no'),
        fc.constantFrom('call me', 'contact us', 'llámenme', 'email me'),
        (negation, request) => {
          expect(asksForContact(`${negation} ${request}`)).toBe(false);
        },
      ),
    );
  });
});
