// The receipts submitted from this device (docs/contract.md#the-citizens-list-of-receipts): what
// <rd-receipt-lookup> lists so a citizen finds a number again. Receipt, lookup code, a title and
// the date — never what was written nor any contact detail. Not kept in kiosk mode (a shared
// screen at a liaison station), and the citizen can remove any entry.
import { localRecords, type RecordBackend } from './local-records.js';

export interface DeviceReceipt {
  receipt: string;
  lookupCode?: string;
  /** Payload type ('legislation-feedback', …). */
  type: string;
  /** What it was about: the draft's title, "给张伟代表的留言". */
  title: string;
  /** ISO time it was accepted. */
  at: string;
  /** The endpoint it was sent to, so the lookup asks the same backend. */
  endpoint?: string;
}

const PREFIX = 'rd:receipt:';
/** The list keeps the newest entries only. */
export const RECEIPT_BOOK_LIMIT = 100;

function isDeviceReceipt(v: unknown): v is DeviceReceipt {
  const r = v as DeviceReceipt;
  return !!r && typeof r === 'object' && typeof r.receipt === 'string' && typeof r.type === 'string'
    && typeof r.title === 'string' && typeof r.at === 'string'
    && (r.lookupCode === undefined || typeof r.lookupCode === 'string') && (r.endpoint === undefined || typeof r.endpoint === 'string');
}

export interface ReceiptBook {
  /** Newest first. */
  list(): Promise<DeviceReceipt[]>;
  add(r: DeviceReceipt): Promise<void>;
  remove(receipt: string): Promise<void>;
  backend(): Promise<RecordBackend>;
}

/** Tells open lookup widgets on this page that the list changed. */
export const RECEIPT_BOOK_EVENT = 'rd-receipt-book-change';

export function createReceiptBook(dbName = 'rd-receipts'): ReceiptBook {
  const records = localRecords(dbName, isDeviceReceipt);
  const changed = () => { try { globalThis.dispatchEvent?.(new Event(RECEIPT_BOOK_EVENT)); } catch { /* no window */ } };
  const list = async () => (await records.all(PREFIX)).sort((a, b) => b.at.localeCompare(a.at));
  return {
    list,
    backend: () => records.backend(),
    async add(r) {
      const clean: DeviceReceipt = {
        receipt: r.receipt.slice(0, 100), type: r.type.slice(0, 50), title: r.title.slice(0, 200), at: r.at,
        ...(r.lookupCode ? { lookupCode: r.lookupCode.slice(0, 20) } : {}), ...(r.endpoint ? { endpoint: r.endpoint.slice(0, 2000) } : {}),
      };
      await records.set(PREFIX + clean.receipt, clean);
      const all = await list();
      for (const old of all.slice(RECEIPT_BOOK_LIMIT)) await records.delete(PREFIX + old.receipt);
      changed();
    },
    async remove(receipt) {
      await records.delete(PREFIX + receipt);
      changed();
    },
  };
}

let shared: ReceiptBook | undefined;
/** The page-wide book. */
export function receiptBook(): ReceiptBook {
  return (shared ??= createReceiptBook());
}
