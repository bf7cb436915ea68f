package org.roundtable.operations;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import org.roundtable.db.Database;

/** {@code GET /health}: what a load balancer or container runtime asks before sending readers here. */
public final class HealthController {

    private final Database database;

    public HealthController(Database database) {
        this.database = database;
    }

    public void health(Context ctx) {
        boolean reachable = database.isReachable();
        boolean migrated = reachable && database.isMigrated();
        boolean up = reachable && migrated;
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .result("{\"status\":\"" + (up ? "up" : "down") + "\",\"database\":\"" + (reachable ? "up" : "down")
                        + "\",\"engine\":\"" + database.engine()
                        + "\",\"migrations\":\"" + (migrated ? "applied" : "pending") + "\"}");
    }
}
