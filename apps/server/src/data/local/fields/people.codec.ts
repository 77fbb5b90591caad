import type { Collaborator } from '@tableport/contracts';
import type { CellWrite, FieldCodec } from './field-codec.types';
import { invalidValue, isEmptyWrite } from './cell.errors';

function reference(input: CellWrite, item: unknown): { id?: string; email?: string } {
  if (typeof item === 'string') return item.includes('@') ? { email: item } : { id: item };
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const { id, email } = item as { id?: unknown; email?: unknown };
    if (typeof id === 'string') return { id };
    if (typeof email === 'string') return { email };
  }
  throw invalidValue(input.field, input.value, 'expected {id} or {email}');
}

async function collaborator(input: CellWrite, item: unknown): Promise<Collaborator> {
  const found = await input.services.directory.resolve(reference(input, item));
  if (!found) throw invalidValue(input.field, item, 'unknown collaborator');
  return found;
}

/** singleCollaborator: `{id}` or `{email}` (typecast: a string); stored as `{id, email, name}`. */
export const singleCollaboratorCodec: FieldCodec = {
  async write(input) {
    if (isEmptyWrite(input.value)) return null;
    if (typeof input.value === 'string' && !input.typecast) {
      throw invalidValue(input.field, input.value, 'expected {id} or {email}');
    }
    return collaborator(input, input.value);
  },
  read: (stored) => (stored && typeof stored === 'object' ? stored : undefined),
};

/** multipleCollaborators: an array of user ids, `{id}` or `{email}` (typecast: comma-separated emails). */
export const multipleCollaboratorsCodec: FieldCodec = {
  async write(input) {
    if (isEmptyWrite(input.value)) return null;
    const items =
      input.typecast && typeof input.value === 'string'
        ? input.value.split(',').map((part) => part.trim()).filter(Boolean)
        : input.value;
    if (!Array.isArray(items)) throw invalidValue(input.field, input.value, 'expected an array');
    const people: Collaborator[] = [];
    for (const item of items) {
      const person = await collaborator(input, item);
      if (!people.some((known) => known.id === person.id)) people.push(person);
    }
    return people.length === 0 ? null : people;
  },
  read: (stored) => (Array.isArray(stored) && stored.length > 0 ? stored : undefined),
};
