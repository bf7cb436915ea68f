package org.roundtable.accounts;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.roundtable.security.Signer;

/**
 * What an admin action tells the page it redirects to ("Comment 12 edited."): it travels in that page's address,
 * signed, so a link from elsewhere cannot put words on a moderator's page.
 */
public final class AdminNotices {

    private final Signer signer;

    public AdminNotices(Signer signer) {
        this.signer = signer;
    }

    /** {@code address} with {@code value} signed into its query as {@code name}; a fragment stays at the end. */
    public String addTo(String address, String name, String value) {
        int hash = address.indexOf('#');
        String path = hash < 0 ? address : address.substring(0, hash);
        String fragment = hash < 0 ? "" : address.substring(hash);
        return path + (path.contains("?") ? "&" : "?") + name + "="
                + URLEncoder.encode(signer.sign(purpose(name), value), StandardCharsets.UTF_8) + fragment;
    }

    /** The value of query parameter {@code name}, if this site signed it under that name. */
    public Optional<String> read(Context ctx, String name) {
        return signer.verify(purpose(name), ctx.queryParam(name));
    }

    private static String purpose(String name) {
        return "admin-notice:" + name;
    }
}
