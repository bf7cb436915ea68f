package org.roundtable.web;

import io.javalin.http.Context;

/** Headers that tell browsers to run nothing but our own files and to keep the page out of frames. */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    private final boolean https;

    /** {@code https}: the site is served over HTTPS (COOKIE_SECURE), so browsers may be told to insist on it. */
    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    public void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
        ctx.header("X-Frame-Options", "DENY");
        if (https) {
            ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }
}
