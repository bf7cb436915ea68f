package org.roundtable.security;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Guards every form a reader can send. Each rendered form carries a signed token saying when it was served,
 * and the request must come from one of our own pages (Origin, or Referer when a browser sends no Origin).
 * Readers have no session, so the token is not tied to a person: a reader without a cookie has nobody to tie it
 * to, and tying it to the cookie a first comment sets would refuse the forms in every other tab they had open.
 * Cross-site posts are stopped by the origin check and by SameSite cookies instead, and a stale or forged token
 * gets a plain "send it again".
 */
public final class FormTokens {

    public static final String FIELD = "form_token";
    private static final String VERDICT = "roundtable.form-verdict";
    private static final String PURPOSE = "form";
    static final Duration LIFETIME = Duration.ofDays(2);

    public enum Verdict {
        VALID, EXPIRED, FORGED, FOREIGN_ORIGIN;

        /** What the person whose form was refused is told, in the same words wherever a form is refused. */
        public String refusal() {
            return switch (this) {
                case VALID -> "";
                case EXPIRED -> "This page was open for a long time, so we could not accept the form as it was."
                        + " Please send it again; anything you typed is still here.";
                case FOREIGN_ORIGIN -> "This form was sent from another site, so we did not accept it.";
                case FORGED -> "We could not verify this form. Please send it again; anything you typed is still here.";
            };
        }

        /** 400 for a form that went stale, which sending again mends; 403 for one forged or from another site. */
        public int status() {
            return this == EXPIRED ? 400 : 403;
        }
    }

    /** The verdict on a submitted form, and when a valid one was served (null otherwise). */
    public record Check(Verdict verdict, Instant issuedAt) {
        public boolean isValid() {
            return verdict == Verdict.VALID;
        }
    }

    private final Signer signer;
    private final Clock clock;
    private final SiteAddress site;

    public FormTokens(Signer signer, Clock clock, SiteAddress site) {
        this.signer = signer;
        this.clock = clock;
        this.site = site;
    }

    public String issue() {
        return signer.sign(PURPOSE, Long.toString(clock.instant().getEpochSecond()));
    }

    /**
     * The one place a form's verdict is reached: a before-handler for every request, so that each POST route finds it
     * with {@link #verdictOf} and only decides what a refusal means for it (posting holds a bad-token post as spam;
     * every other form refuses). A route cannot forget the check, only its policy.
     */
    public void judge(Context ctx) {
        if (ctx.method() == HandlerType.POST) {
            ctx.attribute(VERDICT, check(ctx));
        }
    }

    /** The verdict on the form this POST carries, reached once by {@link #judge}. */
    public static Check verdictOf(Context ctx) {
        Check verdict = ctx.attribute(VERDICT);
        if (verdict == null) {
            throw new IllegalStateException("No form verdict: FormTokens.judge must run before every POST route");
        }
        return verdict;
    }

    Check check(Context ctx) {
        if (!sameOrigin(ctx)) {
            return new Check(Verdict.FOREIGN_ORIGIN, null);
        }
        Optional<Instant> issued = signer.verify(PURPOSE, ctx.formParam(FIELD)).flatMap(FormTokens::epochSecond);
        if (issued.isEmpty()) {
            return new Check(Verdict.FORGED, null);
        }
        return issued.get().plus(LIFETIME).isBefore(clock.instant())
                ? new Check(Verdict.EXPIRED, null)
                : new Check(Verdict.VALID, issued.get());
    }

    /**
     * Browsers send Origin on every POST, and older ones at least a Referer: a POST with neither did not come from a
     * page of ours in a browser, and is refused like one from another site. Accepting it left a page that hides
     * both (a {@code no-referrer} policy in an old browser) able to send a reader's cookie with a form.
     */
    public boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String source = origin != null && !origin.equals("null") ? origin : ctx.header("Referer");
        if (source == null) {
            return false;
        }
        try {
            URI from = URI.create(source);
            // Our pages are served over http or https; any other scheme (javascript:, ftp:, none) is not one of them.
            boolean web = "http".equalsIgnoreCase(from.getScheme()) || "https".equalsIgnoreCase(from.getScheme());
            return web && from.getRawAuthority() != null && site.isOwn(ctx, from.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<Instant> epochSecond(String value) {
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
