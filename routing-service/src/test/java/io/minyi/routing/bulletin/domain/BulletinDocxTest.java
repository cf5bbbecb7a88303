package io.minyi.routing.bulletin.domain;

import io.minyi.contracts.OrgPath;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

class BulletinDocxTest {

    static final Bulletin ISSUE = Bulletin.draft(OrgPath.of("haikou"), "海口市政协办公室", 2026, 12, Instant.now())
            .withItems(List.of(new Bulletin.Item("r-1", OrgPath.of("haikou/longhua"), "关于简化老旧小区加装电梯审批的建议",
                    "龙华区多个老旧小区反映审批环节多。\n建议：一、并联审批；二、公布时限 <30 天> & 限时办结。", "王委员")));

    @Test
    void isAWordPackageWhoseTextReadsLikeThePrintedBulletin() throws Exception {
        Map<String, byte[]> parts = unzip(BulletinDocx.of(ISSUE, LocalDate.of(2026, 11, 24)));
        assertThat(parts).containsKeys("[Content_Types].xml", "_rels/.rels", "word/document.xml");
        var xml = DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        var document = xml.newDocumentBuilder().parse(new ByteArrayInputStream(parts.get("word/document.xml")));
        NodeList runs = document.getElementsByTagNameNS("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "t");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < runs.getLength(); i++) {
            lines.add(runs.item(i).getTextContent());
        }
        assertThat(lines).containsExactly("社情民意信息专报", "2026年第12期", "海口市政协办公室编　　　　2026年11月24日",
                "关于简化老旧小区加装电梯审批的建议", "龙华区多个老旧小区反映审批环节多。",
                "建议：一、并联审批；二、公布时限 <30 天> & 限时办结。", "（王委员 反映）");
        Element masthead = (Element) document.getElementsByTagNameNS(
                "http://schemas.openxmlformats.org/wordprocessingml/2006/main", "color").item(0);
        assertThat(masthead.getAttributeNS("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "val"))
                .as("red masthead").isEqualTo("E60012");
    }

    @Test
    void charactersXmlCannotCarryAreDropped() {
        assertThat(BulletinDocx.escape("a\u0001b<")).isEqualTo("ab&lt;");
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws Exception {
        Map<String, byte[]> parts = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                parts.put(e.getName(), zip.readAllBytes());
            }
        }
        return parts;
    }
}
