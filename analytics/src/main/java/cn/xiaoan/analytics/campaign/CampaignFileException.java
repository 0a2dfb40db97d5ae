package cn.xiaoan.analytics.campaign;

import java.util.List;
import java.util.stream.Collectors;

/** A campaign file (or set of files) that cannot be used, with every problem found, not just the first. */
public final class CampaignFileException extends RuntimeException {
    private final transient List<CampaignError> errors;

    public CampaignFileException(List<CampaignError> errors) {
        super("活动定义文件有误 / Invalid campaign definition:\n"
                + errors.stream().map(CampaignError::text).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<CampaignError> errors() {
        return errors;
    }
}
