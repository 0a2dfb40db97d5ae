package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.District;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Whose template it is: the clerk's district (none for a city-wide or command-line template) and the registered
 * schools it owns, code to name, which the workbook offers in its drop-down lists.
 */
public record TemplateScope(Optional<District> district, SortedMap<String, String> schools) {
    public TemplateScope {
        requireNonNull(district, "district");
        schools = Collections.unmodifiableSortedMap(new TreeMap<>(schools));
    }

    /**
     * The scope of {@code districtCode} (every district when empty) from the warehouse's committed school register,
     * after every move; no schools when no register has been ingested yet.
     *
     * @throws IllegalArgumentException when the district code is not in the reference data
     */
    public static TemplateScope fromRegister(
            Warehouse warehouse, ReferenceData reference, Optional<String> districtCode) {
        Optional<District> district = districtCode.map(code -> reference
                .districts()
                .byCode(code)
                .orElseThrow(
                        () -> new IllegalArgumentException("未知的县区代码 \"" + code + "\"（见 data/reference/districts.csv）"
                                + " / unknown district code \"" + code + "\" (see data/reference/districts.csv)")));
        try {
            Register register = Register.load(
                    warehouse, Batches.read(warehouse, new ObjectMapper()), SchoolMoveLog.read(warehouse));
            return new TemplateScope(district, register.namesOwnedBy(district.map(District::code)));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the register of " + warehouse.root() + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the register: DuckDB failed: " + e.getMessage(), e);
        }
    }
}
