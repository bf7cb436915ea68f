package org.roundtable.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.ModeratedSiteTest;
import org.roundtable.Reader;

/**
 * An author's edit passes the checks a post passes: the blocklist, the links, a lock and a ban; a banned author may
 * neither edit nor delete, and is not offered to.
 */
class AuthorEditChecksTest extends ModeratedSiteTest {

    @Test
    void anAuthorsEditPassesTheChecksAPostPasses() {
        admin.submit(admin.open("/admin/blocklist"), "form[action=/admin/blocklist/phrases]",
                Map.of("phrase", "cheap pills", "verdict", "spam"));
        long listed = post(reader, "general", "An honest opinion");
        assertThat(edit(reader, listed, "Buy cheap pills").statusCode()).isEqualTo(303);
        assertThat(status(listed)).isEqualTo("spam");

        long linked = post(reader, "general", "Sources to follow");
        assertThat(edit(reader, linked, "[a](//a.example) [b](//b.example) [c](//c.example)").statusCode()).isEqualTo(303);
        assertThat(status(linked)).isEqualTo("held");
        int audited = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = 'comment.author_edit'")
                .mapTo(Integer.class).one());
        assertThat(audited).isEqualTo(2);

        long locked = post(reader, "proposal-3", "Before the lock");
        admin.submit(admin.open("/admin/articles"), "form[action=/admin/discussions/" + discussionId("proposal-3") + "/lock]", Map.of());
        var refused = edit(reader, locked, "After the lock");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(Reader.parse(refused).selectFirst("textarea").text()).isEqualTo("After the lock");

        long bannedComment = post(reader, "general", "Before the ban");
        var editPageLeftOpen = reader.open(ARTICLE + "/comments/" + bannedComment + "/edit");
        admin.submit(admin.open("/admin/comments/" + bannedComment + "/ban"), "form[action$=/ban]",
                Map.of("reason", "Cool off", "length", "1d"));
        var refusedEdit = reader.submit(editPageLeftOpen, "form[action$=/edit]", Map.of("body", "After the ban"));
        assertThat(refusedEdit.statusCode()).isEqualTo(403);
        assertThat(Reader.parse(refusedEdit).text()).contains("A moderator has banned you from posting here");
        var own = reader.open(ARTICLE).getElementById("comment-" + bannedComment);
        assertThat(own.select(".comment-actions a[href$=/edit], .comment-actions form[action$=/delete]"))
                .as("a banned author is offered neither Edit nor Delete").isEmpty();
        String token = reader.open(ARTICLE).selectFirst("input[name=form_token]").val();
        assertThat(reader.post(ARTICLE + "/comments/" + bannedComment + "/delete", Map.of("form_token", token)).statusCode())
                .isEqualTo(403);
        String kept = server.jdbi().withHandle(h -> h.createQuery("SELECT body FROM comments WHERE id = :id").bind("id", bannedComment)
                .mapTo(String.class).one());
        assertThat(kept).isEqualTo("Before the ban");
    }

    private HttpResponse<String> edit(Reader who, long id, String body) {
        return who.submit(who.open(ARTICLE + "/comments/" + id + "/edit"), "form[action$=/edit]", Map.of("body", body));
    }
}
