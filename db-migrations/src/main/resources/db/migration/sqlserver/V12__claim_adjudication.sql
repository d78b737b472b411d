-- Which adjudication wrote a claim's last engine result (see the PostgreSQL twin).
--
-- SQL Server 2019+ (T-SQL) twin of postgresql/V12__claim_adjudication.sql; the dialect notes are in V1.

alter table claim add adjudicated_at datetimeoffset;
alter table claim add adjudication_batch uniqueidentifier;
alter table claim add engine_version nvarchar(100);

create index claim_batch_waiting_ix on claim (process_stamp)
    where validity_to is null and batch_run_id is null and status in (8, 16);
