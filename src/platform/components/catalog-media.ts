/** Media components (flows-platform §2.10 "Media display", "Other interactive"; [M-MEDIA]): Image, ImageCarousel, PhotoPicker, DocumentPicker. */
import {
  BOOLEAN,
  FREE_OBJECT,
  INTEGER,
  NAME,
  NUMBER,
  STRING,
  TYPE,
  VISIBLE,
  oneOf,
  required,
  text,
  type ComponentSpec,
  type PropertySpec,
  type Shape,
} from './catalog-spec.js';

const SCALE_TYPE = oneOf(['cover', 'contain']);

export const DOCUMENT_MIME_TYPES = [
  'application/gzip',
  'application/msword',
  'application/pdf',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/x-7z-compressed',
  'application/zip',
  'image/avif',
  'image/gif',
  'image/heic',
  'image/heif',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'image/webp',
  'text/plain',
  'video/mp4',
  'video/mpeg',
] as const;

/** An upload count: `min` 0–30 (0 = optional), `max` 1–30. */
function uploads(minimum: number): PropertySpec {
  return { kinds: ['integer'], minimum, maximum: 30 };
}

/** What PhotoPicker and DocumentPicker share. */
const PICKER = {
  type: TYPE,
  name: NAME,
  label: text(80, { required: true }),
  description: text(300),
  'max-file-size-kb': { kinds: ['integer'], minimum: 1, maximum: 25600 },
  enabled: BOOLEAN,
  visible: VISIBLE,
  // One message, or one per uploaded file `{ <media_id>: <message> }`.
  'error-message': { ...FREE_OBJECT, kinds: ['string', 'object'] },
} satisfies Shape;

export const MEDIA_COMPONENTS: readonly ComponentSpec[] = [
  {
    type: 'Image',
    since: '2.1',
    properties: {
      type: TYPE,
      src: required(STRING),
      width: INTEGER,
      height: INTEGER,
      'scale-type': SCALE_TYPE,
      'aspect-ratio': NUMBER,
      'alt-text': STRING,
      visible: VISIBLE,
    },
  },
  {
    type: 'ImageCarousel',
    since: '7.1',
    properties: {
      type: TYPE,
      images: {
        kinds: ['array'],
        required: true,
        items: { kinds: ['object'], shape: { src: required(STRING), 'alt-text': required(STRING) } },
        minItems: 1,
        maxItems: { value: 3 },
      },
      'aspect-ratio': oneOf(['4:3', '16:9']),
      'scale-type': SCALE_TYPE,
      // `visible` is in pywa only: accepted rather than risk a false alarm.
      visible: VISIBLE,
    },
  },
  {
    type: 'PhotoPicker',
    since: '4.0',
    properties: {
      ...PICKER,
      'photo-source': oneOf(['camera_gallery', 'camera', 'gallery']),
      'min-uploaded-photos': uploads(0),
      'max-uploaded-photos': uploads(1),
    },
  },
  {
    type: 'DocumentPicker',
    since: '4.0',
    properties: {
      ...PICKER,
      'min-uploaded-documents': uploads(0),
      'max-uploaded-documents': uploads(1),
      'allowed-mime-types': { kinds: ['array'], items: oneOf(DOCUMENT_MIME_TYPES) },
    },
  },
];
