package org.roundtable.security;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Optional;

/**
 * Where the site is, as readers reach it. With PUBLIC_URL set that is the configured address, never what a
 * client wrote in its Host header: feeds link to it, and forms must come from it. Without it, the request's
 * own Host is all there is (fine for a site reached directly, by one name).
 */
public final class SiteAddress {

    private final Optional<URI> publicUrl;

    public SiteAddress(Optional<URI> publicUrl) {
        this.publicUrl = publicUrl;
    }

    /** "https://example.org", with no path or trailing slash. */
    public String baseUrl(Context ctx) {
        return publicUrl.map(url -> url.getScheme() + "://" + url.getRawAuthority()).orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }

    /** Whether {@code authority} ("host:port" of an Origin or Referer) is this site's. */
    public boolean isOwn(Context ctx, String authority) {
        return authority.equalsIgnoreCase(publicUrl.map(URI::getRawAuthority).orElse(ctx.header("Host")));
    }
}
