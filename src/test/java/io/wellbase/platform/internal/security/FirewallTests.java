package io.wellbase.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header rule says what Spring Security's default pattern says, for every character. */
class FirewallTests {

    private static final Pattern SPRING_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void everyCodePointIsJudgedAsTheDefaultPatternJudgesIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String alone = new String(Character.toChars(codePoint));
            String inText = "Bearer ab" + alone + "cd";
            assertThat(Firewall.assignedAndNotControl(alone))
                    .as("U+%04X", codePoint)
                    .isEqualTo(SPRING_DEFAULT.matcher(alone).matches());
            if (codePoint < 0x3000) {
                assertThat(Firewall.assignedAndNotControl(inText))
                        .as("U+%04X in text", codePoint)
                        .isEqualTo(SPRING_DEFAULT.matcher(inText).matches());
            }
        }
    }

    @Test
    void aLoneSurrogateAndAnEmptyValueAreJudgedAsTheDefaultPatternJudgesThem() {
        for (String value :
                new String[] {"", "\uD800", "a\uDC00b", "eyJhbGciOiJSUzI1NiJ9.e30.sig", "caf\u00e9", "a\tb"}) {
            assertThat(Firewall.assignedAndNotControl(value))
                    .as(value)
                    .isEqualTo(SPRING_DEFAULT.matcher(value).matches());
        }
    }
}
