package org.roundtable.siteadmin;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.roundtable.ModeratedSiteTest;

/** The audit log's page: what moderators did, filtered by action, each target a link. */
class AuditLogTest extends ModeratedSiteTest {

    @Test
    void theAuditLogIsBrowsableAndFilterable() {
        long id = post(reader, "general", "Anything");
        decide(id, "reject");
        decide(id, "restore");
        setPolicy("all_held");
        Document all = admin.open("/admin/audit");
        assertThat(all.select("table.audit tbody tr").eachText()).anyMatch(row -> row.contains("article.policy"));
        Document filtered = admin.open("/admin/audit?action=comment.reject");
        assertThat(filtered.select("table.audit tbody tr")).singleElement()
                .satisfies(row -> assertThat(row.text()).contains("admin", "comment.reject", "published", "rejected"));
        assertThat(filtered.selectFirst("table.audit tbody tr a").attr("href")).as("the target is a link")
                .isEqualTo("/admin/comments/" + id + "/edit");
    }
}
