package io.minyi.intake;

import io.minyi.testsupport.Callers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A city of its own for a test, registered through the reference API as its administrator would. */
final class OrgFixture {

    /** Registers a new city and the given bodies below it (paths relative to the city, parents first). */
    static String newCity(MockMvc mvc, String... below) throws Exception {
        String city = "c" + UUID.randomUUID().toString().substring(0, 8);
        var admin = Callers.token("u-admin-" + city, "admin", city, null);
        register(mvc, admin, city);
        for (String path : below) {
            register(mvc, admin, city + "/" + path);
        }
        return city;
    }

    private static void register(MockMvc mvc, org.springframework.test.web.servlet.request.RequestPostProcessor admin,
                                 String path) throws Exception {
        mvc.perform(put("/api/reference/orgs/" + path).with(admin).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + path + " 政协\"}")).andExpect(status().isOk());
    }

    private OrgFixture() {
    }
}
