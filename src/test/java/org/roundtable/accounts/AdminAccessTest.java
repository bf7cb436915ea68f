package org.roundtable.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.HttpCookie;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.TestDatabases;
import org.roundtable.MutableClock;
import org.roundtable.Reader;
import org.roundtable.TestServer;

/** Who gets into /admin: signing in, sessions, throttling, and a walk over every admin route. */
class AdminAccessTest {

    static final String PASSWORD = "correct horse battery";

    @TempDir
    Path folder;
    final MutableClock clock = new MutableClock();
    TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD)), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void everyAdminRouteIsClosedToAnonymousVisitors() {
        List<String> adminRoutes = server.routes().stream().filter(r -> r.split(" ")[1].startsWith("/admin")).toList();
        assertThat(adminRoutes).hasSizeGreaterThan(20);
        Reader anonymous = server.reader();
        for (String route : adminRoutes) {
            String method = route.split(" ")[0];
            String path = route.split(" ")[1].replace("{id}", "1").replace("{token}", "not-a-token");
            // me.json tells a stranger only that they are not signed in (the public pages' "Moderate" script asks it).
            boolean open = path.equals("/admin/login") || path.startsWith("/admin/setup/") || path.equals("/admin/me.json");
            if (method.equals("GET")) {
                var response = anonymous.get(path);
                if (path.equals("/admin/me.json")) {
                    assertThat(response.body()).as(route).isEqualTo("{\"moderator\":false}");
                } else if (open) {
                    assertThat(response.statusCode()).as(route).isIn(200, 404);
                } else {
                    assertThat(response.statusCode()).as(route).isEqualTo(303);
                    assertThat(response.headers().firstValue("Location").orElseThrow()).as(route).startsWith("/admin/login");
                }
            } else if (method.equals("POST") && !open) {
                var response = anonymous.post(path, Map.of("decision", "approve", "ids", "1"));
                assertThat(response.statusCode()).as(route).isEqualTo(403);
            }
        }
        int auditRows = server.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'comment.%'").mapTo(Integer.class).one());
        assertThat(auditRows).isZero();
    }

    @Test
    void everyAdminPageRendersForASignedInModerator() {
        Reader admin = server.moderator("admin", PASSWORD);
        for (String route : server.routes()) {
            String[] parts = route.split(" ");
            if (parts[0].equals("GET") && parts[1].startsWith("/admin") && !parts[1].contains("{token}")) {
                String path = parts[1].replace("{id}", "1");
                var response = admin.get(path);
                // 409: a backup download, on a database whose own tools make backups.
                assertThat(response.statusCode()).as(path).isIn(200, 303, 404, 409);
                assertThat(response.body()).as(path).doesNotContain("Server Error");
            }
        }
    }

    @Test
    void adminsDownloadAConsistentBackupAndModeratorsCannot() {
        assumeFalse(TestDatabases.onPostgresql(), "the download is for SQLite; PostgresTest covers the refusal");
        Reader admin = server.moderator("admin", PASSWORD);
        var backup = admin.get("/admin/backup");
        assertThat(backup.statusCode()).isEqualTo(200);
        assertThat(backup.headers().firstValue("Content-Disposition").orElseThrow()).matches("attachment; filename=\"roundtable-\\d{8}-\\d{6}\\.db\"");
        assertThat(backup.body()).startsWith("SQLite format 3");
        admin.submit(admin.open("/admin/moderators"), "form[action=/admin/moderators]",
                Map.of("username", "mo", "password", "mo's long password", "confirm", "mo's long password", "role", "moderator"));
        assertThat(server.moderator("mo", "mo's long password").get("/admin/backup").statusCode()).isEqualTo(403);
    }

    @Test
    void adminPostsNeedTheSessionsCsrfTokenAndOurOrigin() {
        Reader admin = server.moderator("admin", PASSWORD);
        assertThat(admin.post("/admin/discussions/1/lock", Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.post("/admin/discussions/1/lock", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        String csrf = admin.open("/admin/articles").selectFirst("input[name=csrf]").val();
        assertThat(admin.post("/admin/discussions/1/lock", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
    }

    @Test
    void adminPasswordCreatesTheAdminAndSignInLeadsOnToTheRequestedPage() {
        Reader admin = server.reader();
        var redirect = admin.get("/admin/queue");
        assertThat(redirect.headers().firstValue("Location")).hasValue("/admin/login?next=/admin/queue");
        var page = admin.open("/admin/login?next=/admin/queue");
        var signedIn = admin.submit(page, "form[action=/admin/login]", Map.of("username", "admin", "password", PASSWORD));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/admin/queue");
        assertThat(admin.open("/admin").selectFirst("h1").text()).isEqualTo("Moderation dashboard");
    }

    @Test
    void theSessionCookieIsStrictHttpOnlyAndScopedToAdmin() {
        Reader admin = server.reader();
        var response = admin.submit(admin.open("/admin/login"), "form[action=/admin/login]",
                Map.of("username", "admin", "password", PASSWORD));
        String cookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("rt_admin=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/admin").doesNotContain("Secure");
        String stored = server.jdbi().withHandle(h -> h.createQuery("SELECT id_hash FROM moderator_sessions").mapTo(String.class).one());
        assertThat(stored).isNotEqualTo(HttpCookie.parse(cookie).get(0).getValue());
    }

    @Test
    void theSessionIdChangesAtEverySignIn() {
        Reader admin = server.moderator("admin", PASSWORD);
        String first = sessionCookie(admin);
        String formToken = server.reader().open("/admin/login").selectFirst("input[name=form_token]").val();
        var again = admin.post("/admin/login", Map.of("form_token", formToken, "username", "admin", "password", PASSWORD));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(sessionCookie(admin)).isNotEqualTo(first);

        Reader withOldId = server.reader();
        var old = new HttpCookie("rt_admin", first);
        old.setPath("/admin");
        old.setVersion(0);
        withOldId.cookies().getCookieStore().add(server.uri("/admin"), old);
        assertThat(withOldId.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void wrongPasswordsAreRefusedAndThrottled() {
        Reader guesser = server.reader();
        for (int attempt = 1; attempt <= 5; attempt++) {
            var refused = guesser.submit(guesser.open("/admin/login"), "form[action=/admin/login]",
                    Map.of("username", "admin", "password", "guess " + attempt));
            assertThat(refused.statusCode()).as("attempt %d", attempt).isEqualTo(401);
            assertThat(Reader.parse(refused).selectFirst(".form-error").text()).contains("do not match");
        }
        var blocked = guesser.submit(guesser.open("/admin/login"), "form[action=/admin/login]",
                Map.of("username", "admin", "password", PASSWORD));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(Reader.parse(blocked).selectFirst(".form-error").text()).contains("Too many failed sign-in attempts", "15 minutes");
        assertThat(Reader.parse(blocked).selectFirst("input[name=username]").val()).isEqualTo("admin");

        clock.advance(Duration.ofMinutes(16));
        assertThat(server.moderator("admin", PASSWORD)).isNotNull();
    }

    @Test
    void failuresFromOneAddressBlockOtherAccountsToo() {
        Reader guesser = server.reader();
        for (int attempt = 1; attempt <= 5; attempt++) {
            guesser.submit(guesser.open("/admin/login"), "form[action=/admin/login]",
                    Map.of("username", "user" + attempt, "password", "guess"));
        }
        var blocked = guesser.submit(guesser.open("/admin/login"), "form[action=/admin/login]",
                Map.of("username", "admin", "password", PASSWORD));
        assertThat(blocked.statusCode()).isEqualTo(429);
    }

    @Test
    void sessionsSurviveARestartAndEndAtLogoutOrWhenIdle() {
        Reader admin = server.moderator("admin", PASSWORD);
        server.close();
        server = TestServer.start(TestServer.config(folder, Map.of("ADMIN_PASSWORD", PASSWORD)), clock);
        Reader sameBrowser = server.reader();
        admin.cookies().getCookieStore().getCookies().forEach(c -> sameBrowser.cookies().getCookieStore().add(server.uri("/admin"), c));
        assertThat(sameBrowser.get("/admin").statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(121));
        assertThat(sameBrowser.get("/admin").statusCode()).isEqualTo(303);

        Reader other = server.moderator("admin", PASSWORD);
        var logout = other.submit(other.open("/admin"), "form[action=/admin/logout]", Map.of());
        assertThat(logout.headers().firstValue("Location")).hasValue("/admin/login");
        assertThat(other.get("/admin").statusCode()).isEqualTo(303);
    }

    @Test
    void withoutAccountsOrPasswordASetupLinkCreatesTheFirstAdminOnce(@TempDir Path fresh) {
        try (var bare = TestServer.start(TestServer.config(fresh))) {
            String token = new AdminBootstrap(bare.jdbi(), new Passwords(4), new org.roundtable.audit.AuditLog(clock), clock)
                    .prepare(java.util.Optional.empty()).orElseThrow();
            Reader owner = bare.reader();
            var form = owner.open("/admin/setup/" + token);
            var weak = owner.submit(form, "form", Map.of("username", "owner", "password", "short", "confirm", "short"));
            assertThat(weak.statusCode()).isEqualTo(422);
            var created = owner.submit(owner.open("/admin/setup/" + token), "form",
                    Map.of("username", "owner", "password", "a long enough secret", "confirm", "a long enough secret"));
            assertThat(created.statusCode()).isEqualTo(303);
            assertThat(owner.open("/admin").select("nav.admin-nav").text()).contains("Signed in as owner (admin)");
            assertThat(bare.reader().get("/admin/setup/" + token).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void moderatorsCannotManageAccountsButAdminsCan() {
        Reader admin = server.moderator("admin", PASSWORD);
        var added = admin.submit(admin.open("/admin/moderators"), "form[action=/admin/moderators]",
                Map.of("username", "mia", "password", "mia's long password", "confirm", "mia's long password", "role", "moderator"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(Reader.parse(added).select(".accounts strong").eachText()).containsExactly("admin", "mia");

        Reader mia = server.moderator("mia", "mia's long password");
        String csrf = mia.open("/admin/moderators").selectFirst("input[name=csrf]").val();
        assertThat(mia.post("/admin/moderators", Map.of("csrf", csrf, "username", "eve", "password", "x".repeat(12),
                "confirm", "x".repeat(12))).statusCode()).isEqualTo(403);
        assertThat(mia.open("/admin/moderators").select("form[action$=/remove]")).isEmpty();

        long miaId = server.jdbi().withHandle(h -> h.createQuery("SELECT id FROM moderators WHERE username = 'mia'").mapTo(Long.class).one());
        var removed = admin.submit(admin.open("/admin/moderators"), "form[action=/admin/moderators/" + miaId + "/remove]", Map.of());
        assertThat(Reader.parse(removed).select(".accounts strong").eachText()).containsExactly("admin");
        assertThat(mia.get("/admin").statusCode()).as("removed account's session ends").isEqualTo(303);
        List<String> actions = server.jdbi().withHandle(h -> h.createQuery("SELECT action FROM audit_log ORDER BY id").mapTo(String.class).list());
        assertThat(actions).contains("account.create", "account.login", "account.remove");
    }

    @Test
    void whileTheDatabaseCannotWriteAModeratorStillReadsTheQueueAndTheLogAndIsToldWhy(@TempDir Path other) throws Exception {
        assumeFalse(TestDatabases.onPostgresql(), "SQLite's write lock, held by another process");
        try (var locked = TestServer.start(TestServer.config(other, Map.of("ADMIN_PASSWORD", PASSWORD, "DATABASE_BUSY_TIMEOUT_MS", "200")), clock);
             var connection = java.sql.DriverManager.getConnection(TestServer.databaseUrl(other));
             var statement = connection.createStatement()) {
            Reader admin = locked.moderator("admin", PASSWORD);
            clock.advance(Duration.ofMinutes(5));
            statement.execute("BEGIN IMMEDIATE");
            for (String page : new String[] {"/admin/queue", "/admin/audit", "/admin"}) {
                var response = admin.get(page);
                assertThat(response.statusCode()).as(page).isEqualTo(200);
                assertThat(Reader.parse(response).selectFirst(".admin-nav .form-error").text()).as(page)
                        .contains("refusing to save anything");
            }
            statement.execute("ROLLBACK");
            assertThat(Reader.parse(admin.get("/admin/queue")).select(".admin-nav .form-error")).isEmpty();
        }
    }

    private static String sessionCookie(Reader reader) {
        return reader.cookies().getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("rt_admin")).findFirst().orElseThrow().getValue();
    }
}
