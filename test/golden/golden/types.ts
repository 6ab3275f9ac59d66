// generated from tasks.yaml by celerity codegen — do not edit. manifest sha256:89983e1edf06fc8a

/** Arguments of `a.b_c`. */
export interface ABCArgs {
  [key: string]: number;
}

/** Result of `a.b_c`. */
export interface ABCResult {
  [key: string]: Array<string>;
}

/** Arguments of `a_b.c`. */
export type ABC2Args = Record<string, never>;

/** Result of `a_b.c`. */
export type ABC2Result = string | number | boolean | null;

/**
 * Arguments of `billing.invoice.create`.
 * Creates an invoice.
 * Multi-line descriptions become multi-line doc comments.
 */
export interface BillingInvoiceCreateArgs {
  customer: {
    /**
     * The customer's id.
     * Format: uuid.
     */
    id: string;
    vip?: boolean;
  };
  lines: Array<{
    sku: string;
    quantity: number;
    unitPrice?: number | null;
  }>;
  /** @default "EUR" */
  currency?: "EUR" | "USD" | "it's" | 'say "hi"';
  note?: string | null;
  tags?: Array<string>;
  point?: [number, number];
  meta?: {
    [key: string]: string;
  };
  extra?: {
    a?: number;
    [key: string]: unknown;
  };
  "x-trace-id"?: string;
}

/** Result of `billing.invoice.create`. */
export interface BillingInvoiceCreateResult {
  invoiceId: string;
  total: number;
  status?: "created";
}

/** Arguments of `billing.refund`. */
export interface BillingRefundArgs {
  amount: {
    amount: number;
    currency: string;
  };
  reason?:
    | "damaged"
    | "late"
    | {
        other: string;
      };
}

/** Result of `billing.refund`. */
export type BillingRefundResult =
  | {
      ok: true;
    }
  | {
      ok: false;
      error: string;
    };

/**
 * Arguments of `ping`.
 * Single-segment name, no args schema, no result schema.
 */
export type PingArgs = unknown;

/** Result of `ping`. */
export type PingResult = unknown;

/** Arguments of `reports.run`. */
export interface ReportsRunArgs {
  window?: "day" | "week" | "month";
  /** @default 10 */
  limit?: number;
}

/** Result of `reports.run`. */
export type ReportsRunResult = Array<{
  name: string;
}>;

/** Argument type of each task, by name. */
export interface TaskArgs {
  "a.b_c": ABCArgs;
  "a_b.c": ABC2Args;
  "billing.invoice.create": BillingInvoiceCreateArgs;
  "billing.refund": BillingRefundArgs;
  ping: PingArgs;
  "reports.run": ReportsRunArgs;
}

/** Result type of each task, by name. */
export interface TaskResults {
  "a.b_c": ABCResult;
  "a_b.c": ABC2Result;
  "billing.invoice.create": BillingInvoiceCreateResult;
  "billing.refund": BillingRefundResult;
  ping: PingResult;
  "reports.run": ReportsRunResult;
}

/** Every task name in tasks.yaml. */
export type TaskName = keyof TaskArgs;
