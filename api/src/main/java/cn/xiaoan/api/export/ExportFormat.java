package cn.xiaoan.api.export;

/** The file formats a table can be exported to. */
public enum ExportFormat {
    CSV("text/csv; charset=utf-8", ".csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** {@code csv} or {@code xlsx}, any case. */
    public static ExportFormat fromCode(String code) {
        for (ExportFormat format : values()) {
            if (format.name().equalsIgnoreCase(code.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "Unknown export format \"" + code + "\": use csv or xlsx / 导出格式应为 csv 或 xlsx");
    }
}
