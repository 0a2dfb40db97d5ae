package cn.xiaoan.ingest;

/**
 * The 督办 (listed for supervision) cell of a ledger. Offices write it as a yes/no ({@link Flags}) or as the listing
 * itself: 市级挂牌督办, 省级督办, 已挂牌 (listed) or 未督办, 无需督办, 不挂牌 (not listed).
 */
final class Supervision {
    private Supervision() {}

    /** 1 listed, 0 not listed, -1 when the text says neither. */
    static int parse(String text) {
        int flag = Flags.parse(text);
        if (flag >= 0) {
            return flag;
        }
        if (!mentionsListing(text)) {
            return -1;
        }
        char first = text.charAt(0);
        return first == '未' || first == '无' || first == '不' || first == '否' || first == '免' ? 0 : 1;
    }

    /**
     * Whether a listed cell says more than yes, e.g. who lists it (市级挂牌督办), so it can stand for the listing unit
     * when the ledger has no column of its own for that.
     */
    static boolean namesTheListing(String text) {
        return Flags.parse(text) < 0
                && !text.equals("督办")
                && !text.equals("已督办")
                && !text.equals("挂牌督办")
                && !text.equals("已挂牌")
                && !text.equals("已挂牌督办")
                && !text.equals("挂牌");
    }

    private static boolean mentionsListing(String text) {
        return text.contains("督办") || text.contains("挂牌");
    }
}
