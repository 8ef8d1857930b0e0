// The fields a file holds that Sieve does not model, named as the file names them. The names are the
// file's, so the record has no prototype: "__proto__" or "constructor" is kept as a field like any other
// and can neither change the record's prototype nor find a value that is not there.
export type RawFields = Record<string, unknown>

export function rawFields(): RawFields {
  return Object.create(null) as RawFields
}
