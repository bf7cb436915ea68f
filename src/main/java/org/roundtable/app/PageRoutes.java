package org.roundtable.app;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/**
 * Every page is also answered for HEAD, as link checkers, monitors and caches ask: the same handler, so the same
 * status and headers (a personal page's {@code Cache-Control: private} and {@code Vary} included), and Jetty
 * drops the body. Javalin alone answers HEAD with an empty 200 and no headers, even where GET answers 404.
 */
final class PageRoutes {

    private PageRoutes() {}

    static void get(RoutesConfig routes, String path, Handler handler) {
        routes.get(path, handler);
        routes.head(path, handler);
    }
}
