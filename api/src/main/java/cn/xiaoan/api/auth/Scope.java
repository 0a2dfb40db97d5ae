package cn.xiaoan.api.auth;

import java.util.Optional;
import java.util.Set;

/** Whose data a user sees: the whole city, or one district (by its 6-digit code). */
public record Scope(Optional<String> district) {
    public Scope {
        district = district.map(String::strip);
        district.ifPresent(code -> {
            if (!code.matches("\\d{6}")) {
                throw new IllegalArgumentException(
                        "Cannot scope a user to district \"" + code + "\": give a 6-digit district code");
            }
        });
    }

    public static Scope city() {
        return new Scope(Optional.empty());
    }

    public static Scope district(String code) {
        return new Scope(Optional.of(code));
    }

    public boolean isCity() {
        return district.isEmpty();
    }

    /** The districts a request may see, given the districts it asked for (empty: all it may see). */
    public Set<String> narrow(Set<String> asked) {
        if (district.isEmpty()) {
            return asked;
        }
        String own = district.get();
        for (String code : asked) {
            if (!code.strip().equals(own)) {
                throw new ScopeViolation("This account sees district " + own + " only; remove district " + code
                        + " from the request / 本账号仅可查看本区县数据");
            }
        }
        return Set.of(own);
    }

    /** The scope as stored and shown: {@code city} or the district code. */
    public String code() {
        return district.orElse("city");
    }

    public static Scope parse(String code) {
        return code == null || code.isBlank() || code.strip().equalsIgnoreCase("city") ? city() : district(code);
    }

    /** A request reaching beyond the user's scope. */
    public static final class ScopeViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ScopeViolation(String message) {
            super(message);
        }
    }
}
