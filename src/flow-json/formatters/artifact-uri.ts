/**
 * A file name as a URI reference for SARIF's `artifactLocation.uri`: relative paths stay relative (forward
 * slashes, percent-encoded), absolute ones become `file:` URIs. Pure string work, so the formatters run anywhere.
 */
export function artifactUri(file: string): string {
  const slashed = file.replace(/\\/g, '/');
  const encode = (p: string) => p.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return `file:///${slashed.slice(0, 2)}${encode(slashed.slice(2))}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  return encode(slashed.replace(/^\.\//, ''));
}
