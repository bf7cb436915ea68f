package org.roundtable.author;

import java.time.Instant;

/** The identity behind an author cookie: no name, no email, just a random id. */
public record Author(long id, String publicId, Instant createdAt) {}
