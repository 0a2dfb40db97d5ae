package cn.xiaoan.ingest;

/** Where a batch's report date came from. */
public enum ReportDateSource {
    /** Given by the caller (command-line flag or upload form). */
    FLAG,
    /** Read from the file's 填报日期 cell above the header. */
    FILE,
    /** Neither was given: the day of ingest. */
    INGEST_TIME
}
