package cn.xiaoan.generate;

/** The file formats the generator writes; each dataset is written once per chosen format. */
public enum OutputFormat {
    /** UTF-8 CSV without BOM, RFC 4180 quoting, {@code \n} line ends, Chinese headers. */
    CSV("csv"),
    /** A bureau-style workbook: title rows, Chinese headers, dates in mixed forms, a signature row. */
    XLSX("xlsx"),
    /** JSON Lines with the English keys of docs/WAREHOUSE.md's raw schemas, codes for coded values, ISO dates. */
    JSON("jsonl");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
