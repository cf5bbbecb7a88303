package io.minyi.intake;

import io.minyi.contracts.reference.CalendarChanged;
import io.minyi.contracts.reference.ReferenceChanged;
import io.minyi.contracts.reference.ReferenceCodec;
import io.minyi.contracts.reference.ReferenceEvent;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.MinyiServiceIT;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The department registry, its spreadsheet import and the working calendar, as intake-service owns and publishes them. */
@MinyiServiceIT
class DepartmentRegistryIT {

    static final RequestPostProcessor CITY_ADMIN = Callers.token("u-admin", "admin", "haikou", null);
    static final String[] HEADER = {"序号", "单位编码", "单位全称", "单位简称", "所属政协组织", "单位类别", "联系人", "联系电话", "电子邮箱", "状态"};

    @Autowired MockMvc mvc;
    @Value("${spring.kafka.bootstrap-servers}") String kafka;

    @Test
    void eachBodyListsTheDepartmentsOfItsLineageNeverASiblings() throws Exception {
        mvc.perform(get("/api/departments").with(Callers.editor("haikou/longhua"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("longhua-housing")))
                .andExpect(jsonPath("$[*].code", hasItem("haikou-housing")))
                .andExpect(jsonPath("$[*].code", hasItem("jinyu-office")))
                .andExpect(jsonPath("$[*].code", not(hasItem("meilan-housing"))))
                .andExpect(jsonPath("$[?(@.code=='longhua-housing')].name").value("海口市龙华区住房和城乡建设局"))
                .andExpect(jsonPath("$[?(@.code=='longhua-housing')].shortName").value("龙华区住建局"))
                .andExpect(jsonPath("$[?(@.code=='longhua-housing')].orgName").value("龙华区政协"))
                .andExpect(jsonPath("$[?(@.code=='longhua-housing')].kindLabel").value("党政部门"));
        mvc.perform(get("/api/departments?q=住建").with(Callers.leader("haikou/meilan")))
                .andExpect(jsonPath("$[*].code", hasItem("meilan-housing")))
                .andExpect(jsonPath("$[*].code", not(hasItem("longhua-housing"))));
        mvc.perform(get("/api/departments").with(Callers.department("haikou/longhua", "longhua-housing")))
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].code").value("longhua-housing"));
        mvc.perform(get("/api/departments").with(Callers.member("haikou"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/departments/meilan-housing").with(Callers.editor("haikou/longhua")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/reference/departments").with(Callers.member("haikou"))).andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorAddsEditsRetiresAndRestoresADepartmentAndEachChangeIsPublished() throws Exception {
        String code = "d-" + UUID.randomUUID().toString().substring(0, 8);
        var district = Callers.token("u-admin-longhua", "admin", "haikou/longhua", null);
        saveDepartment(district, code, "{\"name\":\"龙华区水务局\",\"shortName\":\"区水务局\",\"org\":\"haikou/longhua\","
                + "\"kind\":\"党政部门\",\"contactPerson\":\"张科长\",\"phone\":\"0898-66001122\",\"email\":\"sw@longhua.gov.cn\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.kind").value("party-government"));
        saveDepartment(district, code, "{\"name\":\"海口市龙华区水务局\",\"shortName\":\"区水务局\",\"org\":\"haikou/longhua\"}")
                .andExpect(status().isOk());
        mvc.perform(delete("/api/departments/" + code).with(district)).andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/departments").with(Callers.editor("haikou/longhua")))
                .andExpect(jsonPath("$[*].code", not(hasItem(code))));
        mvc.perform(get("/api/departments?retired=true").with(district))
                .andExpect(jsonPath("$[?(@.code=='" + code + "')].name").value("海口市龙华区水务局"));
        mvc.perform(post("/api/departments/" + code + "/restore").with(district)).andExpect(jsonPath("$.active").value(true));

        List<ReferenceChanged> published = published("departments:" + code, 4);
        assertThat(published).extracting(ReferenceChanged::revision).containsExactly(1L, 2L, 3L, 4L);
        assertThat(published).extracting(ReferenceChanged::active).containsExactly(true, true, false, true);
        assertThat(published.get(1).name()).isEqualTo("海口市龙华区水务局");
        assertThat(published.get(0).department().contactPerson()).isEqualTo("张科长");
        assertThat(published).allMatch(e -> e.actor().equals("u-admin-longhua"));

        saveDepartment(district, code, "{\"name\":\"x\",\"org\":\"haikou/meilan\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("foreign-org"));
        saveDepartment(district, code, "{\"name\":\"x\",\"org\":\"haikou/nowhere\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-org"));
        saveDepartment(district, code, "{\"name\":\"x\",\"org\":\"haikou/longhua\",\"phone\":\"12345\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-phone"));
        saveDepartment(Callers.editor("haikou/longhua"), code, "{\"name\":\"x\",\"org\":\"haikou/longhua\"}")
                .andExpect(status().isForbidden());
    }

    @Test
    void anImportStoresNothingWhenAnyRowIsWrongAndNamesEachRowAndColumn() throws Exception {
        String a = "i-" + UUID.randomUUID().toString().substring(0, 6);
        byte[] bad = workbook(
                row("1", a + "-water", "海口市水务局", "市水务局", "海口市政协", "党政部门", "陈科长", "0898-68001234", "sw@haikou.gov.cn", "在用"),
                row("2", a + "-water", "海口市水务局（重复）", "", "haikou", "党政部门", "", "", "", ""),
                row("3", a + "-women", "海口市妇联", "", "海口市不存在的政协", "人民团体", "", "", "", ""),
                row("4", "Bad Code", "x", "", "haikou", "", "", "", "", ""),
                row("5", a + "-ent", "某公司", "", "haikou", "外资", "", "138", "not-mail", "作废"));
        importing(bad).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("import-invalid"))
                .andExpect(jsonPath("$.errors[?(@.row==4)].column", hasItem("单位编码")))
                .andExpect(jsonPath("$.errors[?(@.row==4)].code", hasItem("duplicate-code")))
                .andExpect(jsonPath("$.errors[?(@.row==5)].code", hasItem("unknown-org")))
                .andExpect(jsonPath("$.errors[?(@.row==5)].column", hasItem("所属政协组织")))
                .andExpect(jsonPath("$.errors[?(@.row==6)].code", hasItem("invalid-code")))
                .andExpect(jsonPath("$.errors[?(@.row==7)].code", hasItem("invalid-kind")))
                .andExpect(jsonPath("$.errors[?(@.row==7)].code", hasItem("invalid-phone")))
                .andExpect(jsonPath("$.errors[?(@.row==7)].code", hasItem("invalid-email")))
                .andExpect(jsonPath("$.errors[?(@.row==7)].code", hasItem("invalid-status")));
        mvc.perform(get("/api/departments/" + a + "-water").with(CITY_ADMIN)).andExpect(status().isNotFound());

        byte[] good = workbook(
                row("1", a + "-water", "海口市水务局", "市水务局", "海口市政协", "党政部门", "陈科长", "0898-68001234", "sw@haikou.gov.cn", "在用"),
                row("2", a + "-women", "海口市妇女联合会", "市妇联", "haikou", "人民团体", "", "13800001111", "", ""));
        importing(good).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(2));
        mvc.perform(get("/api/departments/" + a + "-women").with(Callers.editor("haikou")))
                .andExpect(jsonPath("$.kindLabel").value("人民团体")).andExpect(jsonPath("$.phone").value("13800001111"));

        byte[] again = workbook(
                row("1", a + "-water", "海口市水务局", "市水务局", "海口市政协", "党政部门", "陈科长", "0898-68001234", "sw@haikou.gov.cn", "在用"),
                row("2", a + "-women", "海口市妇女联合会", "市妇联", "haikou", "人民团体", "", "13800001111", "", "停用"));
        importing(again).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(1)).andExpect(jsonPath("$.unchanged").value(1));
        mvc.perform(get("/api/departments/" + a + "-women").with(CITY_ADMIN)).andExpect(jsonPath("$.active").value(false));
    }

    @Test
    void malformedOrOversizedWorkbooksAreRefusedAndTheTemplateReadsBackAsItsOwnImport() throws Exception {
        importing("not a spreadsheet".getBytes()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-workbook"));
        importing(new byte[6 * 1024 * 1024]).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("workbook-too-large"));
        byte[] noHeader;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("x").createRow(0).createCell(0).setCellValue("单位全称");
            wb.write(out);
            noHeader = out.toByteArray();
        }
        importing(noHeader).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-template"));

        byte[] template = mvc.perform(get("/api/departments/template.xlsx").with(CITY_ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            var header = wb.getSheetAt(0).getRow(1);
            for (int i = 0; i < HEADER.length; i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(HEADER[i]);
            }
            assertThat(wb.getSheetAt(0).getDataValidations()).hasSize(2);
        }
        // the template's example row is the demo department itself: importing it changes nothing
        importing(template).andExpect(status().isOk()).andExpect(jsonPath("$.unchanged").value(1));
        mvc.perform(get("/api/departments/template.xlsx").with(Callers.editor("haikou"))).andExpect(status().isForbidden());
    }

    @Test
    void theCalendarIsEnteredOrReadFromTheNoticeAndPublished() throws Exception {
        mvc.perform(get("/api/calendar").with(Callers.member("haikou")))
                .andExpect(jsonPath("$.years[?(@.year==2026)].holidays[0]").value("2026-01-01"));
        String notice = """
                一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
                二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
                三、清明节：4月4日（周六）至6日（周一）放假，共3天。
                四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
                五、端午节：6月19日（周五）至21日（周日）放假，共3天。
                六、中秋节：9月25日（周五）至27日（周日）放假，共3天。9月20日（周日）上班。
                七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。10月10日（周六）上班。
                """;
        String read = mvc.perform(post("/api/calendar/2026/notice").with(CITY_ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":" + json(notice) + "}")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String shipped = mvc.perform(get("/api/calendar/2026").with(CITY_ADMIN)).andReturn().getResponse().getContentAsString();
        assertThat(field(read, "holidays")).isEqualTo(field(shipped, "holidays"));
        assertThat(field(read, "workingWeekends")).isEqualTo(field(shipped, "workingWeekends"));

        int year = 2090 + (int) (Math.random() * 9);
        putYear(CITY_ADMIN, year, "[\"" + year + "-01-01\"]", "[\"" + (year - 1) + "-12-30\"]")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-calendar"))
                .andExpect(jsonPath("$.errors[0].field").value("workingWeekends"));
        putYear(CITY_ADMIN, year, "[\"" + year + "-01-01\"]", "[]").andExpect(status().isOk());
        putYear(Callers.token("u-admin-longhua", "admin", "haikou/longhua", null), year, "[\"" + year + "-01-01\"]", "[]")
                .andExpect(status().isForbidden());
        putYear(CITY_ADMIN, year, "[\"not-a-date\"]", "[]").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-date"));

        var event = (CalendarChanged) publishedEvents("calendar:" + year, 1).get(0);
        assertThat(event.holidays()).containsExactly(LocalDate.of(year, 1, 1));
        assertThat(event.actor()).isEqualTo("u-admin");
    }

    private ResultActions putYear(RequestPostProcessor who, int year, String holidays, String weekends) throws Exception {
        return mvc.perform(put("/api/calendar/" + year).with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"holidays\":" + holidays + ",\"workingWeekends\":" + weekends + ",\"source\":\"测试\"}"));
    }

    private ResultActions saveDepartment(RequestPostProcessor who, String code, String json) throws Exception {
        return mvc.perform(put("/api/departments/" + code).with(who).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private ResultActions importing(byte[] file) throws Exception {
        return mvc.perform(multipart("/api/departments/import").file(new MockMultipartFile("file", "承办单位.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file)).with(CITY_ADMIN));
    }

    static String[] row(String... cells) {
        return SheetFixture.row(cells);
    }

    static byte[] workbook(String[]... rows) throws Exception {
        return SheetFixture.workbook("承办单位", HEADER, rows);
    }

    @SuppressWarnings("unchecked")
    private List<ReferenceChanged> published(String key, int count) {
        return (List<ReferenceChanged>) (List<?>) publishedEvents(key, count);
    }

    private List<ReferenceEvent> publishedEvents(String key, int count) {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(ReferenceEvent.TOPIC));
            List<ReferenceEvent> events = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        events.add(ReferenceCodec.fromJson(r.value()));
                    }
                });
                return events.size() >= count;
            });
            return events;
        }
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\"");
        return json.substring(i, json.indexOf(']', i) + 1);
    }
}
