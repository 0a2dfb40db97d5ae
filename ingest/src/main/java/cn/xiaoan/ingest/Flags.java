package cn.xiaoan.ingest;

/** Yes/no cells: 是/否, Y/N, yes/no, true/false, 1/0, 有/无, √/×. */
final class Flags {
    private Flags() {}

    /** 1, 0, or -1 when the text is neither. */
    static int parse(String text) {
        switch (text) {
            case "是", "Y", "y", "YES", "Yes", "yes", "TRUE", "True", "true", "1", "有", "√", "✓", "已配备", "已落实" -> {
                return 1;
            }
            case "否", "N", "n", "NO", "No", "no", "FALSE", "False", "false", "0", "无", "×", "✗", "未配备", "未落实" -> {
                return 0;
            }
            default -> {
                return -1;
            }
        }
    }
}
