/** `ImageCarousel`, new in Flow JSON 7.1 (Meta: Flow JSON components, Media display). */
import type { Binding, ScaleType } from '../common.js';

/** One slide of an ImageCarousel. */
export interface CarouselImageV7_1 {
  /** Base64 image data. */
  src: string;
  'alt-text': string;
}

/** **1 – 3** images. */
export type CarouselImagesV7_1 =
  | readonly [CarouselImageV7_1]
  | readonly [CarouselImageV7_1, CarouselImageV7_1]
  | readonly [CarouselImageV7_1, CarouselImageV7_1, CarouselImageV7_1];

/**
 * `ImageCarousel` (≥ 7.1): swipeable images. At most **2** per screen and **3** per flow.
 * `visible` appears only in pywa, not in Meta's table; it is accepted, as the validator accepts it, so the types
 * and the validator agree.
 */
export interface ImageCarouselV7_1 {
  type: 'ImageCarousel';
  images: CarouselImagesV7_1 | Binding;
  /** Default `"4:3"`. */
  'aspect-ratio'?: '4:3' | '16:9';
  /** Default `contain`. */
  'scale-type'?: ScaleType;
  visible?: boolean | Binding;
}
