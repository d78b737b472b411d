-- Whole (not partial) indexes on the claim lines' claim_id: PostgreSQL checks the foreign key of a claim being
-- deleted with "claim_id = $1" over all rows, which the partial current-line indexes cannot serve, so every deleted
-- claim scanned both line tables (a bulk delete of 100,000 generated claims ran for hours).
create index claim_item_claim_fk_ix on claim_item (claim_id);
create index claim_service_claim_fk_ix on claim_service (claim_id);
