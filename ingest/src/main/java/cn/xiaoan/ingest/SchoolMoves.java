package cn.xiaoan.ingest;

import static java.util.Objects.requireNonNull;

import cn.xiaoan.domain.District;
import cn.xiaoan.domain.LockWait;
import cn.xiaoan.domain.ReferenceData;
import cn.xiaoan.domain.Warehouse;
import cn.xiaoan.domain.WarehouseLocks;
import cn.xiaoan.domain.WarehouseWrite;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Moves schools between districts: the one way a school changes district (a register row never does). A move is a
 * city-level action, recorded in {@link SchoolMoveLog} with who, when, why, from, to and the date it takes effect; the
 * next model build counts hazards found before that date for the old district and the rest for the new one.
 */
public final class SchoolMoves {
    /** How far ahead of today a move may take effect (the server clock may lag the caller's day). */
    static final int FUTURE_TOLERANCE_DAYS = 1;

    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final Clock clock;
    private final WarehouseLocks locks;

    public SchoolMoves(Warehouse warehouse, ReferenceData reference, Clock clock) {
        this(warehouse, reference, clock, WarehouseLocks.defaults());
    }

    /** {@code locks}: the process's warehouse locks, with the patience of this caller. */
    public SchoolMoves(Warehouse warehouse, ReferenceData reference, Clock clock, WarehouseLocks locks) {
        this.warehouse = requireNonNull(warehouse, "warehouse");
        this.reference = requireNonNull(reference, "reference");
        this.clock = requireNonNull(clock, "clock");
        this.locks = requireNonNull(locks, "locks");
    }

    /** Every recorded move, oldest first. */
    public List<SchoolMove> list() {
        return SchoolMoveLog.read(warehouse);
    }

    /**
     * A registered school's name and owning district (after every move), and its moves; empty when the code is not in
     * any committed register.
     */
    public Optional<SchoolOwnership> ownership(String schoolCode) {
        try {
            List<SchoolMove> moves = SchoolMoveLog.read(warehouse);
            return ownership(
                    schoolCode, Register.load(warehouse, Batches.read(warehouse, new ObjectMapper()), moves), moves);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read the register of " + warehouse.root() + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the register: DuckDB failed: " + e.getMessage(), e);
        }
    }

    /**
     * Moves a school, holding the warehouse's writer lock while it checks and writes, and returns the recorded move.
     *
     * @throws SchoolMoveRefusedException when the school or the district is unknown, the school is already there, the
     *     reason is blank or the effective date is before the school's last move or more than a day ahead
     * @throws WarehouseBusyException when another writer holds the lock
     */
    public SchoolMove move(SchoolMoveRequest request) {
        requireNonNull(request, "request");
        try {
            try (WarehouseWrite write =
                    locks.acquire(warehouse, "move school " + request.schoolCode(), LockWait.silent())) {
                List<SchoolMove> moves = SchoolMoveLog.read(warehouse);
                Register register = Register.load(warehouse, Batches.open(write, new ObjectMapper()), moves);
                SchoolMove move = check(request, register, moves);
                SchoolMoveLog.append(warehouse, move);
                return move;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move school " + request.schoolCode() + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Cannot move school " + request.schoolCode() + ": DuckDB failed: " + e.getMessage(), e);
        }
    }

    private SchoolMove check(SchoolMoveRequest request, Register register, List<SchoolMove> moves) {
        String code = request.schoolCode();
        String owner = register.owner(code);
        if (owner == null) {
            throw new SchoolMoveRefusedException(
                    SchoolMoveRefusedException.Why.UNKNOWN_SCHOOL,
                    "学校标识码 \"" + code + "\" 不在学校名册中，无法迁移",
                    "school " + code + " is not in the school register; nothing to move");
        }
        District to = reference
                .districts()
                .resolve(request.toDistrict())
                .orElseThrow(() -> new SchoolMoveRefusedException(
                        SchoolMoveRefusedException.Why.UNKNOWN_DISTRICT,
                        "\"" + request.toDistrict() + "\" 不是已知的县区（见 data/reference/districts.csv）",
                        "\"" + request.toDistrict()
                                + "\" is not a known district code or name (see data/reference/districts.csv)"));
        if (to.code().equals(owner)) {
            throw new SchoolMoveRefusedException(
                    SchoolMoveRefusedException.Why.ALREADY_THERE,
                    "学校 " + code + " 已属于" + to.nameZh() + "（" + to.code() + "），无需迁移",
                    "school " + code + " already belongs to " + to.nameEn() + " (" + to.code() + ")");
        }
        if (request.reason().isEmpty()) {
            throw new SchoolMoveRefusedException(
                    SchoolMoveRefusedException.Why.NO_REASON,
                    "请说明迁移原因（--reason）",
                    "give the reason for the move (--reason)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        LocalDate effective = request.effectiveFrom().orElse(today);
        LocalDate latest = today.plusDays(FUTURE_TOLERANCE_DAYS);
        if (effective.isAfter(latest)) {
            throw new SchoolMoveRefusedException(
                    SchoolMoveRefusedException.Why.BAD_EFFECTIVE_DATE,
                    "生效日期 " + effective + " 晚于 " + latest + "：迁移不能预先登记，请在生效时再执行",
                    "effective date " + effective + " is after " + latest
                            + ": a move cannot be recorded ahead; record it when it takes effect");
        }
        Optional<SchoolMove> last =
                moves.stream().filter(move -> move.schoolCode().equals(code)).reduce((first, second) -> second);
        if (last.isPresent() && effective.isBefore(last.get().effectiveFrom())) {
            throw new SchoolMoveRefusedException(
                    SchoolMoveRefusedException.Why.BAD_EFFECTIVE_DATE,
                    "生效日期 " + effective + " 早于该校上次迁移的生效日期 " + last.get().effectiveFrom() + "（第 "
                            + last.get().sequence() + " 次迁移）",
                    "effective date " + effective + " is before the school's last move, effective "
                            + last.get().effectiveFrom() + " (move "
                            + last.get().sequence() + ")");
        }
        return new SchoolMove(
                moves.size() + 1L,
                code,
                register.name(code),
                owner,
                to.code(),
                effective,
                request.reason(),
                request.movedBy(),
                now);
    }

    private static Optional<SchoolOwnership> ownership(String code, Register register, List<SchoolMove> moves) {
        String owner = register.owner(code);
        if (owner == null) {
            return Optional.empty();
        }
        List<SchoolMove> own =
                moves.stream().filter(move -> move.schoolCode().equals(code)).toList();
        String first = own.isEmpty() ? owner : own.get(0).fromDistrict();
        return Optional.of(new SchoolOwnership(code, register.name(code), first, owner, own));
    }
}
