/** Interactive components: OptIn (with its "Read more" screen link), EmbeddedLink and NavigationList (6.2+). */
import { h, str } from '../dom.js';
import { enabled, props, type ComponentContext } from './context.js';
import { imageSrc } from './media.js';

export function optIn(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const name = ctx.component.name!;
  const readMore = typeof ctx.component.node['on-click-action'] === 'object';
  const error = ctx.error ? h('p', { class: 'c-error', role: 'alert', id: `${ctx.id}-error` }, ctx.error) : undefined;
  const box = h('input', { id: ctx.id, type: 'checkbox', checked: ctx.value === true, disabled: !enabled(ctx), onchange: (e) => ctx.answer(name, (e.target as HTMLInputElement).checked), 'aria-describedby': error ? `${ctx.id}-error` : undefined });
  return h(
    'div',
    { class: `c-field c-optin${ctx.error ? ' has-error' : ''}` },
    h('div', { class: 'c-option' }, box, h('label', { for: ctx.id, class: 'c-option-label' }, str(p.label), p.required === true ? '' : h('span', { class: 'c-optional' }, ' (optional)'))),
    readMore ? h('button', { type: 'button', class: 'c-link', onclick: () => ctx.click(name) }, 'Read more') : undefined,
    error,
  );
}

export function embeddedLink(ctx: ComponentContext): HTMLElement {
  const text = str(props(ctx).text);
  return h('p', { class: 'c-embedded' }, h('button', { type: 'button', class: 'c-link', onclick: () => ctx.click(text) }, text));
}

/** NavigationList: each item a button (title, description, metadata, start image, end texts, badge, tags). */
export function navigationList(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const list = Array.isArray(p['list-items']) ? p['list-items'].filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null) : [];
  const obj = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});
  return h(
    'div',
    { class: 'c-navlist' },
    str(p.label) ? h('h2', { class: 'c-subheading' }, str(p.label)) : undefined,
    str(p.description) ? h('p', { class: 'c-helper' }, str(p.description)) : undefined,
    h(
      'ul',
      { class: 'c-navlist-items' },
      ...list.map((item) => {
        const main = obj(item['main-content']);
        const start = obj(item.start);
        const end = obj(item.end);
        const tags = Array.isArray(item.tags) ? item.tags.map(str) : [];
        return h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'c-navitem', disabled: !enabled(ctx), onclick: () => ctx.click(ctx.component.name ?? '', str(item.id) || str(main.title)) },
            start.image ? h('img', { src: imageSrc(str(start.image)), alt: str(start['alt-text']), class: 'c-nav-img' }) : undefined,
            h('span', { class: 'c-option-text' }, h('span', { class: 'c-option-title' }, str(main.title)), main.description ? h('span', { class: 'c-option-desc' }, str(main.description)) : undefined, main.metadata ? h('span', { class: 'c-option-meta' }, str(main.metadata)) : undefined, item.badge ? h('span', { class: 'c-badge' }, str(item.badge)) : undefined, tags.length ? h('span', { class: 'c-tags' }, ...tags.map((t) => h('span', { class: 'c-tag' }, t))) : undefined),
            end.title || end.description ? h('span', { class: 'c-nav-end' }, h('span', {}, str(end.title)), h('span', { class: 'c-option-desc' }, str(end.description)), h('span', { class: 'c-option-meta' }, str(end.metadata))) : undefined,
            h('span', { class: 'c-chevron', 'aria-hidden': 'true' }, '›'),
          ),
        );
      }),
    ),
  );
}
