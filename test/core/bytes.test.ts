import fc from 'fast-check';
import { utf8Bytes } from '../../src/core/bytes';

describe('utf8Bytes', () => {
  it('counts a text as Node encodes it in UTF-8, accents, scripts and emoji included', () => {
    expect(utf8Bytes('Zoë 李 😀')).toBe(Buffer.byteLength('Zoë 李 😀', 'utf8'));
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
    );
  });
});
