/** Text components (TextHeading, TextSubheading, TextBody, TextCaption, RichText): Meta's type scale, markdown where the flow asks for it. */
import { h, lines, str } from '../dom.js';
import { blocks } from '../markdown.js';
import { props, type ComponentContext } from './context.js';

export function heading(ctx: ComponentContext): HTMLElement {
  return h('h1', { class: 'c-heading' }, str(props(ctx).text));
}

export function subheading(ctx: ComponentContext): HTMLElement {
  return h('h2', { class: 'c-subheading' }, str(props(ctx).text));
}

/** TextBody and TextCaption: `font-weight`, `strikethrough`, and markdown (5.1+) when `markdown: true`. */
export function body(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const cls = [ctx.component.type === 'TextCaption' ? 'c-caption' : 'c-body', `w-${str(p['font-weight']) || 'normal'}`, p.strikethrough === true ? 'strike' : ''].join(' ');
  const text = lines(p.text);
  if (p.markdown === true) return h('div', { class: cls }, ...blocks(text));
  return h('p', { class: cls }, text);
}

/** RichText: a markdown document (5.1+); on its own screen in WhatsApp. */
export function richText(ctx: ComponentContext): HTMLElement {
  return h('div', { class: 'c-richtext' }, ...blocks(lines(props(ctx).text)));
}

