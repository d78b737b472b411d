/** openIMIS's right codes the menu needs (domain.md §6.2); the server checks them again on every request. */
export const Rights = {
  INSUREE_SEARCH: 101101,
  CLAIM_SEARCH: 111001,
  CLAIM_ADD: 111002,
  CLAIM_REVIEW: 111008,
  CLAIM_PROCESS: 111011,
  BATCH_VIEW: 111102,
} as const;

export interface MenuEntry {
  readonly key: string;
  readonly label: string;
  /** Shown when the user holds any of these rights. */
  readonly anyOf: readonly number[];
}

export const MENU: readonly MenuEntry[] = [
  { key: 'insurees', label: 'Insurees', anyOf: [Rights.INSUREE_SEARCH] },
  { key: 'claims', label: 'Claims', anyOf: [Rights.CLAIM_SEARCH] },
  { key: 'enter', label: 'Enter a claim', anyOf: [Rights.CLAIM_ADD] },
  { key: 'review', label: 'Review claims', anyOf: [Rights.CLAIM_REVIEW] },
  { key: 'process', label: 'Process claims', anyOf: [Rights.CLAIM_PROCESS] },
  { key: 'dashboard', label: 'Dashboard', anyOf: [Rights.BATCH_VIEW] },
];

/** The entries a user with these rights may open, in menu order. */
export function menuFor(rights: readonly number[]): MenuEntry[] {
  const held = new Set(rights);
  return MENU.filter((entry) => entry.anyOf.some((right) => held.has(right)));
}
