package org.roundtable.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.ModeratedSiteTest;
import org.roundtable.Reader;

/**
 * A comment a moderator hid answers every address of it as a comment that never existed, to everyone but its
 * author where they still see it: nobody learns which comments were hidden by asking for them.
 */
class HiddenCommentsTest extends ModeratedSiteTest {

    @Test
    void everyAddressOfARejectedCommentAnswersAsAMissingOne() {
        long rejected = post(reader, "proposal-2", "Rejected words");
        decide(rejected, "reject");
        long missing = rejected + 1_000;
        Reader stranger = Reader.from(server, "203.0.113.20");
        String token = stranger.open(ARTICLE).selectFirst("input[name=form_token]").val();

        for (Reader who : new Reader[] {stranger, reader}) {
            for (String page : new String[] {"", "?quote", "/edit", "/delete", "/deleted", "/report", "/history", "/report?sent"}) {
                HttpResponse<String> hidden = who.get(ARTICLE + "/comments/" + rejected + page);
                HttpResponse<String> absent = who.get(ARTICLE + "/comments/" + missing + page);
                assertThat(status(hidden)).as(page).isEqualTo(status(absent)).isEqualTo(page.endsWith("?sent") ? 200 : 404);
                for (String header : new String[] {"Vary", "Cache-Control", "Location"}) {
                    assertThat(hidden.headers().allValues(header)).as(page + " " + header).isEqualTo(absent.headers().allValues(header));
                }
                assertThat(hidden.body()).as(page).doesNotContain("Rejected words").doesNotContain("deleted");
            }
        }
        for (String action : new String[] {"/helpful", "/delete", "/edit"}) {
            Map<String, String> fields = Map.of("form_token", token, "helpful", "yes", "confirmed", "yes", "body", "New");
            HttpResponse<String> hidden = stranger.post(ARTICLE + "/comments/" + rejected + action, fields);
            HttpResponse<String> absent = stranger.post(ARTICLE + "/comments/" + missing + action, fields);
            assertThat(hidden.statusCode()).as(action).isEqualTo(absent.statusCode()).isEqualTo(404);
            assertThat(hidden.body()).as(action).isEqualTo(absent.body());
        }
        assertThat(status(rejected)).isEqualTo("rejected");
    }

    @Test
    void onlyTheAuthorIsToldTheirCommentWasDeleted() {
        long id = post(reader, "general", "Second thoughts");
        var asked = reader.submit(reader.open(ARTICLE + "/comments/" + id + "/delete"), "main form[action$=/delete]", Map.of());
        assertThat(asked.statusCode()).isEqualTo(303);
        String done = ARTICLE + "/comments/" + id + "/deleted";

        assertThat(reader.get(done).statusCode()).isEqualTo(200);
        Reader stranger = Reader.from(server, "203.0.113.21");
        assertThat(stranger.get(done).statusCode()).isEqualTo(404);
        assertThat(stranger.get(ARTICLE + "/comments/" + id + "/delete").statusCode())
                .as("the placeholder stays in its place, so the confirmation leads there").isEqualTo(303);
    }

    private static int status(HttpResponse<String> response) {
        return response.statusCode();
    }
}
