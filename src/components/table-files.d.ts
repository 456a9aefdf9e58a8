/** Every published table's Arrow stream as a FileAttachment (table-files.js). */
export declare const TABLE_FILES: Record<string, {arrayBuffer(): Promise<ArrayBuffer>; arrow(): Promise<unknown>}>;
