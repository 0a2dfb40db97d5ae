package cn.xiaoan.analytics.report;

import java.util.Locale;

/** A Word document or an Excel workbook. */
public enum ReportFormat {
    DOCX("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String code;
    private final String extension;
    private final String contentType;

    ReportFormat(String code, String extension, String contentType) {
        this.code = code;
        this.extension = extension;
        this.contentType = contentType;
    }

    public String code() {
        return code;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    public static ReportFormat fromCode(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.code.equals(wanted)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Cannot write a report as \"" + code + "\": expected docx or xlsx");
    }
}
