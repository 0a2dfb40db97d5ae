package cn.xiaoan.ingest;

/** Where a batch's report date came from. */
public enum ReportDateSource {
    /** Given by the caller (command-line flag or upload form). */
    FLAG("由参数指定", "given with the request"),
    /** Read from the file's 填报日期 cell above the header. */
    FILE("文件中的填报日期", "the file's 填报日期"),
    /** Neither was given: the day of ingest. */
    INGEST_TIME("导入当天", "the day of ingest");

    private final String nameZh;
    private final String nameEn;

    ReportDateSource(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** How a person reads it, e.g. 文件中的填报日期; the enum name stays the code in JSON and manifests. */
    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
