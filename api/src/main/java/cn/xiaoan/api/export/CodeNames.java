package cn.xiaoan.api.export;

import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.TaxonomyKind;
import cn.xiaoan.domain.Term;

/**
 * The Chinese names exports print for coded values (消防安全 for FIRE, 未整改 for OPEN): an export is read by people in a
 * spreadsheet, so codes stay in URLs, JSON and SQL. A code the reference data do not name is kept as it is rather than
 * lost.
 */
public final class CodeNames {
    private final ReferenceData reference;

    public CodeNames(ReferenceData reference) {
        this.reference = reference;
    }

    /** The Chinese name of a taxonomy code, e.g. category FIRE → 消防安全. */
    public String zh(TaxonomyKind kind, String code) {
        if (code == null) {
            return null;
        }
        return reference.taxonomy().terms(kind).stream()
                .filter(term -> term.code().equals(code))
                .map(Term::nameZh)
                .findFirst()
                .orElse(code);
    }

    /** The name of a taxonomy code in the language, e.g. category FIRE → 消防安全 or Fire safety. */
    public String name(TaxonomyKind kind, String code, ExportLanguage language) {
        if (code == null) {
            return null;
        }
        return reference.taxonomy().terms(kind).stream()
                .filter(term -> term.code().equals(code))
                .map(term -> language.pick(term.nameZh(), term.nameEn()))
                .findFirst()
                .orElse(code);
    }

    /** A district's name in the language, e.g. 140902 → 忻府区 or Xinfu; the code when the reference lacks it. */
    public String district(String code, ExportLanguage language) {
        if (code == null) {
            return null;
        }
        return reference
                .districts()
                .byCode(code)
                .map(district -> language.pick(district.nameZh(), district.nameEn()))
                .orElse(code);
    }

    /** The boarding flag as a spreadsheet answers a yes/no column: 是 / 否. */
    public static String boarding(String flag) {
        if (flag == null) {
            return null;
        }
        return switch (flag) {
            case "Y" -> "是";
            case "N" -> "否";
            default -> flag;
        };
    }
}
