package org.roundtable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.Reader.postedId;
import static org.roundtable.TestServer.ARTICLE;

import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moderation tests' site, fresh for each test, with the admin signed in; and the steps those tests take on it
 * through the site's own forms: readers post, reply and report, the admin sets a policy and decides in the queue.
 */
public abstract class ModeratedSiteTest {

    protected static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    protected final MutableClock clock = new MutableClock();
    protected TestServer server;
    protected Reader admin;
    protected Reader reader;

    @BeforeEach
    void start() {
        // Behind a proxy, so that readers can come from different addresses.
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD, "TRUST_PROXY", "true")), clock);
        admin = server.moderator("admin", PASSWORD);
        reader = server.reader();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    protected long post(Reader who, String discussion, String body) {
        return postedId(who.submit(who.open(ARTICLE), "#reply-" + discussion, Map.of("body", body)));
    }

    protected long reply(Reader who, long parent, String body) {
        return postedId(who.submit(who.open(ARTICLE + "/comments/" + parent), "#reply-form", Map.of("body", body)));
    }

    protected void report(Reader who, long id, String reason, String details) {
        var sent = who.submit(who.open(ARTICLE + "/comments/" + id + "/report"), "form",
                Map.of("reason", reason, "details", details));
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(who.follow(sent).selectFirst(".thanks").text()).contains("Thank you");
    }

    protected void decide(long id, String decision) {
        Document queue = admin.open("/admin/queue?filter=all");
        var response = admin.submit(queue, "#queue-" + id + " form:has(input[name=decision][value=" + decision + "])", Map.of());
        if (decision.equals("delete")) {
            assertThat(response.statusCode()).as("asked first").isEqualTo(200);
            response = admin.submit(Reader.parse(response), "main form:has(input[name=confirmed])", Map.of());
        }
        assertThat(response.statusCode()).isEqualTo(303);
    }

    protected void setPolicy(String policy) {
        var response = admin.submit(admin.open("/admin/articles"), "form.policy-form", Map.of("policy", policy));
        assertThat(response.statusCode()).isEqualTo(303);
    }

    protected String status(long id) {
        return server.commentStatus(id);
    }

    protected long discussionId(String key) {
        return server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM discussions WHERE discussion_key = :key")
                .bind("key", key).mapTo(Long.class).one());
    }
}
