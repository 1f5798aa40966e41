/** Media components: Image, ImageCarousel (7.1+), PhotoPicker and DocumentPicker (4.0+) with real files chosen from disk. */
import { h, str } from '../dom.js';
import { enabled, props, type ComponentContext } from './context.js';
import { field } from './field.js';

/** A Flow JSON image (base64 without a prefix, as Meta's `src` is) as a data URL; JPEG, PNG, GIF and WebP by their magic bytes. */
export function imageSrc(base64: string): string {
  if (base64.startsWith('data:')) return /^data:image\//.test(base64) ? base64 : '';
  const mime = base64.startsWith('/9j/') ? 'image/jpeg' : base64.startsWith('R0lGOD') ? 'image/gif' : base64.startsWith('UklGR') ? 'image/webp' : 'image/png';
  return `data:${mime};base64,${base64}`;
}

export function image(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const style = [typeof p.width === 'number' ? `width:${p.width}px` : '', typeof p.height === 'number' ? `height:${p.height}px` : '', `object-fit:${p['scale-type'] === 'cover' ? 'cover' : 'contain'}`].filter(Boolean).join(';');
  return h('div', { class: 'c-image' }, h('img', { src: imageSrc(str(p.src)), alt: str(p['alt-text']), style }));
}

export function carousel(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const images = Array.isArray(p.images) ? p.images.filter((i): i is Record<string, unknown> => typeof i === 'object' && i !== null) : [];
  const track = h('div', { class: 'c-carousel-track', tabindex: 0, role: 'group', 'aria-label': 'Images' }, ...images.map((img, i) => h('img', { src: imageSrc(str(img.src)), alt: str(img['alt-text']) || `Image ${i + 1}`, class: `c-carousel-img${p['scale-type'] === 'cover' ? ' cover' : ''}` })));
  const go = (dir: number) => track.scrollBy({ left: dir * track.clientWidth, behavior: 'instant' as ScrollBehavior });
  return h(
    'div',
    { class: 'c-carousel' },
    track,
    images.length > 1 ? h('div', { class: 'c-carousel-nav' }, h('button', { type: 'button', 'aria-label': 'Previous image', onclick: () => go(-1) }, '‹'), h('span', {}, `${images.length} images`), h('button', { type: 'button', 'aria-label': 'Next image', onclick: () => go(1) }, '›')) : undefined,
  );
}

/** Object URLs of chosen photos, for thumbnails after a re-render (keyed by name and size). */
const thumbnails = new Map<string, string>();

/** PhotoPicker / DocumentPicker: a native file input; the simulator gets `{ file_name, mime_type, size }` of each file. */
export function picker(ctx: ComponentContext): HTMLElement {
  const p = props(ctx);
  const photo = ctx.component.type === 'PhotoPicker';
  const max = Number(photo ? p['max-uploaded-photos'] : p['max-uploaded-documents']) || 30;
  const accept = photo ? 'image/*' : Array.isArray(p['allowed-mime-types']) ? p['allowed-mime-types'].map(str).join(',') : undefined;
  const input = h('input', {
    id: ctx.id,
    type: 'file',
    class: 'c-file',
    accept,
    multiple: max > 1,
    disabled: !enabled(ctx),
    onchange: (e) => {
      const files = [...((e.target as HTMLInputElement).files ?? [])];
      for (const f of files) if (photo && f.type.startsWith('image/')) thumbnails.set(`${f.name}:${f.size}`, URL.createObjectURL(f));
      ctx.answer(ctx.component.name!, files.map((f) => ({ file_name: f.name, mime_type: f.type || undefined, size: f.size })));
    },
  });
  const chosen = Array.isArray(ctx.value) ? (ctx.value as Record<string, unknown>[]) : [];
  const list = chosen.length
    ? h(
        'ul',
        { class: 'c-files', 'aria-label': 'Chosen files' },
        ...chosen.map((f) => {
          const thumb = thumbnails.get(`${str(f.file_name)}:${str(f.size)}`);
          return h('li', {}, thumb ? h('img', { src: thumb, alt: '', class: 'c-thumb' }) : undefined, h('span', {}, str(f.file_name)), h('span', { class: 'c-option-meta' }, ` ${Math.ceil(Number(f.size) / 1024)} KB`));
        }),
      )
    : undefined;
  const description = str(p.description);
  return field(ctx, input, [description ? h('p', { class: 'c-helper' }, description) : undefined, list]);
}
