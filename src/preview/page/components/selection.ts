/** Selection components: RadioButtonsGroup, CheckboxGroup, Dropdown and ChipsSelector, over their `data-source`. */
import { h, str } from '../dom.js';
import { enabled, items, props, type ComponentContext } from './context.js';
import { imageSrc } from './media.js';

/** RadioButtonsGroup (one id) and CheckboxGroup (ids): a fieldset of native radios / checkboxes. */
export function group(ctx: ComponentContext): HTMLElement {
  const multi = ctx.component.type === 'CheckboxGroup';
  const selected = new Set(multi ? (Array.isArray(ctx.value) ? ctx.value.map(str) : []) : [str(ctx.value)]);
  const p = props(ctx);
  const options = items(ctx).map((item, i) => {
    const id = `${ctx.id}-${i}`;
    const itemId = str(item.id);
    const input = h('input', {
      id,
      type: multi ? 'checkbox' : 'radio',
      name: ctx.id,
      value: itemId,
      checked: selected.has(itemId),
      disabled: !enabled(ctx) || item.enabled === false,
      onchange: (e) => {
        const on = (e.target as HTMLInputElement).checked;
        if (!multi) ctx.answer(ctx.component.name!, itemId);
        else ctx.answer(ctx.component.name!, on ? [...selected, itemId] : [...selected].filter((s) => s !== itemId));
      },
    });
    return h('div', { class: 'c-option' }, input, optionLabel(item, id));
  });
  return fieldset(ctx, str(p.label), options);
}

/** Dropdown: a native select (keyboard and screen readers work as on a phone's sheet). */
export function dropdown(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const select = h(
    'select',
    {
      id: ctx.id,
      class: 'c-input c-select',
      name: ctx.component.name,
      disabled: !enabled(ctx),
      onchange: (e) => ctx.answer(ctx.component.name!, (e.target as HTMLSelectElement).value),
    },
    h('option', { value: '', disabled: true }, 'Select'),
    ...items(ctx).map((item) => h('option', { value: str(item.id), disabled: item.enabled === false }, [str(item.title), str(item.description)].filter(Boolean).join(' · '))),
  );
  select.value = str(ctx.value);
  const error = ctx.error ? h('p', { class: 'c-error', role: 'alert', id: `${ctx.id}-error` }, ctx.error) : undefined;
  if (error) select.setAttribute('aria-describedby', `${ctx.id}-error`);
  return h('div', { class: 'c-field' }, h('label', { class: 'c-label', for: ctx.id }, str(p.label), p.required === true ? '' : h('span', { class: 'c-optional' }, ' (optional)')), select, error, helperOf(ctx));
}

/** ChipsSelector (6.3+): toggle chips, native checkboxes underneath. */
export function chips(ctx: ComponentContext): HTMLElement {
  const selected = new Set(Array.isArray(ctx.value) ? ctx.value.map(str) : []);
  const chipsList = items(ctx).map((item, i) => {
    const id = `${ctx.id}-${i}`;
    const itemId = str(item.id);
    const on = selected.has(itemId);
    return h(
      'span',
      { class: `c-chip${on ? ' on' : ''}` },
      h('input', {
        id,
        type: 'checkbox',
        class: 'c-chip-input',
        checked: on,
        disabled: !enabled(ctx) || item.enabled === false,
        onchange: (e) => {
          const checked = (e.target as HTMLInputElement).checked;
          ctx.answer(ctx.component.name!, checked ? [...selected, itemId] : [...selected].filter((s) => s !== itemId));
        },
      }),
      h('label', { for: id }, str(item.title)),
    );
  });
  return fieldset(ctx, str(props(ctx).label), [h('div', { class: 'c-chips' }, ...chipsList)]);
}

function fieldset(ctx: ComponentContext, legend: string, children: HTMLElement[]): HTMLElement {
  const p = props(ctx);
  const description = str(p.description);
  const error = ctx.error ? h('p', { class: 'c-error', role: 'alert' }, ctx.error) : undefined;
  return h(
    'fieldset',
    { class: `c-field c-group${ctx.error ? ' has-error' : ''}`, id: ctx.id },
    h('legend', { class: 'c-label' }, legend, p.required === true ? '' : h('span', { class: 'c-optional' }, ' (optional)')),
    description ? h('p', { class: 'c-helper' }, description) : undefined,
    ...children,
    error,
  );
}

function optionLabel(item: Record<string, unknown>, forId: string): HTMLElement {
  const image = str(item.image);
  return h(
    'label',
    { for: forId, class: 'c-option-label' },
    image ? h('img', { src: imageSrc(image), alt: str(item['alt-text']), class: 'c-option-img' }) : undefined,
    h('span', { class: 'c-option-text' }, h('span', { class: 'c-option-title' }, str(item.title)), item.description ? h('span', { class: 'c-option-desc' }, str(item.description)) : undefined, item.metadata ? h('span', { class: 'c-option-meta' }, str(item.metadata)) : undefined),
  );
}

function helperOf(ctx: ComponentContext): HTMLElement | undefined {
  const text = str(props(ctx)['helper-text']) || str(props(ctx).description);
  return text ? h('p', { class: 'c-helper' }, text) : undefined;
}
