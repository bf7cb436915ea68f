package org.roundtable.search;

/** One comment found, as the results page shows it: who, where, when, and the lines around the words found. */
public record SearchResult(String path, String author, String discussion, String isoTime, String readableTime,
                           String excerptHtml) {}
