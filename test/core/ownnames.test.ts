/**
 * The languages a non-English form lists, each by its own name: every language the add-on knows
 * has one, and the name a family picks reads back as that language.
 */
import { OWN_LANGUAGE_NAMES } from '../../src/core/ownnames';
import { LANGUAGE_NAMES, normalizeLanguage } from '../../src/core/normalize';

describe('languages by their own names', () => {
  it.each(Object.keys(LANGUAGE_NAMES))('names %s, and the name reads back as it', (code) => {
    const own = OWN_LANGUAGE_NAMES[code];
    expect(own).toBeDefined();
    expect(normalizeLanguage(own)).toBe(code);
  });

  it('writes Spanish and French as their speakers do', () => {
    expect(OWN_LANGUAGE_NAMES.es).toBe('Español');
    expect(OWN_LANGUAGE_NAMES.fr).toBe('Français');
  });
});
