package org.roundtable.accounts;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/** What every admin page shows: who is signed in, and the token every admin form carries. */
public final class AdminPages {

    public static Map<String, Object> model(Context ctx) {
        AdminSession session = AdminGate.session(ctx);
        var model = new HashMap<String, Object>();
        model.put("me", session);
        model.put("csrf", session.csrfToken());
        model.put("writesFailing", AdminSessions.writesFailing(ctx));
        return model;
    }

    /** A page number from the query string: anything that is not a positive number is page 1. */
    public static int page(Context ctx) {
        String value = ctx.queryParam("page");
        return value != null && value.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(value) : 1;
    }

    private AdminPages() {}
}
