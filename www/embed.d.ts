// Types for embed.js, the ecr-explain JavaScript API.

export interface Span {
  /** Byte offset into the (UTF-8) text that was explained. */
  start: number;
  end: number;
}

export interface Remedy {
  title: string;
  /** A command or snippet with the paste's facts filled in; missing facts stay `<name>`. */
  command: string;
}

/** A fact kept out of the commands because it is not a valid name of its kind. */
export interface Withheld {
  field: string;
  value: string;
  reason: string;
}

export interface Mark {
  field: string;
  value: string;
  span: Span;
}

/** Facts read from the paste: account_id, region, repository, action, principal_arn, ... */
export type Fields = Record<string, string>;

export interface Finding {
  /** Stable id, e.g. "access-denied"; look-alikes start with "not-ecr-". */
  id: string;
  title: string;
  http_status: number | null;
  confidence: number;
  /** Matched only by paraphrased or mangled wording: shown as "likely". */
  likely: boolean;
  span: Span;
  occurrences: number;
  more_spans: Span[];
  not_ecr: boolean;
  /** The id of the finding this one follows from or wraps, if any. */
  context_of: string | null;
  fields: Fields;
  marks: Mark[];
  explanation: string;
  causes: string;
  remedies: Remedy[];
  /** Facts that stayed `<name>` in the remedies, and why. */
  withheld: Withheld[];
  references: string[];
}

export interface Candidate {
  id: string;
  title: string;
  reason: string;
}

export interface Report {
  /** Root cause first. */
  findings: Finding[];
  fields: Fields;
  summary: string;
  /** Nearest known errors when nothing matched. */
  candidates: Candidate[];
  /** Distinct findings beyond the first 500: counted, not listed. */
  omitted_findings: number;
  input_bytes: number;
}

export interface FamilyDoc {
  id: string;
  title: string;
  http_status: number | null;
  not_ecr: boolean;
  explanation: string;
  causes: string;
  remedies: Remedy[];
  references: string[];
  examples: string[];
}

/** What mount() and <ecr-explain> show: the paste box and verdict, the verdict alone, the
 * token bucket, or one error family's page. */
export type View = "explainer" | "verdict" | "bucket" | "error-page";

export interface MountOptions {
  /** Text to explain on mount. */
  error?: string;
  view?: View;
  /** For view "error-page": a family id from families(), e.g. "token-expired". */
  family?: string;
  /** Hides the examples and the source view. */
  compact?: boolean;
}

export interface Mounted {
  unmount(): void;
}

/** Resolves once the WebAssembly engine is loaded; await it before explain(). */
export const ready: Promise<void>;
/** Synchronous: about 30 MB/s. For very large logs, mount() reads in steps and stays responsive. */
export function explain(text: string): Report;
export function families(): FamilyDoc[];
export function mount(element: Element, options?: MountOptions): Promise<Mounted>;

/**
 * The <ecr-explain> element, registered by importing embed.js. Attributes (all optional):
 * `error` (without it, the element's text is the error), `view`, `family`, `compact`.
 * It renders in an open shadow root, re-renders when an attribute or its text changes, and
 * cleans up when removed from the page.
 */
export interface EcrExplainElement extends HTMLElement {}

/** Its attributes, for JSX/MDX typings: `IntrinsicElements["ecr-explain"]`. */
export interface EcrExplainAttributes {
  error?: string;
  view?: View;
  family?: string;
  /** Present (any value but "false") for the compact layout. */
  compact?: boolean | "" | "true" | "false";
  children?: unknown;
}

declare global {
  interface HTMLElementTagNameMap {
    "ecr-explain": EcrExplainElement;
  }
}
