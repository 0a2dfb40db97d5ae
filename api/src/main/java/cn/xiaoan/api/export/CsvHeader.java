package cn.xiaoan.api.export;

/**
 * What a CSV export's header row holds: the columns' machine codes (data exchanged with programs, the default) or their
 * headings (a list handed to people, e.g. the 整改责任清单 in Chinese).
 */
public enum CsvHeader {
    CODES,
    HEADINGS
}
