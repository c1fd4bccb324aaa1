/**
 * The part of Java's SimpleDateFormat that timestamp patterns use, in UTC as Connect's
 * TimestampConverter formats: y, M, d, H, m, s, S, X/Z (zone offset) and quoted literals.
 * Other pattern letters are refused when the transform is configured.
 */
type Token = { letter: string; width: number } | { literal: string };

const SUPPORTED = new Set(['y', 'M', 'd', 'H', 'm', 's', 'S', 'X', 'Z']);

export class DateFormat {
  private readonly tokens: Token[];

  constructor(readonly pattern: string) {
    this.tokens = tokenize(pattern);
  }

  format(epochMs: number): string {
    const date = new Date(epochMs);
    return this.tokens
      .map((token) => {
        if ('literal' in token) return token.literal;
        const pad = (n: number) => String(n).padStart(token.width, '0');
        switch (token.letter) {
          case 'y':
            return token.width === 2
              ? pad(date.getUTCFullYear() % 100)
              : pad(date.getUTCFullYear());
          case 'M':
            return pad(date.getUTCMonth() + 1);
          case 'd':
            return pad(date.getUTCDate());
          case 'H':
            return pad(date.getUTCHours());
          case 'm':
            return pad(date.getUTCMinutes());
          case 's':
            return pad(date.getUTCSeconds());
          case 'S':
            return pad(date.getUTCMilliseconds());
          case 'X':
            return 'Z';
          default:
            return '+0000';
        }
      })
      .join('');
  }

  /** @returns epoch ms, or undefined when the text does not match the pattern. */
  parse(text: string): number | undefined {
    const parts = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0, S: 0, offsetMin: 0 };
    let position = 0;
    for (const token of this.tokens) {
      if ('literal' in token) {
        if (!text.startsWith(token.literal, position)) return undefined;
        position += token.literal.length;
        continue;
      }
      if (token.letter === 'X' || token.letter === 'Z') {
        const zone = /^(Z|[+-]\d{2}(:?\d{2})?)/.exec(text.slice(position));
        if (!zone) return undefined;
        position += zone[0].length;
        if (zone[0] !== 'Z') {
          const digits = zone[0].replace(':', '');
          const sign = digits.startsWith('-') ? -1 : 1;
          parts.offsetMin =
            sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5) || 0));
        }
        continue;
      }
      // A repeated letter takes that many digits; a single one every digit there is (lenient).
      const match = /^\d+/.exec(text.slice(position));
      if (!match) return undefined;
      const digits = token.width > 1 ? match[0].slice(0, token.width) : match[0];
      position += digits.length;
      (parts as Record<string, number>)[token.letter] = Number(digits);
    }
    if (position !== text.length) return undefined;
    const ms = Date.UTC(parts.y, parts.M - 1, parts.d, parts.H, parts.m, parts.s, parts.S);
    return ms - parts.offsetMin * 60_000;
  }
}

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    if (char === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      if (end < 0) throw new Error(`unterminated quote in "${pattern}"`);
      tokens.push({ literal: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z]/.test(char)) {
      if (!SUPPORTED.has(char)) {
        throw new Error(
          `pattern letter ${char} is not supported (supported: ${[...SUPPORTED].join(' ')})`,
        );
      }
      let width = 1;
      while (pattern[i + width] === char) width++;
      tokens.push({ letter: char, width });
      i += width;
    } else {
      tokens.push({ literal: char });
      i++;
    }
  }
  return tokens;
}
