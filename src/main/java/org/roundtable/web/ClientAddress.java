package org.roundtable.web;

import io.javalin.http.Context;
import java.util.Collections;

/**
 * Where a request comes from. Directly connected, that is the socket's peer. Behind a reverse proxy
 * (TRUST_PROXY=true) it is the right-most address of X-Forwarded-For, across all its header lines: the proxy
 * appends to the header or adds a line of its own, and anything before its hop was written by the client and
 * proves nothing, so rotating it cannot escape bans or throttles.
 */
public final class ClientAddress {

    public static String behindProxy(Context ctx) {
        String lastHop = null;
        for (String line : Collections.list(ctx.req().getHeaders("X-Forwarded-For"))) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    lastHop = hop.strip();
                }
            }
        }
        return lastHop == null ? ctx.req().getRemoteAddr() : lastHop;
    }

    private ClientAddress() {}
}
