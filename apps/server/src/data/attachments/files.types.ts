/** What is known of a stored attachment file. */
export interface StoredFile {
  id: string;
  /** The unguessable part of the file's URL. */
  token: string;
  filename: string;
  type: string;
  size: number;
  width?: number;
  height?: number;
}

/**
 * Where attachment files live: the data dir (embedded) or the database (PostgreSQL, so every node
 * serves them). Both adapters have the same shape.
 */
export interface FileStore {
  save(input: Omit<StoredFile, 'id' | 'token'> & { content: Uint8Array }): Promise<StoredFile>;
  /** The file's metadata, when the id and token match a stored file. */
  describe(ref: { id: string; token: string }): Promise<StoredFile | undefined>;
  read(ref: { id: string; token: string }): Promise<{ file: StoredFile; content: Uint8Array } | undefined>;
}
