package org.roundtable.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** "edited" leads to every version of a comment, changes marked; moderators may hide a version's text. */
class CommentHistoryTest {

    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    TestServer server;
    Reader author;
    long id;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD)));
        author = server.reader();
        id = postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("name", "Sara", "body", "My phone is 0300 1234567, call me")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyVersionIsShownNewestFirstWithItsChangesMarked() {
        edit("My phone is 0300 1234567, call me soon");
        edit("Call me soon");
        edit("Call me soon, please");

        Element edited = server.page(ARTICLE).getElementById("comment-" + id).selectFirst("a.edited");
        assertThat(edited.text()).isEqualTo("edited");
        Document history = server.reader().open(edited.attr("href"));
        List<Element> versions = history.select(".comment-version");
        assertThat(versions).extracting(v -> v.selectFirst("h2").ownText()).containsExactly("Version 4", "Version 3", "Version 2", "Original");
        assertThat(versions.get(1).selectFirst("h2 small").text()).startsWith("edited by the author");
        assertThat(versions.get(3).selectFirst(".version-text").text()).isEqualTo("My phone is 0300 1234567, call me");
        assertThat(versions.get(2).select(".version-text ins").eachText()).containsExactly("[added: soon]");
        Element third = versions.get(1).selectFirst(".version-text");
        assertThat(third.select("del").text()).contains("My").contains("phone is 0300 1234567, call");
        assertThat(third.select("ins").text()).contains("Call");
        assertThat(versions.get(0).selectFirst(".version-text").select("ins").text()).contains("please");
        assertThat(third.attr("dir")).isEqualTo("auto");
        assertThat(history.select("form")).as("no moderator's buttons for readers").isEmpty();
    }

    @Test
    void aModeratorsEditHidesEveryEarlierVersionFromReadersAtOnce() {
        edit("My phone is 0300 1234567, call me soon");
        Reader moderator = server.moderator("admin", PASSWORD);
        var saved = moderator.submit(moderator.open("/admin/comments/" + id + "/edit"), "form[action$=/edit]", Map.of("body", "Call me soon, please"));
        assertThat(saved.statusCode()).isEqualTo(303);

        Element edited = server.page(ARTICLE).getElementById("comment-" + id).selectFirst("a.edited");
        assertThat(edited.text()).isEqualTo("edited by a moderator");
        Document readers = server.reader().open(edited.attr("href"));
        assertThat(readers.select(".comment-version")).extracting(v -> v.selectFirst("h2").ownText())
                .containsExactly("Version 3", "Version 2", "Original");
        assertThat(readers.text()).doesNotContain("0300").doesNotContain("1234567").doesNotContain("My phone");
        assertThat(readers.getElementById("version-1").text()).contains("A moderator hid the text of this version.");
        assertThat(readers.getElementById("version-2").text()).contains("A moderator hid the text of this version.");
        Element newest = readers.getElementById("version-3");
        assertThat(newest.selectFirst("h2 small").text()).startsWith("edited by a moderator");
        assertThat(newest.selectFirst(".version-text").text()).isEqualTo("Call me soon, please");
        assertThat(newest.select("ins, del")).as("nothing to compare it with that readers may see").isEmpty();

        List<Long> revisions = server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM comment_revisions ORDER BY id")
                .mapTo(Long.class).list());
        List<Long> audited = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT target_id FROM audit_log WHERE action = 'revision.hide' AND moderator = 'admin' ORDER BY target_id")
                .mapTo(Long.class).list());
        assertThat(audited).containsExactly(revisions.get(0), revisions.get(1));

        Document forModerators = moderator.open("/admin/comments/" + id + "/history");
        assertThat(forModerators.getElementById("version-1").text()).contains("My phone is 0300 1234567, call me");
        assertThat(forModerators.getElementById("version-2").selectFirst("button").text()).isEqualTo("Show this version to readers again");
        assertThat(moderator.submit(forModerators, "#version-2 form", Map.of()).statusCode()).isEqualTo(303);
        Document shownAgain = server.reader().open(edited.attr("href"));
        assertThat(shownAgain.getElementById("version-2").text()).contains("0300 1234567, call me soon");
        assertThat(shownAgain.getElementById("version-1").text()).contains("A moderator hid").doesNotContain("My phone");
    }

    @Test
    void theNewestVersionIsTheCommentItselfSoItCannotBeHidden() {
        edit("Call me soon");
        Reader moderator = server.moderator("admin", PASSWORD);
        Document versions = moderator.open("/admin/comments/" + id + "/history");
        assertThat(versions.getElementById("version-1").select("form")).hasSize(1);
        assertThat(versions.getElementById("version-2").select("form")).as("no hide on the comment's own text").isEmpty();

        long newest = server.jdbi().withHandle(h -> h.createQuery("SELECT MAX(id) FROM comment_revisions").mapTo(Long.class).one());
        String csrf = versions.selectFirst("#version-1 input[name=csrf]").val();
        assertThat(moderator.post("/admin/revisions/" + newest + "/hide", Map.of("csrf", csrf)).statusCode()).isEqualTo(409);
        Element stillShown = server.reader().open(ARTICLE + "/comments/" + id + "/history").getElementById("version-2");
        assertThat(stillShown.select("ins").text()).contains("Call").contains("soon");
        assertThat(stillShown.text()).doesNotContain("A moderator hid");
    }

    @Test
    void aHiddenVersionShowsNothingOfWhatItSaidAndIsAudited() {
        edit("Call me soon");
        edit("Call me tomorrow");
        Reader moderator = server.moderator("admin", PASSWORD);
        Document versions = moderator.open("/admin/comments/" + id + "/history");
        Element original = versions.getElementById("version-1");
        assertThat(original.selectFirst("button").text()).isEqualTo("Hide this version’s text from readers");
        assertThat(moderator.submit(versions, "#version-1 form", Map.of()).statusCode()).isEqualTo(303);

        Document readers = server.reader().open(ARTICLE + "/comments/" + id + "/history");
        assertThat(readers.getElementById("version-1").text()).contains("A moderator hid the text of this version.");
        assertThat(readers.text()).doesNotContain("0300").doesNotContain("1234567");
        assertThat(readers.getElementById("version-2").select("ins, del")).as("the first one shown is shown whole").isEmpty();
        assertThat(readers.getElementById("version-3").select("del").text()).contains("soon");

        Document forModerators = moderator.open("/admin/comments/" + id + "/history");
        assertThat(forModerators.getElementById("version-1").text()).contains("0300 1234567").contains("A moderator hid");
        assertThat(forModerators.getElementById("version-1").selectFirst("button").text()).isEqualTo("Show this version to readers again");
        String audited = server.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_log WHERE target_type = 'revision'")
                .mapTo(String.class).one());
        assertThat(audited).isEqualTo("revision.hide");

        moderator.submit(forModerators, "#version-1 form", Map.of());
        assertThat(server.reader().open(ARTICLE + "/comments/" + id + "/history").text()).contains("0300 1234567");
        assertThat(server.reader().post("/admin/revisions/1/hide", Map.of()).statusCode()).as("behind the sign-in").isEqualTo(403);
    }

    @Test
    void versionsOfDeletedOrRemovedCommentsAreNotShownToReaders() {
        edit("Second thoughts");
        assertThat(server.reader().get(ARTICLE + "/comments/" + id + "/history").statusCode()).isEqualTo(200);
        Reader moderator = server.moderator("admin", PASSWORD);
        moderator.submit(moderator.open("/admin/queue?filter=all"), "#queue-" + id + " form:has(input[value=reject])", Map.of());
        assertThat(server.reader().get(ARTICLE + "/comments/" + id + "/history").statusCode()).isEqualTo(404);
        assertThat(moderator.open("/admin/comments/" + id + "/history").select(".comment-version")).hasSize(2);
    }

    @Test
    void aCommentNeverEditedHasNoVersions() {
        Document history = server.reader().open(ARTICLE + "/comments/" + id + "/history");
        assertThat(history.text()).contains("This comment has not been edited.");
        assertThat(server.page(ARTICLE).getElementById("comment-" + id).select("a.edited")).isEmpty();
        assertThat(history.select(".version-stance")).isEmpty();
    }

    /** A changed stance moves the tally, so the history records it, even when not a word changed. */
    @Test
    void aStanceOnlyEditMakesAVersionThatSaysHowTheStanceChanged() {
        long stanced = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-2",
                Map.of("name", "Sara", "body", "Not before the border is calm.", "stance", "against")));
        edit(stanced, Map.of("stance", "for"));

        Element edited = server.page(ARTICLE + "/discussions/proposal-2").getElementById("comment-" + stanced).selectFirst("a.edited");
        assertThat(edited.text()).isEqualTo("edited");
        Document history = server.reader().open(edited.attr("href"));
        assertThat(history.select(".comment-version")).extracting(v -> v.selectFirst("h2").ownText()).containsExactly("Version 2", "Original");
        Element stanceChange = history.getElementById("version-2");
        assertThat(stanceChange.selectFirst(".version-stance").text()).isEqualTo("Stance: Against → For");
        assertThat(stanceChange.selectFirst(".version-text").text()).isEqualTo("Not before the border is calm.");
        assertThat(stanceChange.select(".version-text ins, .version-text del")).as("not a word changed").isEmpty();
        assertThat(history.getElementById("version-1").selectFirst(".version-stance").text()).isEqualTo("Stance: Against");

        edit(stanced, Map.of("body", "Not before the border is calm, and trade is flowing.", "stance", ""));
        Document again = server.reader().open(edited.attr("href"));
        assertThat(again.getElementById("version-3").selectFirst(".version-stance").text()).isEqualTo("Stance: For → No stance");
        assertThat(again.getElementById("version-3").select(".version-text ins").text()).contains("trade is flowing.");

        edit(stanced, Map.of("body", "Not before the border is calm and trade flows."));
        assertThat(server.reader().open(edited.attr("href")).getElementById("version-4").select(".version-stance"))
                .as("neither a stance nor a change to tell of").isEmpty();
    }

    private void edit(String body) {
        edit(id, Map.of("body", body));
    }

    private void edit(long comment, Map<String, String> changes) {
        var saved = author.submit(author.open(ARTICLE + "/comments/" + comment + "/edit"), "form[action$=/edit]", changes);
        assertThat(saved.statusCode()).isEqualTo(303);
    }
}
