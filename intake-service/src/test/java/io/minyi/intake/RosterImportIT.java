package io.minyi.intake;

import io.minyi.intake.people.Directory;
import io.minyi.intake.people.domain.Person;
import io.minyi.testsupport.Callers;
import io.minyi.testsupport.MinyiServiceIT;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The roster import's checks and what it asks of the directory. Keycloak itself is exercised end to end
 * (e2e SettingUpE2EIT); here the directory is kept in memory so that "nothing stored" can be seen exactly.
 */
@MinyiServiceIT
@Import(RosterImportIT.InMemory.class)
class RosterImportIT {

    static final String[] HEADER = {"序号", "账号", "姓名", "角色", "所属政协组织", "界别", "联络站", "承办单位", "手机号码", "电子邮箱", "状态"};
    static final RequestPostProcessor SECURITY = Callers.token("security-admin", "security-admin", "haikou", null);

    @Autowired MockMvc mvc;
    @Autowired MemoryDirectory directory;

    @TestConfiguration
    static class InMemory {
        @Bean
        @Primary
        MemoryDirectory memoryDirectory() {
            return new MemoryDirectory();
        }
    }

    /** Accounts in memory; every write and mail recorded. */
    static class MemoryDirectory implements Directory {
        final Map<String, Person> people = new LinkedHashMap<>();
        final List<String> writes = new ArrayList<>();
        final List<String> mails = new ArrayList<>();

        @Override
        public List<Person> people() {
            return List.copyOf(people.values());
        }

        @Override
        public Optional<Person> find(String username) {
            return Optional.ofNullable(people.get(username));
        }

        @Override
        public boolean create(Person person) {
            writes.add("create " + person.username());
            return people.putIfAbsent(person.username(), person) == null;
        }

        @Override
        public void update(Person person) {
            writes.add("update " + person.username());
            people.put(person.username(), person);
        }

        @Override
        public boolean sendSetPassword(String username, int hours) {
            mails.add(username);
            return true;
        }
    }

    @BeforeEach
    void reset() {
        directory.people.clear();
        directory.writes.clear();
        directory.mails.clear();
        directory.people.put("editor-meilan", new Person("editor-meilan", "美兰编辑", List.of("editor"), "haikou/meilan",
                null, null, null, null, "editor-meilan@minyi.example", true));
        directory.people.put("old.member", new Person("old.member", "老委员", List.of("member"), "haikou/longhua",
                "ccp", null, null, null, "old@example.gov.cn", true));
    }

    @Test
    void aValidRosterCreatesUpdatesAndDisablesAndMailsEachNewAccount() throws Exception {
        importing(SECURITY, workbook(
                row("1", "li.bianji", "李编辑", "信息编辑", "龙华区政协", "", "", "", "13912345678", "Li.Bianji@Longhua.gov.cn", "在职"),
                row("2", "zhou.ban", "周办理", "承办单位", "haikou/longhua", "", "", "龙华区住建局", "0898-66123456", "zhou@longhua.gov.cn", ""),
                row("3", "chen.xinxi", "陈信息员", "信息员、委员", "龙华区政协", "民盟", "龙华区委员之家", "", "", "chen@example.gov.cn", "在职"),
                row("4", "old.member", "老委员", "委员", "龙华区政协", "中国共产党", "", "", "", "old@example.gov.cn", "离职")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3)).andExpect(jsonPath("$.disabled").value(1))
                .andExpect(jsonPath("$.mailed.length()").value(3));
        Person handler = directory.people.get("zhou.ban");
        assertThat(handler.department()).isEqualTo("longhua-housing");
        assertThat(handler.org()).isEqualTo("haikou/longhua");
        Person officer = directory.people.get("chen.xinxi");
        assertThat(officer.roles()).containsExactly("officer", "member");
        assertThat(officer.station()).isEqualTo("haikou-longhua-01");
        assertThat(officer.sector()).isEqualTo("cdl");
        assertThat(directory.people.get("li.bianji").email()).isEqualTo("li.bianji@longhua.gov.cn");
        assertThat(directory.people.get("old.member").enabled()).as("disabled, not deleted").isFalse();
        assertThat(directory.mails).containsExactlyInAnyOrder("li.bianji", "zhou.ban", "chen.xinxi");

        // the export reads back as an import that changes nothing
        byte[] export = mvc.perform(get("/api/people/export.xlsx").with(SECURITY)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        directory.writes.clear();
        importing(SECURITY, export).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0)).andExpect(jsonPath("$.unchanged").value(5));
        assertThat(directory.writes).isEmpty();
    }

    @Test
    void everyWrongRowIsNamedByRowAndColumnAndNothingIsWritten() throws Exception {
        importing(SECURITY, workbook(
                row("1", "Bad Name", "某人", "委员", "龙华区政协", "", "", "", "", "a@example.gov.cn", ""),
                row("2", "two.duties", "两职", "系统管理员、审计员", "海口市政协", "", "", "", "", "b@example.gov.cn", ""),
                row("3", "no.body", "无组织", "委员", "火星区政协", "", "", "", "", "c@example.gov.cn", ""),
                row("4", "no.dept", "无单位", "承办单位", "龙华区政协", "", "", "", "", "d@example.gov.cn", ""),
                row("5", "bad.mail", "坏邮箱", "领导", "龙华区政协", "", "", "", "12", "not-mail", ""),
                row("6", "no.station", "无站", "信息员", "龙华区政协", "", "", "", "", "e@example.gov.cn", ""),
                row("7", "sibling.dept", "外单位", "承办单位", "龙华区政协", "", "", "美兰区住建局", "", "f@example.gov.cn", ""),
                row("8", "dup.one", "重复", "委员", "龙华区政协", "", "", "", "", "g@example.gov.cn", ""),
                row("9", "dup.one", "重复", "委员", "龙华区政协", "", "", "", "", "h@example.gov.cn", ""),
                row("10", "taken.mail", "占用", "委员", "龙华区政协", "", "", "", "", "old@example.gov.cn", ""),
                row("11", "ghost", "幽灵", "委员", "龙华区政协", "", "", "", "", "i@example.gov.cn", "离职"),
                row("12", "role.typo", "错角色", "委原", "龙华区政协", "", "", "", "", "j@example.gov.cn", "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("import-invalid"))
                .andExpect(jsonPath("$.detail").value(containsString("第 3 行")))
                .andExpect(jsonPath("$.errors[?(@.row==3)].code").value("invalid-username"))
                .andExpect(jsonPath("$.errors[?(@.row==4)].code").value("separate-duties"))
                .andExpect(jsonPath("$.errors[?(@.row==4)].column").value("角色"))
                .andExpect(jsonPath("$.errors[?(@.row==5)].code").value("unknown-org"))
                .andExpect(jsonPath("$.errors[?(@.row==6)].code").value("missing-department"))
                .andExpect(jsonPath("$.errors[?(@.row==7)].code").value(org.hamcrest.Matchers.contains("invalid-phone", "invalid-email")))
                .andExpect(jsonPath("$.errors[?(@.row==8)].code").value("missing-station"))
                .andExpect(jsonPath("$.errors[?(@.row==9)].code").value("foreign-department"))
                .andExpect(jsonPath("$.errors[?(@.row==11)].code").value("duplicate-username"))
                .andExpect(jsonPath("$.errors[?(@.row==12)].code").value("email-taken"))
                .andExpect(jsonPath("$.errors[?(@.row==13)].code").value("unknown-leaver"))
                .andExpect(jsonPath("$.errors[?(@.row==14)].code").value("unknown-role"));
        assertThat(directory.writes).as("nothing written").isEmpty();
        assertThat(directory.mails).isEmpty();
    }

    @Test
    void onlyTheSecurityAdministratorOfTheBodyOrAboveManagesItsPeople() throws Exception {
        var district = Callers.token("sa-longhua", "security-admin", "haikou/longhua", null);
        importing(district, workbook(row("1", "meilan.x", "美兰人", "委员", "美兰区政协", "", "", "", "", "x@example.gov.cn", "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("foreign-org"));
        importing(district, workbook(row("1", "editor-meilan", "美兰编辑", "信息编辑", "龙华区政协", "", "", "", "", "editor-meilan@minyi.example", "")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].code").value("foreign-account"));
        mvc.perform(get("/api/people").with(district)).andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].username").value("old.member"));
        mvc.perform(get("/api/people/editor-meilan").with(district)).andExpect(status().isNotFound());
        for (String role : new String[]{"admin", "auditor", "editor"}) {
            mvc.perform(get("/api/people").with(Callers.token("u-" + role, role, "haikou", null))).andExpect(status().isForbidden());
            importing(Callers.token("u-" + role, role, "haikou", null), workbook()).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/people/old.member/disable").with(district)).andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(post("/api/people/old.member/set-password-mail").with(district)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("account-disabled"));
        mvc.perform(post("/api/people/old.member/enable").with(district)).andExpect(jsonPath("$.enabled").value(true));
        mvc.perform(post("/api/people/old.member/set-password-mail").with(district)).andExpect(status().isAccepted());
        assertThat(directory.mails).containsExactly("old.member");
        assertThat(directory.writes).containsExactly("update old.member", "update old.member");
    }

    @Test
    void malformedWorkbooksAreRefusedAndTheTemplateIsItsOwnValidImport() throws Exception {
        importing(SECURITY, "不是表格".getBytes()).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-workbook"));
        importing(SECURITY, workbook()).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("empty-workbook"));
        byte[] template = mvc.perform(get("/api/people/template.xlsx").with(SECURITY)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("账号");
        }
        importing(SECURITY, template).andExpect(status().isOk()).andExpect(jsonPath("$.created").value(1));
        assertThat(directory.writes).containsExactly("create wang.xiaoming");
    }

    private ResultActions importing(RequestPostProcessor who, byte[] file) throws Exception {
        return mvc.perform(multipart("/api/people/import").file(new MockMultipartFile("file", "人员名册.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file)).with(who));
    }

    static String[] row(String... cells) {
        return SheetFixture.row(cells);
    }

    static byte[] workbook(String[]... rows) throws Exception {
        return SheetFixture.workbook("人员名册", HEADER, rows);
    }
}
