import type { FieldType } from '@tableport/contracts';
import type { FieldModel } from '../schema/schema.model';
import { checkboxCodec, numberCodec, ratingCodec } from './number.codec';
import {
  computedJsonCodec,
  computedNumberCodec,
  computedObjectCodec,
  computedTextCodec,
  computedTimeCodec,
} from './computed.codec';
import { dateCodec, dateTimeCodec } from './date.codec';
import type { FieldCodec } from './field-codec.types';
import { attachmentCodec, linkCodec } from './link.codec';
import { multipleCollaboratorsCodec, singleCollaboratorCodec } from './people.codec';
import { multipleSelectsCodec, singleSelectCodec } from './select.codec';
import { barcodeCodec, textCodec } from './text.codec';

const buttonCodec: FieldCodec = {
  read: (_stored, field) => ({
    label: typeof field.options?.label === 'string' ? field.options.label : field.name,
    url: typeof field.options?.url === 'string' ? field.options.url : null,
  }),
};

const nothing: FieldCodec = { read: () => undefined };

const CODECS: Record<FieldType, FieldCodec> = {
  singleLineText: textCodec,
  multilineText: textCodec,
  richText: textCodec,
  email: textCodec,
  url: textCodec,
  phoneNumber: textCodec,
  number: numberCodec,
  currency: numberCodec,
  percent: numberCodec,
  duration: numberCodec,
  rating: ratingCodec,
  checkbox: checkboxCodec,
  singleSelect: singleSelectCodec,
  multipleSelects: multipleSelectsCodec,
  singleCollaborator: singleCollaboratorCodec,
  multipleCollaborators: multipleCollaboratorsCodec,
  multipleRecordLinks: linkCodec,
  date: dateCodec,
  dateTime: dateTimeCodec,
  multipleAttachments: attachmentCodec,
  barcode: barcodeCodec,
  autoNumber: computedNumberCodec,
  count: computedNumberCodec,
  multipleLookupValues: computedJsonCodec,
  rollup: computedJsonCodec,
  formula: computedJsonCodec,
  createdTime: computedTimeCodec,
  lastModifiedTime: computedTimeCodec,
  createdBy: computedObjectCodec,
  lastModifiedBy: computedObjectCodec,
  button: buttonCodec,
  aiText: computedObjectCodec,
  externalSyncSource: computedTextCodec,
  manualSort: nothing,
};

/** The codec of a field's type. */
export function codecOf(field: FieldModel): FieldCodec {
  return CODECS[field.type];
}

/** True when writes to the field are refused as computed (no write conversion). */
export function isReadOnlyField(field: FieldModel): boolean {
  return CODECS[field.type].write === undefined;
}

/** The cell JSON of a stored value, or undefined for an empty cell. */
export function readCell(field: FieldModel, stored: unknown): unknown {
  return CODECS[field.type].read(stored, field);
}
