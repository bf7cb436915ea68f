package org.roundtable.web;

import io.javalin.http.Context;

/** Reading submitted forms, where a field that was not sent counts as empty. */
public final class Forms {

    public static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    private Forms() {}
}
