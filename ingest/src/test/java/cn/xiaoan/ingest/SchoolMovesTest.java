package cn.xiaoan.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Moving a school between districts: what is refused, and what the append-only log records. */
class SchoolMovesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @TempDir
    Path temp;

    private IngestFixture fixture;
    private SchoolMoves moves;

    @BeforeEach
    void setUp() {
        fixture = new IngestFixture(temp);
        fixture.ingestRegister();
        moves = new SchoolMoves(fixture.warehouse, IngestFixture.REFERENCE, CLOCK);
    }

    private static SchoolMoveRequest request(String code, String to, String effective) {
        return new SchoolMoveRequest(
                code, to, "行政区划调整", Optional.ofNullable(effective).map(LocalDate::parse), "city-admin");
    }

    @Test
    void recordsWhoWhenWhyFromToAndTheEffectiveDateInTheLog() throws Exception {
        SchoolMove move = moves.move(request("1409210001", "忻府区", "2024-05-01"));

        assertThat(move.sequence()).isEqualTo(1);
        assertThat(move.fromDistrict()).isEqualTo("140921");
        assertThat(move.toDistrict()).isEqualTo("140902");
        List<String> lines = Files.readAllLines(fixture.warehouse.schoolMoves(), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        JsonNode entry = new ObjectMapper().readTree(lines.get(0));
        assertThat(entry.path("school_code").asText()).isEqualTo("1409210001");
        assertThat(entry.path("school_name").asText()).isEqualTo("定襄县城关幼儿园");
        assertThat(entry.path("from_district").asText()).isEqualTo("140921");
        assertThat(entry.path("to_district").asText()).isEqualTo("140902");
        assertThat(entry.path("effective_from").asText()).isEqualTo("2024-05-01");
        assertThat(entry.path("reason").asText()).isEqualTo("行政区划调整");
        assertThat(entry.path("moved_by").asText()).isEqualTo("city-admin");
        assertThat(OffsetDateTime.parse(entry.path("moved_at").asText()).toInstant())
                .isEqualTo(Instant.parse("2024-06-01T02:00:00Z"));
        assertThat(moves.list()).containsExactly(move);
        try (var files = Files.list(fixture.warehouse.schoolMoves().getParent())) {
            assertThat(files.toList()).as("no temporary left").containsExactly(fixture.warehouse.schoolMoves());
        }
    }

    @Test
    void appendsWithoutChangingEarlierEntries() throws Exception {
        moves.move(request("1409210001", "140902", "2024-05-01"));
        byte[] before = Files.readAllBytes(fixture.warehouse.schoolMoves());

        SchoolMove back = moves.move(request("1409210001", "140921", "2024-05-20"));

        byte[] after = Files.readAllBytes(fixture.warehouse.schoolMoves());
        assertThat(new String(after, StandardCharsets.UTF_8)).startsWith(new String(before, StandardCharsets.UTF_8));
        assertThat(back.sequence()).isEqualTo(2);
        assertThat(back.fromDistrict()).isEqualTo("140902");
        assertThat(moves.ownership("1409210001")).hasValueSatisfying(owner -> {
            assertThat(owner.firstDistrict()).isEqualTo("140921");
            assertThat(owner.currentDistrict()).isEqualTo("140921");
            assertThat(owner.moves()).hasSize(2);
        });
    }

    @Test
    void refusesUnknownSchoolsUnknownDistrictsAndAMoveToTheCurrentOwner() {
        assertRefused(request("1409029999", "140921", null), SchoolMoveRefusedException.Why.UNKNOWN_SCHOOL);
        assertRefused(request("1409210001", "999999", null), SchoolMoveRefusedException.Why.UNKNOWN_DISTRICT);
        assertRefused(request("1409210001", "定襄县", null), SchoolMoveRefusedException.Why.ALREADY_THERE);
        assertRefused(
                new SchoolMoveRequest("1409210001", "140902", "  ", Optional.empty(), "city-admin"),
                SchoolMoveRefusedException.Why.NO_REASON);
        assertThat(fixture.warehouse.schoolMoves()).doesNotExist();
    }

    @Test
    void refusesAnEffectiveDateBeforeTheLastMoveOrMoreThanADayAhead() {
        moves.move(request("1409210001", "140902", "2024-05-01"));

        assertRefused(request("1409210001", "140921", "2024-04-30"), SchoolMoveRefusedException.Why.BAD_EFFECTIVE_DATE);
        assertRefused(request("1409210001", "140921", "2024-06-03"), SchoolMoveRefusedException.Why.BAD_EFFECTIVE_DATE);
        assertThat(moves.move(request("1409210001", "140921", "2024-06-02")).effectiveFrom())
                .isEqualTo(LocalDate.of(2024, 6, 2));
    }

    @Test
    void takesEffectTodayWhenNoDateIsGiven() {
        assertThat(moves.move(request("1409020002", "140921", null)).effectiveFrom())
                .isEqualTo(LocalDate.of(2024, 6, 1));
    }

    private void assertRefused(SchoolMoveRequest request, SchoolMoveRefusedException.Why why) {
        assertThatThrownBy(() -> moves.move(request))
                .isInstanceOfSatisfying(SchoolMoveRefusedException.class, e -> assertThat(e.why())
                        .isEqualTo(why))
                .hasMessageContaining(" / ");
    }
}
