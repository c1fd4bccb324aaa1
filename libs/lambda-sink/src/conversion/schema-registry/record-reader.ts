/**
 * One parsed schema, ready to read the data that follows a record's wire-format header into
 * the JSON the Lambda payload carries.
 * @throws Error with the reason when the data does not match the schema.
 */
export interface RecordReader {
  read(data: Buffer): unknown;
}
