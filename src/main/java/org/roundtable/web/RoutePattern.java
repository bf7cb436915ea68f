package org.roundtable.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/** The route pattern a request matched ("/authors/{token}"), which is safe to log; the path is not. */
public final class RoutePattern {

    private RoutePattern() {}

    public static String of(Context ctx) {
        Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
        return endpoint == null ? "(no route)" : endpoint.path;
    }
}
