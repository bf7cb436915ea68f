package org.roundtable.summary;

/** What readers see of a moderator: a name they chose for readers, never their login. */
public final class ModeratorNames {

    /** Until a moderator chooses a name, their summaries are signed by the team. */
    public static final String DEFAULT = "the moderators";

    private ModeratorNames() {}
}
