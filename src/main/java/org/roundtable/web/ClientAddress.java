package org.roundtable.web;

import io.javalin.http.Context;

/**
 * Where a request comes from. Directly connected, that is the socket's peer. Behind a reverse proxy
 * (TRUST_PROXY=true) it is the address the proxy appended last to X-Forwarded-For; anything before it was
 * written by the client and proves nothing, so rotating it cannot escape bans or throttles.
 */
public final class ClientAddress {

    public static String behindProxy(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return ctx.req().getRemoteAddr();
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].strip();
    }

    private ClientAddress() {}
}
