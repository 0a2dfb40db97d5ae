package cn.xiaoan.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The districts of {@code data/reference/districts.csv}, in file order. */
public final class Districts {
    private final Map<String, District> byCode = new LinkedHashMap<>();
    private final Map<String, District> byName = new LinkedHashMap<>();

    Districts(List<District> districts) {
        for (District district : districts) {
            if (byCode.put(district.code(), district) != null) {
                throw new IllegalStateException("Cannot load districts: code " + district.code() + " appears twice");
            }
            byName.put(district.nameZh(), district);
        }
    }

    public static Districts load() {
        return new Districts(ReferenceCsv.read("districts.csv").stream()
                .map(row -> new District(
                        row.get("code"),
                        row.get("name_zh"),
                        row.get("name_en"),
                        row.get("city_code"),
                        row.get("city_zh"),
                        row.get("city_en")))
                .toList());
    }

    /**
     * These districts followed by {@code more} (a bureau's installation whose area lies outside the shipped reference
     * data, e.g. a test standing in for it); a code already known is refused.
     */
    public Districts with(List<District> more) {
        var all = new java.util.ArrayList<>(byCode.values());
        all.addAll(more);
        return new Districts(all);
    }

    public List<District> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<District> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** A district named by its code or its Chinese name. */
    public Optional<District> resolve(String codeOrName) {
        if (codeOrName == null) {
            return Optional.empty();
        }
        String text = codeOrName.strip();
        return byCode(text).or(() -> Optional.ofNullable(byName.get(text)));
    }
}
