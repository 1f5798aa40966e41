/** The frame every input shares: a label tied to the control, helper text, and the error WhatsApp shows under it. */
import { h, str, type Child } from '../dom.js';
import { props, type ComponentContext } from './context.js';

/** Label + control + helper/error, with `aria-describedby` and `aria-invalid` set on the control. */
export function field(ctx: ComponentContext, control: HTMLElement, extra: Child[] = []): HTMLElement {
  const p = props(ctx);
  const helper = str(p['helper-text']);
  const describedBy: string[] = [];
  const error = ctx.error ? h('p', { class: 'c-error', id: `${ctx.id}-error`, role: 'alert' }, ctx.error) : undefined;
  const help = helper ? h('p', { class: 'c-helper', id: `${ctx.id}-helper` }, helper) : undefined;
  if (error) describedBy.push(`${ctx.id}-error`);
  if (help) describedBy.push(`${ctx.id}-helper`);
  if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
  if (ctx.error) control.setAttribute('aria-invalid', 'true');
  return h('div', { class: `c-field${ctx.error ? ' has-error' : ''}` }, label(ctx), control, ...extra, error, help);
}

/** The field's label (with "(optional)" as WhatsApp adds for inputs that are not required). */
export function label(ctx: ComponentContext, forId = ctx.id): HTMLElement {
  const p = props(ctx);
  const text = str(p.label);
  return h('label', { class: 'c-label', for: forId }, text, p.required === true ? '' : h('span', { class: 'c-optional' }, ' (optional)'));
}
