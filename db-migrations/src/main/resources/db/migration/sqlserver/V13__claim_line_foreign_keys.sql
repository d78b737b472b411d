-- Whole indexes on the claim lines' claim_id, for the foreign-key checks of a claim delete (see the PostgreSQL twin).
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V13__claim_line_foreign_keys.sql; the dialect notes are in V1.

create index claim_item_claim_fk_ix on claim_item (claim_id);
create index claim_service_claim_fk_ix on claim_service (claim_id);
