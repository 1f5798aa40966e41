/** Which renderer draws which component type (every component of Flow JSON 2.1 to 7.3; Form, If and Switch are resolved by the simulator). */
import { h } from '../dom.js';
import type { ComponentContext, Renderer } from './context.js';
import { calendarPicker, datePicker, textArea, textInput } from './entry.js';
import { embeddedLink, navigationList, optIn } from './interactive.js';
import { carousel, image, picker } from './media.js';
import { chips, dropdown, group } from './selection.js';
import { body, heading, richText, subheading } from './text.js';

const RENDERERS: Record<string, Renderer> = {
  TextHeading: heading,
  TextSubheading: subheading,
  TextBody: body,
  TextCaption: body,
  RichText: richText,
  TextInput: textInput,
  TextArea: textArea,
  DatePicker: datePicker,
  CalendarPicker: calendarPicker,
  RadioButtonsGroup: group,
  CheckboxGroup: group,
  Dropdown: dropdown,
  ChipsSelector: chips,
  OptIn: optIn,
  EmbeddedLink: embeddedLink,
  NavigationList: navigationList,
  Image: image,
  ImageCarousel: carousel,
  PhotoPicker: picker,
  DocumentPicker: picker,
};

/** The component drawn, wrapped so tests and the diagnostics panel can find it by its JSON pointer. */
export function renderComponent(ctx: ComponentContext): HTMLElement {
  const renderer = RENDERERS[ctx.component.type];
  const inner = renderer ? renderer(ctx) : h('p', { class: 'c-unknown' }, `${ctx.component.type} (not drawn by the previewer)`);
  return h('div', { class: 'c', 'data-type': ctx.component.type, 'data-pointer': ctx.component.pointer, 'data-name': ctx.component.name }, inner);
}
