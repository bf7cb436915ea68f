package org.roundtable.web;

import java.util.Set;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers 501 to a request whose method HTTP does not define, before the application sees it. Anything the
 * application records about a request (metric labels, Javalin's table of methods) then comes from this
 * fixed set, however many made-up method names a client sends.
 */
public final class KnownMethods extends Handler.Wrapper {

    public static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    KnownMethods(Handler handler) {
        super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!METHODS.contains(request.getMethod())) {
            Response.writeError(request, response, callback, HttpStatus.NOT_IMPLEMENTED_501);
            return true;
        }
        return super.handle(request, response, callback);
    }
}
