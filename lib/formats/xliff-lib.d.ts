// Types for the parts of locize's `xliff` package (v6, untyped) that lib/formats/xliff.ts uses.
// Only the synchronous callback forms are declared: with a callback the functions run (and
// return, for the writers) synchronously, which keeps our exporters synchronous.

declare module "xliff" {
  /** Plain text, or inline-code objects ({ [ElementType]: { id, contents, ...attrs } }). */
  export type XliffValue = string | XliffInline | (string | XliffInline)[];
  export type XliffInline = Record<string, unknown>;

  export interface XliffUnit {
    source?: XliffValue;
    target?: XliffValue;
    /** Written as `<note>` (one per array item); read back likewise. */
    note?: string | string[];
    /** Copied verbatim onto `<unit>` / `<trans-unit>` (2.0 and 1.2 do not escape them). */
    additionalAttributes?: Record<string, string>;
  }

  export interface XliffGroup {
    groupUnits: Record<string, XliffUnit | XliffGroup | undefined>;
    additionalAttributes?: Record<string, string>;
  }

  export interface XliffJs {
    sourceLanguage?: string;
    targetLanguage?: string;
    /** Set by the readers for versions other than their default (2.0 resp. 1.2). */
    xliffVersion?: string;
    /** file id (2.0) / file original (1.2) -> unit id -> unit. Absent for unknown versions. */
    resources?: Record<string, Record<string, XliffUnit | XliffGroup | undefined>>;
  }

  export interface XliffWriteOptions {
    indent?: string;
  }

  export type XliffCallback<T> = (err: Error | null, result: T) => void;

  export function js2xliff(js: XliffJs, opt: XliffWriteOptions, cb: XliffCallback<string>): string;
  export function jsToXliff12(
    js: XliffJs,
    opt: XliffWriteOptions,
    cb: XliffCallback<string>,
  ): string;
  export function xliff2js(xml: string, cb: XliffCallback<XliffJs>): void;
  export function xliff12ToJs(xml: string, cb: XliffCallback<XliffJs>): void;
}
