package org.roundtable.moderation;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.roundtable.accounts.AdminGate;
import org.roundtable.accounts.AdminPages;
import org.roundtable.accounts.AdminSession;
import org.roundtable.antispam.BlockedEntry;
import org.roundtable.antispam.BlocklistRepository;
import org.roundtable.audit.AuditLog;
import org.roundtable.comment.CommentRepository;
import org.roundtable.comment.Ids;
import org.roundtable.security.IpHashes;
import org.roundtable.web.Forms;

/**
 * The blocklist: phrases, and addresses (kept only as hashes), whose comments are held or marked spam.
 * An address is added by typing it, or from a comment in the queue without anyone seeing it.
 */
public final class BlocklistController {

    private final Jdbi jdbi;
    private final IpHashes ipHashes;
    private final AuditLog audit;
    private final Clock clock;

    public BlocklistController(Jdbi jdbi, IpHashes ipHashes, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.ipHashes = ipHashes;
        this.audit = audit;
        this.clock = clock;
    }

    public void list(Context ctx) {
        render(ctx, null, 200);
    }

    public void addPhrase(Context ctx) {
        String phrase = Forms.field(ctx, "phrase").strip();
        if (phrase.length() < 2 || phrase.length() > 200) {
            render(ctx, "A phrase needs 2 to 200 characters.", 422);
            return;
        }
        add(ctx, BlockedEntry.PHRASE, phrase, phrase);
    }

    public void addAddress(Context ctx) {
        String address = Forms.field(ctx, "address").strip();
        if (!address.matches("[0-9A-Fa-f:.]{2,45}")) {
            render(ctx, "That does not look like an IPv4 or IPv6 address.", 422);
            return;
        }
        add(ctx, BlockedEntry.IP_HASH, ipHashes.of(address), "address typed by a moderator");
    }

    /** Blocks the address a comment came from, by its stored hash. */
    public void addAddressOfComment(Context ctx) {
        long commentId = Ids.fromPath(ctx);
        String ipHash = jdbi.onDemand(CommentRepository.class).ipHash(commentId);
        if (ipHash == null) {
            render(ctx, "That comment has no address on record (it may have been imported).", 422);
            return;
        }
        add(ctx, BlockedEntry.IP_HASH, ipHash, "address of comment " + commentId);
    }

    public void remove(Context ctx) {
        long id = Ids.fromPath(ctx);
        jdbi.useTransaction(handle -> {
            var blocklist = handle.attach(BlocklistRepository.class);
            String before = blocklist.describe(id);
            if (blocklist.delete(id) > 0) {
                audit.record(handle, AdminGate.session(ctx).actor(), "blocklist.remove", "blocklist", id, before, null);
            }
        });
        ctx.redirect("/admin/blocklist", HttpStatus.SEE_OTHER);
    }

    private void add(Context ctx, String kind, String value, String description) {
        String verdict = "spam".equals(ctx.formParam("verdict")) ? "spam" : "held";
        AdminSession me = AdminGate.session(ctx);
        Optional<String> problem = jdbi.inTransaction(handle -> {
            var blocklist = handle.attach(BlocklistRepository.class);
            if (blocklist.exists(kind, value)) {
                return Optional.of("That is already on the blocklist.");
            }
            long id = blocklist.insert(kind, value, verdict, me.moderatorId(), clock.instant());
            audit.record(handle, me.actor(), "blocklist.add", "blocklist", id, null, kind + ": " + description + " → " + verdict);
            return Optional.empty();
        });
        if (problem.isPresent()) {
            render(ctx, problem.get(), 422);
            return;
        }
        ctx.redirect("/admin/blocklist", HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, String error, int status) {
        var model = AdminPages.model(ctx);
        model.put("entries", jdbi.onDemand(BlocklistRepository.class).all());
        model.put("error", error);
        ctx.status(status);
        ctx.render("admin/blocklist", model);
    }
}
