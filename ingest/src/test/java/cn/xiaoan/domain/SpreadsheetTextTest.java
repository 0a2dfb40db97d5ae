package cn.xiaoan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {
    @Test
    void cellsThatStartLikeAFormulaGetAnApostrophe() {
        assertThat(SpreadsheetText.defused("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(SpreadsheetText.defused("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetText.defused("-2")).isEqualTo("'-2");
        assertThat(SpreadsheetText.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.defused("\t=1")).isEqualTo("'\t=1");
        assertThat(SpreadsheetText.defused("\r=1")).isEqualTo("'\r=1");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(SpreadsheetText.defused("灭火器过期")).isEqualTo("灭火器过期");
        assertThat(SpreadsheetText.defused("a=b")).isEqualTo("a=b");
        assertThat(SpreadsheetText.defused("'quoted")).isEqualTo("'quoted");
        assertThat(SpreadsheetText.defused("")).isEmpty();
    }

    @Test
    void restoredGivesBackExactlyWhatWasTyped() {
        for (String typed : List.of("=1+1", "'=1+1", "''=x", "'plain", "plain", "", "'", "-", "@", "''", "a'=b")) {
            assertThat(SpreadsheetText.restored(SpreadsheetText.defused(typed)))
                    .as(typed)
                    .isEqualTo(typed);
        }
    }
}
