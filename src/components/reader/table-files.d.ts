/** Every published table's Arrow stream as a FileAttachment (table-files.js). */
export declare const TABLE_FILES: Record<string, {arrayBuffer(): Promise<ArrayBuffer>; arrow(): Promise<unknown>}>;
/** tables/catalog.json as a FileAttachment. */
export declare const TABLE_CATALOG: {json(): Promise<{tables: {name: string; columns: {name: string}[]}[]}>};
