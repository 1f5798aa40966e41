/**
 * The markdown subset of RichText and of TextBody/TextCaption with `markdown: true` (Meta: RichText component:
 * headings `#`/`##`, `**bold**`, `*italic*`, `~~strike~~`, `[links](url)`, images, ordered and unordered lists,
 * tables), rendered to DOM nodes. Text is inserted as text nodes: nothing in a flow becomes HTML.
 */
import { h } from './dom.js';

const INLINE = /(\*\*[^*]+\*\*|~~[^~]+~~|\*[^*\s][^*]*\*|_[^_\s][^_]*_|!\[[^\]]*\]\([^)\s]+\)|\[[^\]]+\]\([^)\s]+\))/;

/** Inline markdown of one line as nodes. */
export function inline(text: string): Node[] {
  const out: Node[] = [];
  for (const part of text.split(INLINE)) {
    if (!part) continue;
    if (part.startsWith('**')) out.push(h('strong', {}, ...inline(part.slice(2, -2))));
    else if (part.startsWith('~~')) out.push(h('s', {}, ...inline(part.slice(2, -2))));
    else if (/^[*_]/.test(part) && part.length > 2 && part.endsWith(part[0]!)) out.push(h('em', {}, ...inline(part.slice(1, -1))));
    else if (part.startsWith('![')) {
      const m = /^!\[([^\]]*)\]\(([^)]+)\)$/.exec(part)!;
      out.push(h('img', { alt: m[1], src: safeImage(m[2]!), class: 'md-img' }));
    } else if (part.startsWith('[')) {
      const m = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(part)!;
      out.push(h('a', { href: safeLink(m[2]!), target: '_blank', rel: 'noopener noreferrer' }, ...inline(m[1]!)));
    } else out.push(document.createTextNode(part));
  }
  return out;
}

/** Block markdown (lines) as nodes. */
export function blocks(text: string): Node[] {
  const out: Node[] = [];
  const rows = text.split('\n');
  for (let i = 0; i < rows.length; ) {
    const line = rows[i]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      out.push(h(heading[1]!.length === 1 ? 'h2' : 'h3', { class: 'md-h' }, ...inline(heading[2]!)));
      i++;
    } else if (/^\s*[-*+]\s+/.test(line) || /^\s*\d+\.\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const list = h(ordered ? 'ol' : 'ul', { class: 'md-list' });
      while (i < rows.length && (ordered ? /^\s*\d+\.\s+/ : /^\s*[-*+]\s+/).test(rows[i]!)) {
        list.append(h('li', {}, ...inline(rows[i]!.replace(/^\s*([-*+]|\d+\.)\s+/, ''))));
        i++;
      }
      out.push(list);
    } else if (line.trim().startsWith('|')) {
      const table: string[] = [];
      while (i < rows.length && rows[i]!.trim().startsWith('|')) table.push(rows[i++]!);
      out.push(renderTable(table));
    } else if (line.trim() === '') i++;
    else {
      out.push(h('p', { class: 'md-p' }, ...inline(line)));
      i++;
    }
  }
  return out;
}

function renderTable(rows: string[]): HTMLElement {
  const cells = (row: string) => row.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  const [head, sep, ...body] = rows;
  const hasHead = sep !== undefined && /^[\s|:-]+$/.test(sep);
  const table = h('table', { class: 'md-table' });
  if (hasHead) table.append(h('thead', {}, h('tr', {}, ...cells(head!).map((c) => h('th', {}, ...inline(c))))));
  const tbody = h('tbody');
  for (const row of hasHead ? body : rows) tbody.append(h('tr', {}, ...cells(row).map((c) => h('td', {}, ...inline(c)))));
  table.append(tbody);
  return table;
}

/** Only http(s) links; anything else (javascript:, data:) becomes inert. */
function safeLink(url: string): string {
  return /^https?:\/\//i.test(url) ? url : '#';
}

/** Images from data: URIs of images (what RichText embeds) or http(s). */
function safeImage(url: string): string {
  return /^data:image\/(png|jpe?g|gif|webp);base64,/i.test(url) || /^https?:\/\//i.test(url) ? url : '';
}
