package cn.xiaoan.analytics.service;

import java.util.List;

/** A list of school names or register codes as the campaign SQL matches them: {@code ",a,b,"}, empty for none. */
final class CampaignScope {
    private CampaignScope() {}

    static String names(List<String> schools) {
        if (schools.isEmpty()) {
            return "";
        }
        for (String school : schools) {
            if (school.contains(",")) {
                throw new IllegalArgumentException("A school name may not contain a comma: " + school);
            }
        }
        return "," + String.join(",", schools) + ",";
    }
}
