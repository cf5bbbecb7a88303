package io.minyi.gateway.edge;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderRulesTest {

    /** Spring Security's own predicates are the reference: the loop must decide every string as they do. */
    @Test
    void decidesAsTheStrictFirewallsRegexes() {
        List<String> samples = new ArrayList<>(List.of("", "Bearer eyJhbGciOi.abc_-", "政协 社情民意", "a\tb", "a\nb",
                "a\rb", "\u0000", "\u007f", "\u0085", "\u00a0", "emoji \uD83D\uDE00", "\uD83D", "\uFFFF", "\u0378",
                "text/html;q=0.9, */*"));
        Random random = new Random(20261203);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(6);
            for (int j = 0; j < length; j++) {
                int range = random.nextInt(4);
                s.appendCodePoint(range == 0 ? random.nextInt(0x100) : range == 1 ? random.nextInt(0x10000)
                        : range == 2 ? 0x20 + random.nextInt(0x5f) : random.nextInt(0x110000));
            }
            samples.add(s.toString());
        }
        for (String s : samples) {
            assertThat(HeaderRules.headerValue(s)).as("value %s", s)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(s));
            assertThat(HeaderRules.assignedAndNotControl(s)).as("name %s", s)
                    .isEqualTo(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(s));
        }
    }

    @Test
    void refusesControlCharactersAndAllowsAbsentHeaders() {
        assertThat(HeaderRules.headerValue("x\r\nSet-Cookie: a=b")).isFalse();
        assertThat(HeaderRules.assignedAndNotControl("a\tb")).isFalse();
        assertThat(HeaderRules.headerValue("a\tb")).isTrue();
        assertThat(HeaderRules.headerValue(null)).isTrue();
    }
}
