/**
 * A strict little XML reader for tests: elements, attributes, text, the XML declaration and the five entities plus
 * numeric references. It throws on anything malformed (unclosed or mismatched tags, a raw `<` or `&`, a bad
 * attribute), so a test that parses a report also proves the report is well-formed.
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`XML: ${what} at ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  const decode = (s: string) => {
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(s) || s.includes('<')) fail('unescaped & or <');
    return s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
    );
  };
  const skipSpace = () => {
    while (/\s/.test(source[i] ?? '')) i++;
  };
  if (source.startsWith('<?xml')) i = source.indexOf('?>') + 2;
  const element = (): XmlElement => {
    skipSpace();
    if (source[i] !== '<') fail('expected <');
    const name = /^<([A-Za-z_][\w.-]*)/.exec(source.slice(i))?.[1] ?? fail('bad tag name');
    i += name.length + 1;
    const attributes: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return { name, attributes, children: [], text: '' };
      }
      if (source[i] === '>') break;
      const m = /^([A-Za-z_][\w.:-]*)="([^"]*)"/.exec(source.slice(i)) ?? fail('bad attribute');
      if (m[1]! in attributes) fail('duplicate attribute');
      attributes[m[1]!] = decode(m[2]!);
      i += m[0].length;
    }
    i++;
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      const next = source.indexOf('<', i);
      if (next === -1) fail(`unclosed <${name}>`);
      text += decode(source.slice(i, next));
      i = next;
      if (source.startsWith(`</${name}>`, i)) {
        i += name.length + 3;
        return { name, attributes, children, text };
      }
      if (source.startsWith('</', i)) fail(`mismatched close of <${name}>`);
      children.push(element());
    }
  };
  const root = element();
  skipSpace();
  if (i !== source.length) fail('content after the root element');
  return root;
}
