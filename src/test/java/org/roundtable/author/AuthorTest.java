package org.roundtable.author;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.TestServer.ARTICLE;
import static org.roundtable.Reader.postedId;

import java.net.HttpCookie;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.MutableClock;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** Authors without accounts: the signed cookie, the edit window, deletion, and the private link. */
class AuthorTest {

    @TempDir
    Path folder;
    final MutableClock clock = new MutableClock();
    TestServer server;
    Reader author;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(folder), clock);
        author = server.reader();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aCommentPostedWithoutANameIsEditedWithoutOne() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("name", "", "body", "Nameless")));
        Document form = author.open(ARTICLE + "/comments/" + id + "/edit");
        assertThat(form.getElementById("edit-name").val()).as("not the placeholder \"Anonymous\" offered as a name").isEmpty();
    }

    @Test
    void postingSetsASignedHttpOnlyLaxAuthorCookie() {
        var response = author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Hello"));
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("rt_author=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/").doesNotContain("Secure");
        assertThat(HttpCookie.parse(setCookie).get(0).getValue()).matches("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void anAuthorCanEditTheirCommentInsideTheWindowAndItSaysEdited() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-1", Map.of("name", "Ana", "body", "Frist draft")));
        assertThat(author.open(ARTICLE + "/comments/" + id + "/edit").selectFirst(".time-left").text()).isEqualTo("15 minutes");
        clock.advance(Duration.ofMinutes(14));
        Document editPage = author.open(ARTICLE + "/comments/" + id + "/edit");
        assertThat(editPage.selectFirst("textarea").text()).isEqualTo("Frist draft");
        assertThat(editPage.selectFirst("main > p").text()).as("how long is left to change it")
                .contains("for 15 minutes after posting it: 1 minute left for this one.");

        var saved = author.submit(editPage, "form[action$=/edit]", Map.of("body", "First draft, corrected"));
        assertThat(saved.statusCode()).isEqualTo(303);
        var comment = author.follow(saved).getElementById("comment-" + id);
        assertThat(comment.selectFirst(".comment-body").text()).isEqualTo("First draft, corrected");
        assertThat(comment.selectFirst(".comment-author").text()).isEqualTo("Ana");
        assertThat(comment.selectFirst(".edited").text()).isEqualTo("edited");
    }

    @Test
    void editingIsRefusedAfterTheWindowAndTheCommentStaysAsItWas() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Original")));
        Document editPage = author.open(ARTICLE + "/comments/" + id + "/edit");
        clock.advance(Duration.ofMinutes(15));

        assertThat(author.get(ARTICLE + "/comments/" + id + "/edit").statusCode()).isEqualTo(403);
        var late = author.submit(editPage, "form[action$=/edit]", Map.of("body", "Too late"));
        assertThat(late.statusCode()).isEqualTo(403);
        Document refused = Reader.parse(late);
        assertThat(refused.selectFirst(".form-error").text()).as("said plainly, and the words written meanwhile kept")
                .startsWith("The 15 minutes for changing this comment ran out while you were writing");
        assertThat(refused.selectFirst("textarea[name=body]").wholeText()).isEqualTo("Too late");
        var comment = author.open(ARTICLE).getElementById("comment-" + id);
        assertThat(comment.selectFirst(".comment-body").text()).isEqualTo("Original");
        assertThat(comment.select(".comment-actions a[href$=/edit]")).isEmpty();
    }

    @Test
    void aRefusedEditKeepsTheTypedText() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Original")));
        var refused = author.submit(author.open(ARTICLE + "/comments/" + id + "/edit"), "form[action$=/edit]",
                Map.of("name", "x".repeat(81), "body", "New words"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document page = Reader.parse(refused);
        assertThat(page.selectFirst(".form-error").text()).contains("80");
        assertThat(page.selectFirst("textarea").text()).isEqualTo("New words");
    }

    @Test
    void someoneElseCannotEditOrDelete() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Mine")));
        Reader stranger = server.reader();
        Document page = stranger.open(ARTICLE);
        assertThat(page.getElementById("comment-" + id).select(".comment-actions form:not(.helpful-form), a[href$=/edit]")).isEmpty();
        assertThat(stranger.get(ARTICLE + "/comments/" + id + "/edit").statusCode()).isEqualTo(403);
        String token = page.selectFirst("input[name=form_token]").val();
        assertThat(stranger.post(ARTICLE + "/comments/" + id + "/delete", Map.of("form_token", token)).statusCode()).isEqualTo(403);
        assertThat(stranger.post(ARTICLE + "/comments/" + id + "/edit", Map.of("form_token", token, "body", "Hijacked"))
                .statusCode()).isEqualTo(403);
        assertThat(author.open(ARTICLE).getElementById("comment-" + id).selectFirst(".comment-body").text()).isEqualTo("Mine");
    }

    @Test
    void deletingACommentWithRepliesLeavesAPlaceholderSoRepliesKeepTheirPlace() {
        long parent = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-3", Map.of("name", "Ana", "body", "Parent")));
        Reader replier = server.reader();
        long reply = postedId(replier.submit(replier.open(ARTICLE + "/comments/" + parent), "#reply-form", Map.of("body", "Child")));

        var asked = author.submit(author.open(ARTICLE), "#comment-" + parent + " form[action$=/delete]", Map.of());
        assertThat(asked.statusCode()).as("asks first").isEqualTo(200);
        Document confirmation = Reader.parse(asked);
        assertThat(confirmation.selectFirst("h1").text()).isEqualTo("Delete your comment?");
        assertThat(confirmation.selectFirst("blockquote").text()).isEqualTo("Parent");
        assertThat(server.commentStatus(parent)).isEqualTo("published");

        var deleted = author.submit(confirmation, "main form[action$=/delete]", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(deleted.headers().firstValue("Location")).hasValue(ARTICLE + "/comments/" + parent + "/deleted");
        Document done = author.follow(deleted);
        assertThat(done.selectFirst(".notice").text()).contains("no longer shown");
        assertThat(done.selectFirst("main a").attr("href")).isEqualTo(ARTICLE + "/discussions/proposal-3?sort=oldest");

        Document page = author.open(ARTICLE);
        var placeholder = page.getElementById("comment-" + parent);
        assertThat(placeholder.selectFirst(".comment-placeholder").text()).isEqualTo("[deleted]");
        assertThat(placeholder.text()).doesNotContain("Parent", "Ana");
        assertThat(placeholder.selectFirst("> .continue-thread a").text()).as("its reply on the discussion's page").isEqualTo("1 reply →");
        Document discussion = author.open(ARTICLE + "/discussions/proposal-3");
        assertThat(discussion.getElementById("comment-" + parent).getElementById("comment-" + reply).selectFirst(".comment-body").text())
                .isEqualTo("Child");
        assertThat(page.selectFirst("#proposal-3-discussion-heading").text()).contains("(1 comment)");
        String stored = server.jdbi().withHandle(h -> h.createQuery("SELECT author_name || body FROM comments WHERE id = :id")
                .bind("id", parent).mapTo(String.class).one());
        assertThat(stored).isEmpty();
        String trace = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT moderator || ' ' || action || ' ' || before_value FROM audit_log WHERE target_id = :id")
                .bind("id", parent).mapTo(String.class).one());
        assertThat(trace).isEqualTo("author comment.author_delete Ana: Parent");
    }

    /** A reload or a new tab opens the confirmation with GET: it asks again, or leads on, and never deletes by itself. */
    @Test
    void theDeleteConfirmationsAddressOpenedAgainAsksAgainOrLeadsBackToTheComment() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-3", Map.of("body", "Second thoughts")));
        String confirmation = ARTICLE + "/comments/" + id + "/delete";

        var again = author.get(confirmation);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
        Document page = Reader.parse(again);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Delete your comment?");
        assertThat(page.selectFirst("blockquote").text()).isEqualTo("Second thoughts");
        assertThat(server.commentStatus(id)).as("opening it deletes nothing").isEqualTo("published");

        var stranger = server.reader().get(confirmation);
        assertThat(stranger.statusCode()).isEqualTo(303);
        assertThat(stranger.headers().firstValue("Location")).hasValue(ARTICLE + "/discussions/proposal-3?sort=oldest#comment-" + id);

        assertThat(author.submit(page, "main form[action$=/delete]", Map.of()).statusCode()).isEqualTo(303);
        var afterwards = author.get(confirmation);
        assertThat(afterwards.statusCode()).isEqualTo(303);
        assertThat(afterwards.headers().firstValue("Location")).hasValue(ARTICLE + "/comments/" + id + "/deleted");
    }

    @Test
    void theDeleteConfirmationsAddressLeadsBackToTheCommentOnceTheWindowHasClosed() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-3", Map.of("body", "Kept after all")));
        clock.advance(Duration.ofMinutes(15));
        var late = author.get(ARTICLE + "/comments/" + id + "/delete");
        assertThat(late.statusCode()).isEqualTo(303);
        assertThat(late.headers().firstValue("Location")).hasValue(ARTICLE + "/discussions/proposal-3?sort=oldest#comment-" + id);
        assertThat(server.commentStatus(id)).isEqualTo("published");
    }

    @Test
    void deletingACommentWithoutRepliesRemovesItFromThePage() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-proposal-4", Map.of("body", "Regret")));
        author.submit(author.open(ARTICLE), "#comment-" + id + " form[action$=/delete]", Map.of("confirmed", "yes"));
        Document page = author.open(ARTICLE);
        assertThat(page.getElementById("comment-" + id)).isNull();
        assertThat(page.selectFirst("#proposal-4-discussion").text()).contains("No comments yet");
        assertThat(author.get(ARTICLE + "/comments/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void thePrivatePageQuotesCommentsAsReadersSeeThemNotAsMarkdown() {
        var posted = author.submit(author.open(ARTICLE), "#reply-general",
                Map.of("body", "**Ports** matter, see [the map](https://map.example) and `code`"));
        String privateLink = author.follow(posted).selectFirst(".private-link a").attr("href");
        Document page = author.open(privateLink.substring(privateLink.indexOf("/authors/")));
        assertThat(page.selectFirst(".own-comments blockquote").text()).isEqualTo("Ports matter, see the map and code");
    }

    @Test
    void aNewAuthorSeesTheirPrivateLinkOnceAndItWorksFromAnotherDevice() {
        var posted = author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "From my laptop"));
        long id = postedId(posted);
        Document afterPost = author.follow(posted);
        assertThat(afterPost.select(".private-link")).hasSize(1);
        String privateLink = afterPost.getElementById("comment-" + id).selectFirst(".private-link a.private-link-url").attr("href");
        assertThat(privateLink).as("beside the new comment, where the reader lands")
                .matches("http://localhost:\\d+/authors/[A-Za-z0-9_-]{43}");
        assertThat(author.open(ARTICLE).getElementById("comment-" + id).select(".private-link"))
                .as("still there on the next page, until the reader has had time to keep it").hasSize(1);
        assertThat(author.open(ARTICLE + "/discussions/proposal-2").select(".private-link")).as("only beside its comment").isEmpty();

        String token = privateLink.substring(privateLink.lastIndexOf('/') + 1);
        String storedHash = server.jdbi().withHandle(h -> h.createQuery("SELECT manage_token_hash FROM authors")
                .mapTo(String.class).one());
        assertThat(storedHash).isNotEqualTo(token).hasSize(64);

        Reader phone = server.reader();
        var privatePage = phone.get("/authors/" + token);
        assertThat(privatePage.statusCode()).isEqualTo(200);
        assertThat(privatePage.headers().firstValue("Referrer-Policy")).as("no Referer to other sites").hasValue("same-origin");
        assertThat(privatePage.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        Document list = Reader.parse(privatePage);
        assertThat(list.select(".own-comments li")).hasSize(1);
        assertThat(list.selectFirst(".own-comments blockquote").text()).isEqualTo("From my laptop");
        assertThat(phone.get(ARTICLE + "/comments/" + id + "/edit").statusCode()).as("not signed in by a mere visit").isEqualTo(403);
        var signedIn = phone.submit(list, "form[action=/authors/" + token + "]", Map.of());
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(phone.follow(signedIn).select(".own-comments a[href$=/edit]")).hasSize(1);

        var edited = phone.submit(phone.open(ARTICLE + "/comments/" + id + "/edit"), "form[action$=/edit]",
                Map.of("body", "Edited from my phone"));
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(phone.open(ARTICLE).getElementById("comment-" + id).selectFirst(".comment-body").text())
                .isEqualTo("Edited from my phone");
    }

    @Test
    void aLaterPostByTheSameAuthorGetsNoNewLink() {
        author.follow(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "One")));
        var second = author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Two"));
        assertThat(author.follow(second).getElementById("comment-" + postedId(second)).select(".private-link")).isEmpty();
        int authors = server.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM authors").mapTo(Integer.class).one());
        assertThat(authors).isEqualTo(1);
    }

    @Test
    void anUnknownPrivateLinkIsNotFound() {
        var response = author.get("/authors/not-a-real-token");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("This private link is not valid.");
    }

    @Test
    void aForgedAuthorCookieIsIgnored() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Mine")));
        Reader forger = server.reader();
        HttpCookie real = author.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("rt_author")).findFirst().orElseThrow();
        String publicId = real.getValue().substring(0, real.getValue().indexOf('.'));
        var forged = new HttpCookie("rt_author", publicId + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        forged.setPath("/");
        forged.setVersion(0);
        forger.cookies().getCookieStore().add(server.uri("/"), forged);
        assertThat(forger.get(ARTICLE + "/comments/" + id + "/edit").statusCode()).isEqualTo(403);
    }

    @Test
    void authorsStaySignedInAcrossARestart() {
        long id = postedId(author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Before restart")));
        server.close();
        server = TestServer.start(TestServer.config(folder), clock);
        Reader sameBrowser = server.reader();
        author.cookies().getCookieStore().getCookies()
                .forEach(cookie -> sameBrowser.cookies().getCookieStore().add(server.uri("/"), cookie));
        assertThat(sameBrowser.get(ARTICLE + "/comments/" + id + "/edit").statusCode()).isEqualTo(200);
    }

    @Test
    void aBrowserThatPostedGetsANewPrivateLinkAndTheOldSaysItWasReplacedFor30Days() {
        var posted = author.submit(author.open(ARTICLE), "#reply-general", Map.of("body", "Lost my link"));
        String old = author.follow(posted).selectFirst(".private-link a.private-link-url").attr("href");
        Document offer = author.open("/authors/new-link");
        var renewed = author.submit(offer, "main form", Map.of());
        assertThat(renewed.statusCode()).isEqualTo(200);
        assertThat(renewed.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        String fresh = Reader.parse(renewed).selectFirst("a.private-link-url").attr("href");
        assertThat(fresh).isNotEqualTo(old).matches("http://localhost:\\d+/authors/[A-Za-z0-9_-]{43}");
        var replaced = server.reader().get(old.substring(old.indexOf("/authors/")));
        assertThat(replaced.statusCode()).isEqualTo(410);
        assertThat(replaced.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(Reader.parse(replaced).text()).contains("This private link was replaced by a newer one");
        var replacedFeed = server.reader().get(old.substring(old.indexOf("/authors/")) + "/replies.atom");
        assertThat(replacedFeed.statusCode()).as("its feed answers as its page").isEqualTo(410);
        assertThat(replacedFeed.headers().firstValue("Cache-Control")).hasValue("private, no-store");
        assertThat(Reader.parse(server.reader().get(fresh.substring(fresh.indexOf("/authors/")))).text()).contains("Lost my link");
        clock.advance(Duration.ofDays(30).plusMinutes(1));
        var forgotten = server.reader().get(old.substring(old.indexOf("/authors/")));
        assertThat(forgotten.statusCode()).isEqualTo(404);
        assertThat(Reader.parse(forgotten).text()).contains("This private link is not valid");

        Document stranger = server.reader().open(ARTICLE);
        assertThat(stranger.selectFirst("footer a[href=/authors/new-link]").text())
                .as("every page leads to it, without JavaScript too").isEqualTo("Lost your private link?");
        stranger = server.reader().open("/authors/new-link");
        assertThat(stranger.select("main form")).isEmpty();
        assertThat(stranger.text()).contains("has not posted any comments");
    }
}
