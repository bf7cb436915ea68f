package org.roundtable.db;

/** Thrown where Roundtable does not make backups itself because the engine's own tools do (pg_dump). */
public final class BackupsElsewhere extends IllegalStateException {

    BackupsElsewhere(String message) {
        super(message);
    }
}
