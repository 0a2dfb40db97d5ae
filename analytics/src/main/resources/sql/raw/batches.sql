-- The standing batches the model reads rows from (every dataset; withdrawn batches are absent), one row per batch:
-- when it was ingested and from which file. ingested_at is the ingest instant in UTC as fixed-width ISO-8601 text
-- (uuuu-MM-ddTHH:mm:ss.SSSSSSZ), so that both engines store, compare and print it identically. rows_read is
-- the rows the file held (0 for a nil return, 零报告), reporting_unit the 填报单位 of its title row (a school's name
-- or code; NULL when the file names none).
CREATE TABLE raw_batches (
    dataset STRING,
    batch_id BIGINT,
    report_date DATE,
    ingested_at STRING,
    file_name STRING,
    rows_read BIGINT,
    reporting_unit STRING
)
