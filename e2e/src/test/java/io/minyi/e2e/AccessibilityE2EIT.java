package io.minyi.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen of every role in headless Chromium with axe-core (WCAG 2.1 A/AA, what GB/T 37668-2019 AA asks
 * of a web app; docs/accessibility.md maps the two): no serious or critical violation on any of them, in the
 * normal and the 长辈版 mode; and the keyboard alone reaches the menu and the screen with the focus always
 * visible. The table per screen is in {@code e2e/target/a11y/a11y.md}.
 */
@Order(3)
class AccessibilityE2EIT extends OnPlatform {

    static final String[] ROLES = {"member-district", "officer-district", "editor-district", "leader-district",
            "dept-longhua-housing", "admin", "auditor", "security-admin"};

    @Test
    void everyScreenOfEveryRolePassesAxeAndWorksWithTheKeyboard() throws Exception {
        // something in every queue and list, so that drawers and dialogs are opened too
        String member = api.token("member-district");
        assertThat(api.post(member, "/api/reports", "{\"title\":\"无障碍检查：盲道被占用\","
                + "\"body\":\"人民路盲道多处被车辆和摊位占用，视障人士出行困难。建议加强巡查。\"}").status()).isEqualTo(201);

        String[] args = new String[ROLES.length + 1];
        args[0] = "Minyi-2026-demo";
        System.arraycopy(ROLES, 0, args, 1, ROLES.length);
        var seen = Api.JSON.readTree(stack.browser("a11y.js", args));
        assertThat(seen.get("blocking").size()).as("serious or critical violations: " + seen.get("blocking")).isZero();
        assertThat(seen.get("screens").asInt()).as("screens checked").isGreaterThanOrEqualTo(40);
        for (String role : ROLES) {
            var keys = seen.get("keyboard").get(role);
            assertThat(keys.get("menu").asBoolean()).as(role + ": Tab reaches the menu").isTrue();
            assertThat(keys.get("main").asBoolean()).as(role + ": Tab reaches the screen").isTrue();
            assertThat(keys.get("elder").asBoolean()).as(role + ": Tab reaches the 长辈版 switch").isTrue();
            assertThat(keys.get("invisible").asInt()).as(role + ": focus shown at every stop " + keys.get("without")).isZero();
        }
        var journey = seen.get("keyboard").get("journey");
        assertThat(journey.get("submitted").asBoolean()).as("the member submits a report with the keyboard alone").isTrue();
        assertThat(journey.get("returned").asString()).as("the editor returns it with the keyboard alone")
                .contains("完成 1 篇，未完成 0 篇");
        assertThat(journey.get("focus").asString()).as("the focus lands on the result").isEqualTo("bulk-results");
        assertThat(stack.root().resolve("e2e/target/a11y/a11y.md")).exists();
    }
}
