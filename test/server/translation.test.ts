/**
 * Families in a language without built-in texts, whether or not Google Translate keeps the
 * add-on's field tokens (docs/EMULATOR.md row 45; switch emulator.language.losesFieldTokens):
 * kept, they get the translation with their own details; lost, they get the English text with
 * their own details, never a broken token or an unfilled {{field}}.
 */
import { body, col, copyOf, events, runJob, scheduled } from './invites.fixture';

const template = scheduled(60);

describe.each([
  { loses: false, label: 'keeps its field tokens' },
  { loses: true, label: 'loses its field tokens' },
])('when the translator $label', ({ loses }) => {
  it('invites each Arabic-speaking family with its own details, translated only when every field came back', () => {
    const school = copyOf(template);
    school.emulator.language.losesFieldTokens = loses;
    runJob(school, 'invites');
    const language = col(school, 'Language') - 1;
    const ids = body(school)
      .filter((r) => r[language] === 'Arabic')
      .map((r) => r[col(school, 'Conference ID') - 1]);
    expect(ids.length).toBeGreaterThan(0);
    const titles = events(school)
      .filter((e) => ids.includes(e.tags['slc-conference']))
      .map((e) => e.title);
    expect(titles).toHaveLength(ids.length);
    for (const title of titles) {
      expect(title.startsWith('[ar] ')).toBe(!loses);
      expect(title).not.toMatch(/#\s*\d|\{\{/);
      expect(title).toMatch(/Ms\.|Mr\.|Mrs\./);
    }
  });
});
